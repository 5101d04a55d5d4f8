package ma.tadafor.dashboard.ingestion;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.api.ListPage;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.data.ingestion.IngestionRunStore;
import ma.tadafor.data.ingestion.QuarantineStore;
import ma.tadafor.data.ingestion.QuarantinedItem;
import ma.tadafor.data.ingestion.SourceRun;
import ma.tadafor.ingestion.pull.IngestionRuns;
import ma.tadafor.ingestion.pull.UnknownSourceException;

/** Ingestion runs on demand, their reports, and what they set aside. */
@RestController
@RequestMapping("/api/v1/ingestion")
class IngestionRunController {

    private final IngestionRuns ingestionRuns;
    private final IngestionRunStore runs;
    private final QuarantineStore quarantine;

    private final AuditLog audit;

    IngestionRunController(IngestionRuns ingestionRuns, IngestionRunStore runs, QuarantineStore quarantine, AuditLog audit) {
        this.ingestionRuns = ingestionRuns;
        this.runs = runs;
        this.quarantine = quarantine;
        this.audit = audit;
    }

    /** The sources to pull; none (or no body) means every enabled source. Bounded: a platform has a few per commune. */
    record RunRequest(@Size(max = 5000, message = "at most {max} sources") List<@NotNull(message = "must be a source id, not null") String> sources) {
    }

    /** A run as API.md writes it: each source under {@code id}. */
    record RunView(String runId, String trigger, String status, Instant startedAt, Instant finishedAt,
                   List<SourceView> sources) {

        static RunView of(IngestionRun run) {
            return new RunView(run.runId(), run.trigger(), run.status(), run.startedAt(), run.finishedAt(),
                    run.sources().stream().map(SourceView::of).toList());
        }
    }

    record SourceView(String id, String status, long read, long inserted, long updated, long deleted, long quarantined,
                      String error, Instant startedAt, Instant finishedAt) {

        static SourceView of(SourceRun source) {
            return new SourceView(source.sourceId(), source.status(), source.read(), source.inserted(), source.updated(),
                    source.deleted(), source.quarantined(), source.error(), source.startedAt(), source.finishedAt());
        }
    }

    @PostMapping("/runs")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Pull portal sources now", description = "Roles: ADMIN. Body `{\"sources\": [id, …]}`; "
            + "empty or absent: every enabled source. Answers 202 with `{\"runId\"}`.")
    ResponseEntity<Map<String, String>> start(@Valid @RequestBody(required = false) RunRequest request) {
        try {
            List<String> sources = request == null || request.sources() == null ? List.of() : request.sources();
            String runId = ingestionRuns.start(sources, "api");
            audit.record("INGESTION_RUN", runId, sources.isEmpty() ? "all enabled sources" : String.join(",", sources));
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("runId", runId));
        } catch (UnknownSourceException e) {
            throw new InvalidParameterException("sources", e.getMessage());
        }
    }

    @GetMapping("/runs")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    @Operation(summary = "The latest ingestion runs, newest first", description = "Roles: ADMIN, PROGRAMME.")
    Items<RunView> recent(@Parameter(description = "how many, 1 to 200") @RequestParam(defaultValue = "20") int size) {
        if (size < 1 || size > 200) {
            throw new InvalidParameterException("size", "must be from 1 to 200");
        }
        return new Items<>(runs.recent(size).stream().map(RunView::of).toList());
    }

    @GetMapping("/runs/{runId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "One ingestion run and what it did for each source", description = "Roles: ADMIN. 404 for an unknown run.")
    ResponseEntity<RunView> run(@PathVariable String runId) {
        return ResponseEntity.ok(ingestionRuns.find(runId).map(RunView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no ingestion run " + runId)));
    }

    @GetMapping("/quarantine")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    @Operation(summary = "Items set aside by ingestion", description = "Roles: ADMIN, PROGRAMME; the raw text for ADMIN only.")
    Items<QuarantinedItem> quarantine(@Parameter(description = "a source's id") @RequestParam(required = false) String source,
                                      @Parameter(description = "from 0") @RequestParam(defaultValue = "0") int page,
                                      @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "100") int size,
                                      @AuthenticationPrincipal SignedInUser user) {
        ListPage rows = ListPage.of(page, size, 1000);
        List<QuarantinedItem> items = quarantine.list(source, rows.offset(), rows.size());
        // The raw text carries per-activity cells, exact small counts among them (docs/PRIVACY.md).
        return new Items<>(Audience.of(user).exact() ? items : items.stream().map(QuarantinedItem::withoutRawText).toList());
    }
}
