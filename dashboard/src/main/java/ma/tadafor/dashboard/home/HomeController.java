package ma.tadafor.dashboard.home;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.territory.TerritoryQueries;

/** The landing page, until the overview dashboard replaces it. */
@Controller
class HomeController {

    private final TerritoryQueries territories;

    HomeController(TerritoryQueries territories) {
        this.territories = territories;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("communes", territories.communes(user.scope(), true).size());
        return "home";
    }
}
