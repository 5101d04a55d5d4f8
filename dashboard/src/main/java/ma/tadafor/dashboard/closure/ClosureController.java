package ma.tadafor.dashboard.closure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedRevision;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.closure.Closure;
import ma.tadafor.data.closure.Revision;
import ma.tadafor.data.closure.RevisionQueries;

/** {@code /api/v1/closures} of API.md ("Closures, lineage, outliers"). */
@RestController
class ClosureController {

    record ProposeRequest(String province, String semester) {
    }

    record ReopenRequest(String reason) {
    }

    private final Closures closures;
    private final RevisionQueries revisions;
    private final Disclosure disclosure;

    ClosureController(Closures closures, RevisionQueries revisions, Disclosure disclosure) {
        this.closures = closures;
        this.revisions = revisions;
        this.disclosure = disclosure;
    }

    @PostMapping("/api/v1/closures")
    @Operation(summary = "Propose closing a province's semester", description = "Roles: PROGRAMME, ADMIN. Body `{province, semester}`; `201` with the closure `{id, province, semester, status: PROPOSED, proposedBy, proposedAt}`; `409` if the semester has a closure that is not reopened.")
    ResponseEntity<Map<String, Object>> propose(@RequestBody ProposeRequest request, @AuthenticationPrincipal SignedInUser user) {
        if (request.province() == null || request.semester() == null) {
            throw new InvalidParameterException(request.province() == null ? "province" : "semester", "is required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(view(closures.propose(request.province(), request.semester(), user)));
    }

    @PostMapping("/api/v1/closures/{id}/approve")
    @Operation(summary = "Approve a proposed closure", description = "Roles: the province's GOVERNOR, ADMIN (another province's governor: 403). The semester's figures of the province are frozen as they are now.")
    Map<String, Object> approve(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return view(closures.approve(id, user));
    }

    @PostMapping("/api/v1/closures/{id}/reopen")
    @Operation(summary = "Reopen a closure", description = "Roles: ADMIN. Body `{reason}`; audited; the next refresh, started now, puts the current figures back.")
    Map<String, Object> reopen(@PathVariable long id, @RequestBody ReopenRequest request,
            @AuthenticationPrincipal SignedInUser user) {
        return view(closures.reopen(id, request.reason(), user));
    }

    @GetMapping("/api/v1/closures")
    @Operation(summary = "Closures in the caller's scope", description = "Roles: any signed-in user, within their scope. `{items: [closure]}`, newest first.")
    Items<Map<String, Object>> list(@Parameter(description = "a province code such as 05.091") @RequestParam(required = false) String province,
            @Parameter(description = "a semester such as 2024S1") @RequestParam(required = false) String semester,
            @AuthenticationPrincipal SignedInUser user) {
        return new Items<>(closures.list(province, semester, user).stream().map(ClosureController::view).toList());
    }

    @GetMapping("/api/v1/closures/{id}/revisions")
    @Operation(summary = "Revisions since approval", description = "Roles: any signed-in user, within their scope. `{items: [{kind: indicator|participation, key, approved, now, items: [{sourceId, itemId, change}]}], disclosure}`: figures that changed since the approval, as of the last refresh, both through the disclosure layer.")
    Map<String, Object> revisions(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        Closure closure = closures.readable(id, user);
        Audience audience = Audience.of(user);
        List<Map<String, Object>> items = revisions.of(closure.id()).stream().map(r -> revision(r, audience)).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("disclosure", Disclosure.describe(audience));
        return answer;
    }

    private Map<String, Object> revision(Revision revision, Audience audience) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("scope", revision.scope());
        if (revision.indicatorCode() != null) {
            key.put("indicator", revision.indicatorCode());
        } else {
            key.put("breakdown", revision.breakdown());
            key.put("value", revision.breakdownValue());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", revision.kind());
        json.put("key", key);
        PublishedRevision published = disclosure.revision(revision, audience);
        json.put("approved", published.approved().value());
        json.put("now", published.now().value());
        json.put("items", Disclosure.itemsBeside(revision.items(), published.suppressed(), audience).stream()
                .map(i -> Map.of("sourceId", i.sourceId(), "itemId", i.itemId(), "change", i.change())).toList());
        return json;
    }

    static Map<String, Object> view(Closure closure) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", closure.id());
        json.put("province", closure.provinceCode());
        json.put("semester", closure.semester());
        json.put("status", closure.status().name());
        json.put("proposedBy", closure.proposedBy());
        json.put("proposedAt", closure.proposedAt());
        json.put("approvedBy", closure.approvedBy());
        json.put("approvedAt", closure.approvedAt());
        json.put("reopenedBy", closure.reopenedBy());
        json.put("reopenedAt", closure.reopenedAt());
        json.put("reopenReason", closure.reopenReason());
        return json;
    }
}
