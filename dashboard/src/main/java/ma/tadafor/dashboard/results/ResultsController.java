package ma.tadafor.dashboard.results;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.chart.ChartTables;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.export.TableExports;
import ma.tadafor.dashboard.page.PageModel;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.web.JsonAnswers;
import ma.tadafor.data.territory.TerritoryQueries;

/** The results framework page, its charts as JSON and their tables as files; filters: scope and semester. */
@Controller
class ResultsController {

    private final ResultsFramework framework;
    private final TerritoryQueries territories;
    private final TableExports exports;
    private final NarrativeEditor narratives;
    private final JsonAnswers json;

    ResultsController(ResultsFramework framework, TerritoryQueries territories, TableExports exports,
            NarrativeEditor narratives, JsonAnswers json) {
        this.framework = framework;
        this.territories = territories;
        this.exports = exports;
        this.narratives = narratives;
        this.json = json;
    }

    @GetMapping("/results")
    String page(@RequestParam Map<String, String> parameters, @AuthenticationPrincipal SignedInUser user, Locale locale,
            Model model) {
        ViewScope scope = ViewScope.resolve(parameters.get("scope"), user.scope(), territories);
        ResultsFramework.Framework results = framework.framework(scope, semester(parameters), Audience.of(user), locale);
        ViewFilters filters = new ViewFilters(results.semester(), null, null, null, null);
        PageModel.describe(model, "/results", scope, filters, user.scope(), territories);
        model.addAttribute("semesters", results.semesters());
        model.addAttribute("framework", results);
        return "pages/results";
    }

    /** A programme manager's comment on one indicator for the view's scope and semester; back to the same view. */
    @PostMapping("/results/narrative")
    String narrative(@RequestParam Map<String, String> parameters, @AuthenticationPrincipal SignedInUser user) {
        ViewScope scope = ViewScope.resolve(parameters.get("scope"), user.scope(), territories);
        String semester = semester(parameters);
        if (semester == null) {
            throw new InvalidParameterException("semester", "say which semester the comment is for");
        }
        narratives.write(parameters.getOrDefault("code", ""), scope.key(), semester, parameters.get("textFr"),
                parameters.get("textAr"), user.getUsername());
        return "redirect:" + new ViewFilters(semester, null, null, null, null).url("/results", scope.key());
    }

    @GetMapping("/results/data")
    ResponseEntity<byte[]> data(@RequestParam Map<String, String> parameters,
            @AuthenticationPrincipal SignedInUser user, Locale locale,
            HttpServletRequest request) {
        return json.of(answer(parameters, user, locale), request);
    }

    private ResultsFramework.FrameworkData answer(Map<String, String> parameters, SignedInUser user, Locale locale) {
        return framework.data(ViewScope.resolve(parameters.get("scope"), user.scope(), territories), semester(parameters),
                Audience.of(user), locale);
    }

    @GetMapping("/results/table/{chart}")
    ResponseEntity<byte[]> table(@PathVariable String chart, @RequestParam Map<String, String> parameters,
            @AuthenticationPrincipal SignedInUser user, Locale locale) {
        return ChartTables.download(exports, answer(parameters, user, locale).charts(), chart, parameters.get("format"));
    }

    private static String semester(Map<String, String> parameters) {
        return ViewFilters.parse(Map.of("semester", parameters.getOrDefault("semester", ""))).semester();
    }
}
