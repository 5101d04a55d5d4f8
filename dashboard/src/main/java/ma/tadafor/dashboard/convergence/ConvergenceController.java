package ma.tadafor.dashboard.convergence;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;

import ma.tadafor.dashboard.chart.ChartTables;
import ma.tadafor.dashboard.export.TableExports;
import ma.tadafor.dashboard.page.PageModel;
import ma.tadafor.dashboard.page.PageQuery;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.web.JsonAnswers;
import ma.tadafor.data.territory.TerritoryQueries;

/** Convergence with INDH: the page, its charts as JSON, their tables as files. */
@Controller
class ConvergenceController {

    private final Convergence convergence;
    private final TerritoryQueries territories;
    private final TableExports exports;
    private final JsonAnswers json;

    ConvergenceController(Convergence convergence, TerritoryQueries territories, TableExports exports, JsonAnswers json) {
        this.convergence = convergence;
        this.territories = territories;
        this.exports = exports;
        this.json = json;
    }

    @GetMapping("/convergence")
    String page(PageQuery query, @AuthenticationPrincipal SignedInUser user, Model model) {
        ViewScope scope = ViewScope.resolve(query.scope(), user.scope(), territories);
        ViewFilters filters = new ViewFilters(null, null, null, null, null);
        PageModel.describe(model, "/convergence", scope, filters, user.scope(), territories);
        return "pages/convergence";
    }

    @GetMapping("/convergence/data")
    ResponseEntity<byte[]> data(PageQuery query, @AuthenticationPrincipal SignedInUser user,
            Locale locale, HttpServletRequest request) {
        return json.of(answer(query, user, locale), request);
    }

    private Convergence.ConvergenceData answer(PageQuery query, SignedInUser user, Locale locale) {
        return convergence.data(user, ViewScope.resolve(query.scope(), user.scope(), territories), locale);
    }

    @GetMapping("/convergence/table/{chart}")
    ResponseEntity<byte[]> table(@PathVariable String chart, PageQuery query,
            @AuthenticationPrincipal SignedInUser user, Locale locale) {
        return ChartTables.download(exports, answer(query, user, locale).charts(), chart, query.format());
    }
}
