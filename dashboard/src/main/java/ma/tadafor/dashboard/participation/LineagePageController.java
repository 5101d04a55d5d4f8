package ma.tadafor.dashboard.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.dashboard.closure.ClosureReadings;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The "where does this number come from?" page, reached from each indicator actual of the results
 * page and the overview's headline figures: the lineage the API answers ({@link Lineages}), with the
 * seal of a closed semester.
 */
@Controller
class LineagePageController {

    private final Lineages lineages;
    private final ClosureReadings closures;
    private final TerritoryQueries territories;

    LineagePageController(Lineages lineages, ClosureReadings closures, TerritoryQueries territories) {
        this.lineages = lineages;
        this.closures = closures;
        this.territories = territories;
    }

    @GetMapping("/lineage")
    String page(@RequestParam(required = false) String indicator, @RequestParam(required = false) String semester,
                @RequestParam(required = false) String scope, ParticipationParameters filters,
                @AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
        Map<String, Object> lineage = lineages.of(indicator, semester, scope, filters, user);
        String key = (String) lineage.get("scope");
        model.addAttribute("lineage", lineage);
        model.addAttribute("scope", ViewScope.resolve(key, user.scope(), territories));
        model.addAttribute("seal", closures.seal(key, semester).orElse(null));
        model.addAttribute("communeNames", territories.communes(user.scope(), false).stream().collect(Collectors.toMap(
                Commune::code, c -> Wording.name(c.nameFr(), c.nameAr(), locale))));
        model.addAttribute("narrowedBy", narrowedBy(filters));
        return "pages/lineage";
    }

    /** The participation filters given, as message keys of their values ({@code gender.F}); codes for the others. */
    private static List<String> narrowedBy(ParticipationParameters filters) {
        List<String> keys = new ArrayList<>();
        for (ParticipationDimension dimension : List.of(ParticipationDimension.MECHANISM, ParticipationDimension.GENDER,
                ParticipationDimension.AGE_BAND, ParticipationDimension.DISABILITY, ParticipationDimension.ROLE,
                ParticipationDimension.COHORT)) {
            String value = filters.filter(dimension);
            if (value != null && !value.isBlank()) {
                keys.add(dimension.apiName() + "." + value.strip());
            }
        }
        return keys;
    }
}
