package ma.tadafor.dashboard.mechanism;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.page.PageModel;
import ma.tadafor.dashboard.page.PageQuery;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.territory.TerritoryQueries;

/** The mechanisms page: any mechanism under every filter of the URL, and the petition funnel; its charts are {@link Mechanisms}'. */
@Controller
class MechanismsController {

    private final Disclosure disclosure;
    private final TerritoryQueries territories;

    MechanismsController(Disclosure disclosure, TerritoryQueries territories) {
        this.disclosure = disclosure;
        this.territories = territories;
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
}
