package ma.tadafor.dashboard.framework;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;

import ma.tadafor.dashboard.analytics.AnalyticsRuns;
import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.data.framework.ResultsFrameworkStore;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/** Which communes are in the programme, and in which cohort: programme managers decide. */
@RestController
@RequestMapping("/api/v1/programme/communes")
@PreAuthorize("hasRole('PROGRAMME')")
class MembershipController {

    private final ResultsFrameworkStore framework;
    private final TerritoryQueries territories;
    private final AuditLog audit;
    private final AnalyticsRuns analytics;

    MembershipController(ResultsFrameworkStore framework, TerritoryQueries territories, AuditLog audit,
                         AnalyticsRuns analytics) {
        this.framework = framework;
        this.territories = territories;
        this.audit = audit;
        this.analytics = analytics;
    }

    /** @param joined the month the commune joined, {@code 2023-10}, or a date */
    record Membership(String cohort, String joined) {
    }

    @PutMapping("/{code}")
    @Operation(summary = "Put a commune in the programme, in a cohort", description = "Roles: PROGRAMME.")
    ResponseEntity<Void> join(@PathVariable String code, @RequestBody Membership membership) {
        if (territories.find(Territory.Level.COMMUNE, code).isEmpty()) {
            throw new InvalidParameterException("code", "'" + code + "' is not a commune code");
        }
        if (!"pilot".equals(membership.cohort()) && !"extension".equals(membership.cohort())) {
            throw new InvalidParameterException("cohort", "pilot or extension");
        }
        LocalDate joined = joined(membership.joined());
        framework.saveMember(code, membership.cohort(), joined);
        audit.record("MEMBERSHIP_SET", code, membership.cohort() + " since " + joined);
        analytics.start("membership:" + code);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{code}")
    @Operation(summary = "Take a commune out of the programme", description = "Roles: PROGRAMME.")
    ResponseEntity<Void> leave(@PathVariable String code) {
        if (!framework.removeMember(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "commune " + code + " is not in the programme");
        }
        audit.record("MEMBERSHIP_REMOVED", code, null);
        analytics.start("membership:" + code);
        return ResponseEntity.noContent().build();
    }

    private static LocalDate joined(String joined) {
        try {
            return joined != null && joined.matches("\\d{4}-\\d{2}") ? LocalDate.parse(joined + "-01") : LocalDate.parse(joined);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidParameterException("joined", "a month like 2023-10 or a date like 2023-10-15");
        }
    }
}
