package ma.tadafor.dashboard.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
    Items<AuditEvent> search(@RequestParam(required = false) String user, @RequestParam(required = false) String action,
                             @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "100") int size) {
        ListPage rows = ListPage.of(page, size, 1000);
        return new Items<>(audit.search(AuditStore.blankToNull(user), AuditStore.blankToNull(action),
                AuditStore.blankToNull(q), rows.offset(), rows.size()));
    }
}
