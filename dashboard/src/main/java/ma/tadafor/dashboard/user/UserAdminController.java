package ma.tadafor.dashboard.user;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.data.user.UserAccount;
import ma.tadafor.data.user.UserRole;
import ma.tadafor.data.user.UserStore;

/** The administrators' page of users. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private final UserStore users;
    private final UserAdministration administration;

    UserAdminController(UserStore users, UserAdministration administration) {
        this.users = users;
        this.administration = administration;
    }

    /** A user as the page lists it, with their scope as one editable line of codes. */
    record UserRow(UserAccount account, String scope) {
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        List<UserRow> rows = users.all().stream().map(account -> new UserRow(account, String.join(", ",
                Stream.of(account.regions(), account.provinces(), account.communes()).flatMap(Set::stream).sorted().toList())))
                .toList();
        model.addAttribute("users", rows);
        model.addAttribute("roles", UserRole.values());
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam UserRole role,
                  @RequestParam(defaultValue = "") String scope, @RequestParam String password, RedirectAttributes redirect) {
        return outcome(() -> administration.create(username, displayName, role, scope, password), "users.saved", username,
                redirect);
    }

    @PostMapping("/admin/users/{username}")
    String update(@PathVariable String username, @RequestParam String displayName, @RequestParam UserRole role,
                  @RequestParam(defaultValue = "") String scope, @RequestParam(defaultValue = "false") boolean enabled,
                  RedirectAttributes redirect) {
        return outcome(() -> administration.update(username, displayName, role, scope, enabled), "users.saved", username,
                redirect);
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam String password, RedirectAttributes redirect) {
        return outcome(() -> administration.resetPassword(username, password), "users.passwordReset", username, redirect);
    }

    private static String outcome(Runnable change, String message, String username, RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", message);
            redirect.addFlashAttribute("savedUser", username);
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("problem", e.parameter() + ": " + e.getMessage());
        }
        return "redirect:/admin/users";
    }
}
