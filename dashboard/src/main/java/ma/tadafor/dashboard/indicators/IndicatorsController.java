package ma.tadafor.dashboard.indicators;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import jakarta.servlet.http.HttpServletRequest;

import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.dashboard.closure.Closures;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedActual;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.dashboard.web.JsonAnswers;
import ma.tadafor.data.framework.Projection;
import ma.tadafor.data.mart.IndicatorFigure;
import ma.tadafor.data.mart.IndicatorQueries;

/**
 * {@code GET /api/v1/indicators} of API.md: the results framework for one scope and semester.
 * Without {@code scope}, the caller's own: the programme for national roles, else their one
 * territory (a caller with several must say which). Actuals and statuses are the caller's from the
 * disclosure layer: a suppressed actual is {@code null} with {@code "suppressed": true}, and the
 * answer says how its figures are protected.
 */
@RestController
class IndicatorsController {

    /**
     * One indicator as the API answers it: the mart's cell keys stay inside; {@code demo} when its
     * baseline or target is the demo's invention; {@code projected} the value at the end target's
     * semester at the pace of the semester asked ({@link Projections}), null without one.
     */
    record Indicator(String code, String result, String labelFr, String labelAr, String unit, Double baseline,
                     Double target, Double actual, boolean suppressed, String status, boolean demo, Double projected,
                     String projectedStatus) {
    }

    /** {@code frozen}: true, false or "partial" (docs/TRUST.md). */
    record Answer(List<Indicator> items, Object frozen, Map<String, Object> disclosure) {
    }

    private final IndicatorQueries indicators;
    private final Disclosure disclosure;
    private final Projections projections;
    private final ReportingScopes scopes;
    private final MartCache cache;
    private final JsonAnswers json;
    private final Closures closures;

    IndicatorsController(IndicatorQueries indicators, Disclosure disclosure, Projections projections,
            ReportingScopes scopes, MartCache cache, JsonAnswers json, Closures closures) {
        this.indicators = indicators;
        this.disclosure = disclosure;
        this.projections = projections;
        this.scopes = scopes;
        this.cache = cache;
        this.json = json;
        this.closures = closures;
    }

    @GetMapping("/api/v1/indicators")
    @ApiResponse(responseCode = "200", description = "the indicators", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Answer.class)))
    @Operation(summary = "The results framework for a scope and a semester", description = "Roles: any signed-in user, within their scope; actuals through the disclosure layer for every role but ADMIN. `{items: [{code, result, labelFr, labelAr, unit, baseline, target, actual, suppressed, status, demo, projected, projectedStatus}], disclosure}`; `projected` is the value at the scope's last target's semester at the pace of the semester asked (least-squares line of the actuals the caller is shown, up to that semester), `projectedStatus` WILL_MEET, WILL_MISS or NO_DATA.")
    ResponseEntity<byte[]> indicators(@Parameter(description = "a semester such as 2024S1") @RequestParam String semester,
            @Parameter(description = "`programme`, `region:05`, `province:05.091` or `commune:05.091.01.07`; default: the caller's own")
            @RequestParam(required = false) String scope,
            @AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        ReportingScopes.semester("semester", semester);
        String checked = scope == null ? scopes.own(user.scope()) : scopes.checked("scope", scope, user.scope());
        Audience audience = Audience.of(user);
        return json.of(cache.get(List.of("api-indicators", checked, semester, audience),
                () -> {
                    Map<String, Projection> ahead = projections.of(checked, semester, audience);
                    return new Answer(indicators.indicators(checked, semester).stream()
                            .map(f -> published(f, audience, ahead.getOrDefault(f.code(), Projection.none()))).toList(),
                            closures.frozen(checked, semester), Disclosure.describe(audience));
                }), request);
    }

    private Indicator published(IndicatorFigure figure, Audience audience, Projection projection) {
        PublishedActual actual = disclosure.actual(figure.actual(), figure.target(), audience);
        return new Indicator(figure.code(), figure.result(), figure.labelFr(), figure.labelAr(), figure.unit(),
                figure.baseline(), figure.target(), actual.value(), actual.suppressed(), actual.status(), figure.demo(),
                projection.value(), projection.status());
    }
}
