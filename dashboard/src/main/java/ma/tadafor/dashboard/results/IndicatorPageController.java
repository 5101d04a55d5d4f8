package ma.tadafor.dashboard.results;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.page.PageModel;
import ma.tadafor.dashboard.page.PageQuery;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * One indicator of the results framework, drilled down to the communes' contributions (its chart is
 * {@link IndicatorContributions}'); filters: scope and semester.
 */
@Controller
class IndicatorPageController {

    private final ResultsFramework framework;
    private final IndicatorContributions contributions;
    private final TerritoryQueries territories;

    IndicatorPageController(ResultsFramework framework, IndicatorContributions contributions,
            TerritoryQueries territories) {
        this.framework = framework;
        this.contributions = contributions;
        this.territories = territories;
    }

    @GetMapping("/results/indicators/{code}")
    String page(@PathVariable String code, PageQuery query,
            @AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
        contributions.definition(code);
        ViewScope scope = ViewScope.resolve(query.scope(), user.scope(), territories);
        ResultsFramework.Framework results = framework.framework(scope, semester(query), Audience.of(user), locale);
        ResultsFramework.Row row = results.results().stream().flatMap(result -> result.indicators().stream())
                .filter(candidate -> candidate.code().equals(code)).findFirst().orElse(null);
        ViewFilters filters = new ViewFilters(results.semester(), null, null, null, null);
        String path = "/results/indicators/" + code;
        PageModel.describe(model, path, scope, filters, user.scope(), territories);
        model.addAttribute("semesters", results.semesters());
        model.addAttribute("indicator", row);
        model.addAttribute("path", path);
        model.addAttribute("back", filters.url("/results", scope.key()));
        return "pages/indicator";
    }

    private static String semester(PageQuery query) {
        return ViewFilters.of(query).semester();
    }
}
