package ma.tadafor.dashboard.user;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.mail.Subscriptions;
import ma.tadafor.dashboard.security.ApiTokens;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.user.ApiTokenStore;

/** The signed-in user's account page: what they receive by mail, their personal API tokens. */
@Controller
class AccountController {

    private final ApiTokens tokens;
    private final ApiTokenStore store;
    private final AuditLog audit;
    private final Subscriptions subscriptions;

    AccountController(ApiTokens tokens, ApiTokenStore store, AuditLog audit, Subscriptions subscriptions) {
        this.tokens = tokens;
        this.store = store;
        this.audit = audit;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("user", user.account());
        model.addAttribute("tokens", store.of(user.getUsername()));
        model.addAttribute("subscription", subscriptions.of(user));
        return "account";
    }

    @PostMapping("/account/tokens")
    String create(@RequestParam String name, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        String trimmed = name.strip();
        if (!trimmed.isEmpty() && trimmed.length() <= 100) {
            ApiTokens.IssuedToken issued = tokens.issue(user.getUsername(), trimmed);
            audit.record("TOKEN_CREATED", user.getUsername(), "token " + issued.id() + " (" + issued.name() + ")");
            redirect.addFlashAttribute("issued", issued);
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        if (store.revoke(user.getUsername(), id)) {
            audit.record("TOKEN_REVOKED", user.getUsername(), "token " + id);
        }
        return "redirect:/account";
    }
}
