package ma.tadafor.dashboard.convergence;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ma.tadafor.dashboard.page.PageModel;
import ma.tadafor.dashboard.page.PageQuery;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.territory.TerritoryQueries;

/** Convergence with INDH; its charts are {@link Convergence}'s. */
@Controller
class ConvergenceController {

    private final TerritoryQueries territories;

    ConvergenceController(TerritoryQueries territories) {
        this.territories = territories;
    }

    @GetMapping("/convergence")
    String page(PageQuery query, @AuthenticationPrincipal SignedInUser user, Model model) {
        ViewScope scope = ViewScope.resolve(query.scope(), user.scope(), territories);
        PageModel.describe(model, "/convergence", scope, new ViewFilters(null, null, null, null, null), user.scope(),
                territories);
        return "pages/convergence";
    }
}
