package ma.tadafor.dashboard.ingestion;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceStore;

/** The commune portals the platform pulls from (API.md {@code /sources}); administrators only. */
@RestController
@RequestMapping("/api/v1/sources")
@PreAuthorize("hasRole('ADMIN')")
class SourceController {

    private final SourceStore sources;
    private final SourceValidator validator;
    private final SourceSchedule schedule;
    private final AuditLog audit;

    SourceController(SourceStore sources, SourceValidator validator, SourceSchedule schedule, AuditLog audit) {
        this.sources = sources;
        this.validator = validator;
        this.schedule = schedule;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Portal sources", description = "Roles: ADMIN. The token is write-only: never in an answer.")
    Items<SourceView> list() {
        return new Items<>(sources.all().stream().map(SourceView::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One portal source", description = "Roles: ADMIN; 404 for an unknown id.")
    ResponseEntity<SourceView> get(@PathVariable String id) {
        return ResponseEntity.ok(sources.find(id).map(SourceView::of).orElseThrow(() -> unknown(id)));
    }

    @PostMapping
    @Operation(summary = "Add a portal source", description = "Roles: ADMIN. Body `{id, type: PORTAL_FEED or DECIDIM, communeCode, baseUrl, token, schedule (cron), enabled}`; 201.")
    ResponseEntity<SourceView> create(@RequestBody SourceRequest request) {
        if (request.id() != null && sources.find(request.id()).isPresent()) {
            throw new InvalidParameterException("id", "a source with this id exists; PUT /api/v1/sources/" + request.id());
        }
        Source source = validator.validate(request, null);
        sources.save(source);
        schedule.refresh();
        audit.record("SOURCE_CREATED", source.id(), describe(source));
        return ResponseEntity.created(URI.create("/api/v1/sources/" + source.id())).body(SourceView.of(source));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a portal source", description = "Roles: ADMIN. Body as for POST.")
    ResponseEntity<SourceView> replace(@PathVariable String id, @RequestBody SourceRequest request) {
        Source existing = sources.find(id).orElse(null);
        Source source = validator.validate(new SourceRequest(id, request.type(), request.communeCode(), request.baseUrl(),
                request.token(), request.schedule(), request.enabled()), existing);
        sources.save(source);
        schedule.refresh();
        audit.record(existing == null ? "SOURCE_CREATED" : "SOURCE_UPDATED", source.id(), describe(source)
                + (request.token() == null ? "" : ", new token"));
        return ResponseEntity.ok(SourceView.of(source));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a portal source", description = "Roles: ADMIN; 204, or 404 for an unknown id.")
    ResponseEntity<Void> delete(@PathVariable String id) {
        boolean deleted = sources.delete(id);
        schedule.refresh();
        if (!deleted) {
            throw unknown(id);
        }
        audit.record("SOURCE_DELETED", id, null);
        return ResponseEntity.noContent().build();
    }

    /** A 404 in problem+json, as every refusal of the API. */
    private static ResponseStatusException unknown(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no source " + id);
    }

    /** What the audit log keeps of a source: never its token. */
    private static String describe(Source source) {
        return source.type() + " " + source.communeCode() + " " + source.baseUrl() + " " + source.schedule()
                + (source.enabled() ? "" : " disabled");
    }
}
