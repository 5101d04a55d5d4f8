package ma.tadafor.dashboard.results;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;

import ma.tadafor.dashboard.chart.ChartTables;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.export.TableExports;
import ma.tadafor.dashboard.page.PageModel;
import ma.tadafor.dashboard.page.PageQuery;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.web.JsonAnswers;
import ma.tadafor.data.territory.TerritoryQueries;

/** One indicator of the results framework, drilled down to the communes' contributions; filters: scope and semester. */
@Controller
class IndicatorPageController {

    private final ResultsFramework framework;
    private final IndicatorContributions contributions;
    private final TerritoryQueries territories;
    private final TableExports exports;
    private final JsonAnswers json;

    IndicatorPageController(ResultsFramework framework, IndicatorContributions contributions,
            TerritoryQueries territories, TableExports exports, JsonAnswers json) {
        this.framework = framework;
        this.contributions = contributions;
        this.territories = territories;
        this.exports = exports;
        this.json = json;
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

    @GetMapping("/results/indicators/{code}/data")
    ResponseEntity<byte[]> data(@PathVariable String code, PageQuery query,
            @AuthenticationPrincipal SignedInUser user, Locale locale, HttpServletRequest request) {
        return json.of(answer(code, query, user, locale), request);
    }

    private IndicatorContributions.IndicatorData answer(String code, PageQuery query, SignedInUser user,
            Locale locale) {
        ViewScope scope = ViewScope.resolve(query.scope(), user.scope(), territories);
        String semester = semester(query);
        if (semester == null) {
            semester = framework.framework(scope, null, Audience.of(user), locale).semester();
        }
        return contributions.data(code, user, scope, semester, locale);
    }

    @GetMapping("/results/indicators/{code}/table/{chart}")
    ResponseEntity<byte[]> table(@PathVariable String code, @PathVariable String chart,
            PageQuery query, @AuthenticationPrincipal SignedInUser user, Locale locale) {
        return ChartTables.download(exports, answer(code, query, user, locale).charts(), chart, query.format());
    }

    private static String semester(PageQuery query) {
        return ViewFilters.of(query).semester();
    }
}
