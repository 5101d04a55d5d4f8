package ma.tadafor.dashboard.framework;

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

/** Which communes are in the programme, and in which cohort: programme managers decide. */
@RestController
@RequestMapping("/api/v1/programme/communes")
@PreAuthorize("hasRole('PROGRAMME')")
class MembershipController {

    private final FrameworkChanges changes;

    MembershipController(FrameworkChanges changes) {
        this.changes = changes;
    }

    /** @param joined the month the commune joined, {@code 2023-10}, or a date */
    record Membership(String cohort, String joined) {
    }

    @PutMapping("/{code}")
    @Operation(summary = "Put a commune in the programme, in a cohort", description = "Roles: PROGRAMME.")
    ResponseEntity<Void> join(@PathVariable String code, @RequestBody Membership membership) {
        changes.join(code, membership.cohort(), membership.joined());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{code}")
    @Operation(summary = "Take a commune out of the programme", description = "Roles: PROGRAMME.")
    ResponseEntity<Void> leave(@PathVariable String code) {
        if (!changes.leave(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "commune " + code + " is not in the programme");
        }
        return ResponseEntity.noContent().build();
    }
}
