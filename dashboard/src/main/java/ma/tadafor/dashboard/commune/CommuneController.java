package ma.tadafor.dashboard.commune;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ma.tadafor.dashboard.page.PageModel;
import ma.tadafor.dashboard.page.PageQuery;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The commune profile. Its scope must be a commune; a wider one (or none) opens the first
 * programme commune under it, and the page offers the others of the caller's scope.
 */
@Controller
class CommuneController {

    private final CommuneProfile profile;
    private final TerritoryQueries territories;

    CommuneController(CommuneProfile profile, TerritoryQueries territories) {
        this.profile = profile;
        this.territories = territories;
    }

    @GetMapping("/commune")
    String page(PageQuery query, @AuthenticationPrincipal SignedInUser user, Model model) {
        List<Commune> communes = territories.communes(user.scope(), true);
        ViewScope scope = profile.commune(ViewScope.resolve(query.scope(), user.scope(), territories), user);
        Commune commune = communes.stream().filter(c -> c.code().equals(scope.territory().code())).findFirst().orElse(null);
        PageModel.describe(model, "/commune", scope, new ViewFilters(null, null, null, null, null), user.scope(), territories);
        model.addAttribute("commune", commune);
        model.addAttribute("communes", communes);
        model.addAttribute("quality", profile.freshness(user, scope));
        return "pages/commune";
    }
}
