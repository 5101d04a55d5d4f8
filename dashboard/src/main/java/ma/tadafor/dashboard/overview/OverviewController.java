package ma.tadafor.dashboard.overview;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ma.tadafor.dashboard.closure.ClosureReadings;
import ma.tadafor.dashboard.page.PageModel;
import ma.tadafor.dashboard.page.PageQuery;
import ma.tadafor.dashboard.page.PageView;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.territory.TerritoryQueries;

/** The overview, the landing page: filters and breadcrumb rendered on the server; its figures are {@link Overview}'s. */
@Controller
class OverviewController {

    private final Overview overview;
    private final TerritoryQueries territories;
    private final ClosureReadings closures;

    OverviewController(Overview overview, TerritoryQueries territories, ClosureReadings closures) {
        this.closures = closures;
        this.overview = overview;
        this.territories = territories;
    }

    @GetMapping("/")
    String page(PageQuery query, @AuthenticationPrincipal SignedInUser user,
            Locale locale, Model model) {
        PageView view = PageView.of(query, Map.of(), user, locale, territories);
        ViewScope scope = view.scope();
        ViewFilters filters = view.filters();
        List<String> semesters = overview.semesters(view);
        if (filters.semester() == null && !semesters.isEmpty()) {
            // The latest semester, written into every link so that they all show the same one.
            filters = filters.withSemester(semesters.get(semesters.size() - 1));
        }
        model.addAttribute("user", user);
        PageModel.describe(model, "/overview", scope, filters, user.scope(), territories);
        model.addAttribute("semesters", semesters);
        model.addAttribute("seal", closures.seal(scope.key(), filters.semester()).orElse(null));
        return "pages/overview";
    }
}
