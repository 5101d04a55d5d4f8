package ma.tadafor.dashboard.mechanism;

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
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.export.TableExports;
import ma.tadafor.dashboard.page.PageModel;
import ma.tadafor.dashboard.page.PageQuery;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.web.JsonAnswers;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.territory.TerritoryQueries;

/** The mechanisms page: any mechanism under every filter of the URL, and the petition funnel. */
@Controller
class MechanismsController {

    private final Mechanisms mechanisms;
    private final Disclosure disclosure;
    private final TerritoryQueries territories;
    private final TableExports exports;
    private final JsonAnswers json;

    MechanismsController(Mechanisms mechanisms, Disclosure disclosure, TerritoryQueries territories,
            TableExports exports, JsonAnswers json) {
        this.mechanisms = mechanisms;
        this.disclosure = disclosure;
        this.territories = territories;
        this.exports = exports;
        this.json = json;
    }

    @GetMapping("/mechanisms")
    String page(PageQuery query, @AuthenticationPrincipal SignedInUser user, Model model) {
        ViewScope scope = ViewScope.resolve(query.scope(), user.scope(), territories);
        ViewFilters filters = ViewFilters.of(query);
        List<String> semesters = disclosure.participation(new ParticipationQuery(List.of(ParticipationDimension.SEMESTER),
                scope.filter(), null, null), user.scope(), Audience.of(user)).rows().stream()
                .map(row -> (String) row.value(ParticipationDimension.SEMESTER))
                .filter(semester -> semester != null).toList();
        if (filters.semester() == null && !semesters.isEmpty()) {
            filters = filters.withSemester(semesters.get(semesters.size() - 1));
        }
        PageModel.describe(model, "/mechanisms", scope, filters, user.scope(), territories);
        model.addAttribute("semesters", semesters);
        return "pages/mechanisms";
    }

    @GetMapping("/mechanisms/data")
    ResponseEntity<byte[]> data(PageQuery query, @AuthenticationPrincipal SignedInUser user,
            Locale locale, HttpServletRequest request) {
        return json.of(answer(query, user, locale), request);
    }

    private Mechanisms.MechanismData answer(PageQuery query, SignedInUser user, Locale locale) {
        return mechanisms.data(user, ViewScope.resolve(query.scope(), user.scope(), territories),
                ViewFilters.of(query), locale);
    }

    @GetMapping("/mechanisms/table/{chart}")
    ResponseEntity<byte[]> table(@PathVariable String chart, PageQuery query,
            @AuthenticationPrincipal SignedInUser user, Locale locale) {
        return ChartTables.download(exports, answer(query, user, locale).charts(), chart, query.format());
    }
}
