package ma.tadafor.dashboard.overview;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;

import ma.tadafor.dashboard.chart.ChartTables;
import ma.tadafor.dashboard.closure.ClosureReadings;
import ma.tadafor.dashboard.export.TableExports;
import ma.tadafor.dashboard.page.PageModel;
import ma.tadafor.dashboard.page.PageQuery;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.web.JsonAnswers;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The overview, the landing page: the page itself (filters and breadcrumb, rendered on the
 * server), its figures as JSON for {@code static/js/charts.js}, and each chart's table as a file.
 */
@Controller
class OverviewController {

    private final Overview overview;
    private final TerritoryQueries territories;
    private final TableExports exports;
    private final JsonAnswers json;
    private final ClosureReadings closures;

    OverviewController(Overview overview, TerritoryQueries territories, TableExports exports, JsonAnswers json,
            ClosureReadings closures) {
        this.closures = closures;
        this.overview = overview;
        this.territories = territories;
        this.exports = exports;
        this.json = json;
    }

    @GetMapping("/")
    String page(PageQuery query, @AuthenticationPrincipal SignedInUser user,
            Locale locale, Model model) {
        ViewScope scope = ViewScope.resolve(query.scope(), user.scope(), territories);
        ViewFilters filters = ViewFilters.of(query);
        List<String> semesters = overview.semesters(user, scope, filters, locale);
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

    @GetMapping("/overview/data")
    ResponseEntity<byte[]> data(PageQuery query, @AuthenticationPrincipal SignedInUser user,
            Locale locale, HttpServletRequest request) {
        return json.of(answer(query, user, locale), request);
    }

    private Overview.OverviewData answer(PageQuery query, SignedInUser user, Locale locale) {
        return overview.build(user, ViewScope.resolve(query.scope(), user.scope(), territories),
                ViewFilters.of(query), locale);
    }

    @GetMapping("/overview/table/{chart}")
    ResponseEntity<byte[]> table(@PathVariable String chart, PageQuery query,
            @AuthenticationPrincipal SignedInUser user, Locale locale) {
        return ChartTables.download(exports, answer(query, user, locale).charts(), chart, query.format());
    }
}
