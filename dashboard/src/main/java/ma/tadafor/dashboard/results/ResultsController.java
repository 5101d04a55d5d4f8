package ma.tadafor.dashboard.results;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.closure.ClosureReadings;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.page.PageModel;
import ma.tadafor.dashboard.page.PageQuery;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.territory.TerritoryQueries;

/** The results framework page (its charts are {@link ResultsFramework}'s) and its comments; filters: scope and semester. */
@Controller
class ResultsController {

    private final ResultsFramework framework;
    private final TerritoryQueries territories;
    private final NarrativeEditor narratives;
    private final ClosureReadings closures;

    ResultsController(ResultsFramework framework, TerritoryQueries territories, NarrativeEditor narratives,
            ClosureReadings closures) {
        this.closures = closures;
        this.framework = framework;
        this.territories = territories;
        this.narratives = narratives;
    }

    @GetMapping("/results")
    String page(PageQuery query, @AuthenticationPrincipal SignedInUser user, Locale locale,
            Model model) {
        ViewScope scope = ViewScope.resolve(query.scope(), user.scope(), territories);
        ResultsFramework.Framework results = framework.framework(scope, semester(query), Audience.of(user), locale);
        ViewFilters filters = new ViewFilters(results.semester(), null, null, null, null);
        PageModel.describe(model, "/results", scope, filters, user.scope(), territories);
        model.addAttribute("semesters", results.semesters());
        model.addAttribute("framework", results);
        model.addAttribute("seal", closures.seal(scope.key(), results.semester()).orElse(null));
        return "pages/results";
    }

    /** A programme manager's comment on one indicator for the view's scope and semester; back to the same view. */
    @PostMapping("/results/narrative")
    String narrative(NarrativeForm form, @AuthenticationPrincipal SignedInUser user) {
        ViewScope scope = ViewScope.resolve(form.scope(), user.scope(), territories);
        String semester = ViewFilters.of(new PageQuery(null, form.semester(), null, null, null, null, null)).semester();
        if (semester == null) {
            throw new InvalidParameterException("semester", "say which semester the comment is for");
        }
        narratives.write(form.code() == null ? "" : form.code(), scope.key(), semester, form.textFr(), form.textAr(),
                user.getUsername());
        return "redirect:" + new ViewFilters(semester, null, null, null, null).url("/results", scope.key());
    }

    private static String semester(PageQuery query) {
        return ViewFilters.of(query).semester();
    }

    /** The narrative form of the results page. */
    record NarrativeForm(String scope, String semester, String code, String textFr, String textAr) {
    }
}
