package ma.tadafor.dashboard.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ma.tadafor.data.audit.AuditStore;

/** The administrators' page to search the audit log; it only reads. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {

    private static final int PAGE_SIZE = 200;

    private final AuditStore audit;

    AuditPageController(AuditStore audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String search(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String action,
                  @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("action", action);
        model.addAttribute("q", q);
        model.addAttribute("events", audit.search(AuditStore.blankToNull(user), AuditStore.blankToNull(action),
                AuditStore.blankToNull(q), 0, PAGE_SIZE));
        return "admin/audit";
    }
}
