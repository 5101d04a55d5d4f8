package ma.tadafor.dashboard.home;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ma.tadafor.dashboard.security.SignedInUser;

/**
 * The governor's home page ({@code /home}), where a governor lands after signing in: his
 * province's committee to prepare. Programme managers and administrators open any province's
 * ({@code /home?province=05.091}); a governor another province's gets 403, other roles 403 too.
 */
@Controller
class HomeController {

    private final GovernorHome home;

    HomeController(GovernorHome home) {
        this.home = home;
    }

    /** {@code province} and {@code semester} optional: the caller's first province, the next meeting's semester. */
    record HomeQuery(String province, String semester) {
    }

    @GetMapping("/home")
    String home(HomeQuery query, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("home", home.of(blankless(query.province()), blankless(query.semester()), user));
        return "home/home";
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
