package ma.tadafor.dashboard.commune;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.chart.ChartTables;
import ma.tadafor.dashboard.export.TableExports;
import ma.tadafor.dashboard.page.PageModel;
import ma.tadafor.dashboard.page.PageQuery;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.web.JsonAnswers;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The commune profile. Its scope must be a commune; a wider one (or none) opens the first
 * programme commune under it, and the page offers the others of the caller's scope.
 */
@Controller
class CommuneController {

    private final CommuneProfile profile;
    private final TerritoryQueries territories;
    private final TableExports exports;
    private final JsonAnswers json;

    CommuneController(CommuneProfile profile, TerritoryQueries territories, TableExports exports, JsonAnswers json) {
        this.profile = profile;
        this.territories = territories;
        this.exports = exports;
        this.json = json;
    }

    @GetMapping("/commune")
    String page(PageQuery query, @AuthenticationPrincipal SignedInUser user, Locale locale,
            Model model) {
        List<Commune> communes = territories.communes(user.scope(), true);
        ViewScope scope = commune(query, user, communes);
        ViewFilters filters = new ViewFilters(null, null, null, null, null);
        Commune commune = communes.stream().filter(c -> c.code().equals(scope.territory().code())).findFirst().orElse(null);
        PageModel.describe(model, "/commune", scope, filters, user.scope(), territories);
        model.addAttribute("commune", commune);
        model.addAttribute("communes", communes);
        model.addAttribute("quality", profile.freshness(user, scope));
        return "pages/commune";
    }

    @GetMapping("/commune/data")
    ResponseEntity<byte[]> data(PageQuery query, @AuthenticationPrincipal SignedInUser user,
            Locale locale, HttpServletRequest request) {
        return json.of(answer(query, user, locale), request);
    }

    private CommuneProfile.Profile answer(PageQuery query, SignedInUser user, Locale locale) {
        return profile.profile(user, commune(query, user, territories.communes(user.scope(), true)), locale);
    }

    @GetMapping("/commune/table/{chart}")
    ResponseEntity<byte[]> table(@PathVariable String chart, PageQuery query,
            @AuthenticationPrincipal SignedInUser user, Locale locale) {
        return ChartTables.download(exports, answer(query, user, locale).charts(), chart, query.format());
    }

    private ViewScope commune(PageQuery query, SignedInUser user, List<Commune> communes) {
        ViewScope scope = ViewScope.resolve(query.scope(), user.scope(), territories);
        if (scope.level() == Territory.Level.COMMUNE) {
            return scope;
        }
        String prefix = scope.programme() ? "" : scope.territory().code() + ".";
        Commune first = communes.stream().filter(c -> c.code().startsWith(prefix)).findFirst().orElseThrow(() ->
                new InvalidParameterException("scope", "no programme commune lies in " + scope.key()));
        return ViewScope.resolve("commune:" + first.code(), user.scope(), territories);
    }
}
