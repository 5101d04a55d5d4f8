package ma.tadafor.dashboard.framework;

import java.util.Arrays;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import ma.tadafor.analytics.indicators.Indicator;
import ma.tadafor.analytics.indicators.IndicatorFilter;
import ma.tadafor.dashboard.analytics.AnalyticsRuns;
import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.framework.IndicatorDefinition;
import ma.tadafor.data.framework.ResultsFrameworkStore;

/**
 * The results framework as data: every authenticated user reads the definitions; programme
 * managers change indicators, targets, hand-entered actuals and narratives. Each change is
 * audited and refreshes the marts.
 */
@RestController
@RequestMapping("/api/v1/framework/indicators")
class FrameworkController {

    private static final Set<String> RESULTS = Set.of("R1", "R2", "R3", "R4");
    private static final Set<String> UNITS = Set.of("count", "percent", "mad");

    private final ResultsFrameworkStore framework;
    private final ReportingScopes scopes;
    private final AuditLog audit;
    private final AnalyticsRuns analytics;
    private final FrameworkChanges changes;

    FrameworkController(ResultsFrameworkStore framework, ReportingScopes scopes, AuditLog audit, AnalyticsRuns analytics,
                        FrameworkChanges changes) {
        this.framework = framework;
        this.scopes = scopes;
        this.audit = audit;
        this.analytics = analytics;
        this.changes = changes;
    }

    @GetMapping
    @Operation(summary = "The results framework's indicators as defined", description = "Roles: any signed-in user.")
    Items<IndicatorDefinition> indicators() {
        return new Items<>(framework.indicators());
    }

    /** An indicator as a programme manager sends it; left-out order and cumulation take defaults. */
    record IndicatorRequest(String result, Integer sortOrder, String labelFr, String labelAr, String unit,
                            String computation, String activityFilter, String shareFilter, Boolean cumulative,
                            String disaggregations, Double baseline) {
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('PROGRAMME')")
    @Operation(summary = "Define or change an indicator", description = "Roles: PROGRAMME.")
    IndicatorDefinition define(@PathVariable String code, @RequestBody IndicatorRequest request) {
        IndicatorDefinition indicator = validated(code, request);
        framework.saveIndicator(indicator);
        changed("INDICATOR_DEFINED", code, indicator.computation() + " " + indicator.activityFilter());
        return indicator;
    }

    record Target(Double target) {
    }

    @PutMapping("/{code}/targets/{semester}")
    @PreAuthorize("hasRole('PROGRAMME')")
    @Operation(summary = "Set an indicator's target for a semester", description = "Roles: PROGRAMME.")
    ResponseEntity<Void> target(@PathVariable String code, @PathVariable String semester,
                                @RequestParam(defaultValue = ReportingScopes.PROGRAMME) String scope,
                                @RequestBody Target request, @AuthenticationPrincipal SignedInUser user) {
        changes.setTarget(code, scope, semester, request.target(), user.scope());
        return ResponseEntity.noContent().build();
    }

    record Value(Double value) {
    }

    @PutMapping("/{code}/values/{semester}")
    @PreAuthorize("hasRole('PROGRAMME')")
    @Operation(summary = "Enter a manual indicator's value for a semester", description = "Roles: PROGRAMME.")
    ResponseEntity<Void> value(@PathVariable String code, @PathVariable String semester,
                               @RequestParam(defaultValue = ReportingScopes.PROGRAMME) String scope,
                               @RequestBody Value request, @AuthenticationPrincipal SignedInUser user) {
        IndicatorDefinition indicator = existing(code);
        if (!indicator.computation().equals(Indicator.Computation.MANUAL.name())) {
            throw new InvalidParameterException("code", code + " is computed from the facts; only MANUAL indicators take values");
        }
        String checked = scopes.checked("scope", scope, user.scope());
        ReportingScopes.semester("semester", semester);
        if (request.value() == null || request.value().isNaN()) {
            throw new InvalidParameterException("value", "a number");
        }
        framework.setValue(code, checked, semester, request.value(), user.getUsername());
        changed("VALUE_ENTERED", code, checked + " " + semester + " = " + request.value());
        return ResponseEntity.noContent().build();
    }

    record Narrative(String fr, String ar) {
    }

    @PutMapping("/{code}/narratives/{semester}")
    @PreAuthorize("hasRole('PROGRAMME')")
    @Operation(summary = "Write an indicator's narrative for a semester", description = "Roles: PROGRAMME.")
    ResponseEntity<Void> narrative(@PathVariable String code, @PathVariable String semester,
                                   @RequestParam(defaultValue = ReportingScopes.PROGRAMME) String scope,
                                   @RequestBody Narrative request, @AuthenticationPrincipal SignedInUser user) {
        existing(code);
        String checked = scopes.checked("scope", scope, user.scope());
        ReportingScopes.semester("semester", semester);
        for (String text : Arrays.asList(request.fr(), request.ar())) {
            if (text != null && text.length() > 4000) {
                throw new InvalidParameterException("narrative", "at most 4,000 characters per language");
            }
        }
        framework.setNarrative(code, checked, semester, request.fr(), request.ar(), user.getUsername());
        audit.record("NARRATIVE_SET", code, checked + " " + semester);
        return ResponseEntity.noContent().build();
    }

    private IndicatorDefinition existing(String code) {
        return framework.indicator(code).orElseThrow(() -> new InvalidParameterException("code", "no indicator " + code));
    }

    private static IndicatorDefinition validated(String code, IndicatorRequest request) {
        if (!code.matches("R[1-4]\\.\\d{1,2}")) {
            throw new InvalidParameterException("code", "like R2.6: the result, a dot, a number");
        }
        if (request.result() == null || !RESULTS.contains(request.result()) || !code.startsWith(request.result() + ".")) {
            throw new InvalidParameterException("result", "R1 to R4, the one the code starts with");
        }
        if (blank(request.labelFr()) || blank(request.labelAr())) {
            throw new InvalidParameterException("label", "both labelFr and labelAr are needed");
        }
        if (request.unit() == null || !UNITS.contains(request.unit())) {
            throw new InvalidParameterException("unit", "count, percent or mad");
        }
        try {
            Indicator.Computation.valueOf(String.valueOf(request.computation()));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("computation", "one of " + Arrays.toString(Indicator.Computation.values()));
        }
        checkFilter("activityFilter", request.activityFilter());
        checkFilter("shareFilter", request.shareFilter());
        return new IndicatorDefinition(code, request.result(), request.sortOrder() == null ? 99 : request.sortOrder(),
                request.labelFr().strip(), request.labelAr().strip(), request.unit(), request.computation(),
                emptyToNull(request.activityFilter()), emptyToNull(request.shareFilter()),
                Boolean.TRUE.equals(request.cumulative()), emptyToNull(request.disaggregations()), request.baseline());
    }

    private static void checkFilter(String parameter, String filter) {
        try {
            IndicatorFilter.parse(filter);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, e.getMessage());
        }
    }

    private void changed(String action, String code, String detail) {
        audit.record(action, code, detail);
        analytics.start("framework:" + code);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String emptyToNull(String text) {
        return blank(text) ? null : text.strip();
    }
}
