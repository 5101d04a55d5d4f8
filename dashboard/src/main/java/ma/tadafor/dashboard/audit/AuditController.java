package ma.tadafor.dashboard.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.api.ListPage;
import ma.tadafor.data.audit.AuditEvent;
import ma.tadafor.data.audit.AuditStore;

/** Searching the audit log; administrators only, and read only. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditStore audit;

    AuditController(AuditStore audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Search the audit log", description = "Roles: ADMIN.")
    Items<AuditEvent> search(@Parameter(description = "who acted") @RequestParam(required = false) String user,
                             @Parameter(description = "an action such as TOKEN_CREATED") @RequestParam(required = false) String action,
                             @Parameter(description = "text in the details") @RequestParam(required = false) String q,
                             @Parameter(description = "from 0") @RequestParam(defaultValue = "0") int page,
                             @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "100") int size) {
        ListPage rows = ListPage.of(page, size, 1000);
        return new Items<>(audit.search(AuditStore.blankToNull(user), AuditStore.blankToNull(action),
                AuditStore.blankToNull(q), rows.offset(), rows.size()));
    }
}
