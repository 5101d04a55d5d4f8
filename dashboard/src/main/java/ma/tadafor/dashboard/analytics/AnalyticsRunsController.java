package ma.tadafor.dashboard.analytics;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;

import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.mart.AnalyticsRun;

/** Refreshes of the marts: administrators start them; administrators and programme managers follow them. */
@RestController
@RequestMapping("/api/v1/analytics/runs")
class AnalyticsRunsController {

    private final AnalyticsRuns runs;

    AnalyticsRunsController(AnalyticsRuns runs) {
        this.runs = runs;
    }

    /** The optional body of a start: {@code {"full": true}} recomputes every commune, whatever changed. */
    record StartRequest(Boolean full) {

        boolean fullAsked() {
            return Boolean.TRUE.equals(full);
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Refresh the marts", description = "Roles: ADMIN. Recomputes the communes whose facts changed "
            + "(everything when the reference data, the framework or the disclosure secret changed); with the body "
            + "`{\"full\": true}`, every commune. 202 with `{runId}`.")
    ResponseEntity<Map<String, String>> start(@RequestBody(required = false) StartRequest request,
            @AuthenticationPrincipal SignedInUser user) {
        boolean full = request != null && request.fullAsked();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("runId", runs.start("api:" + user.getUsername(), full)));
    }

    @GetMapping("/{runId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    @Operation(summary = "One marts rebuild", description = "Roles: ADMIN, PROGRAMME; 404 for an unknown run.")
    ResponseEntity<AnalyticsRun> run(@PathVariable String runId) {
        return ResponseEntity.ok(runs.find(runId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no analytics run " + runId)));
    }
}
