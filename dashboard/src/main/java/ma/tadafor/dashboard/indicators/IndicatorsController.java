package ma.tadafor.dashboard.indicators;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.api.OutOfScopeException;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.mart.IndicatorFigure;
import ma.tadafor.data.mart.IndicatorQueries;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * {@code GET /api/v1/indicators} of API.md: the results framework for one scope and semester.
 * Without {@code scope}, the caller's own: the programme for national roles, else their one
 * territory (a caller with several must say which).
 */
@RestController
class IndicatorsController {

    private static final String PROGRAMME = "programme";

    private final IndicatorQueries indicators;
    private final TerritoryQueries territories;

    IndicatorsController(IndicatorQueries indicators, TerritoryQueries territories) {
        this.indicators = indicators;
        this.territories = territories;
    }

    @GetMapping("/api/v1/indicators")
    Items<IndicatorFigure> indicators(@RequestParam String semester, @RequestParam(required = false) String scope,
            @AuthenticationPrincipal SignedInUser user) {
        if (!semester.matches("\\d{4}S[12]")) {
            throw new InvalidParameterException("semester", "'" + semester + "' is not a semester such as 2024S1");
        }
        return new Items<>(indicators.indicators(checked(scope == null ? ownScope(user.scope()) : scope, user.scope()),
                semester));
    }

    private String checked(String scope, TerritorialScope allowed) {
        if (scope.equals(PROGRAMME)) {
            if (!allowed.national()) {
                throw new OutOfScopeException("scope", scope);
            }
            return scope;
        }
        String[] levelAndCode = scope.split(":", 2);
        Territory.Level level;
        try {
            level = Territory.Level.valueOf(levelAndCode[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            level = null;
        }
        if (level == null || levelAndCode.length != 2 || !levelAndCode[0].equals(levelAndCode[0].toLowerCase(Locale.ROOT))) {
            throw new InvalidParameterException("scope",
                    "'" + scope + "' is not programme, region:<code>, province:<code> or commune:<code>");
        }
        Territory territory = territories.find(level, levelAndCode[1]).orElseThrow(() ->
                new InvalidParameterException("scope", "no " + levelAndCode[0] + " has the code '" + levelAndCode[1] + "'"));
        if (!territory.within(allowed)) {
            throw new OutOfScopeException("scope", scope);
        }
        return scope;
    }

    private static String ownScope(TerritorialScope scope) {
        if (scope.national()) {
            return PROGRAMME;
        }
        int territories = scope.regions().size() + scope.provinces().size() + scope.communes().size();
        if (territories != 1) {
            throw new InvalidParameterException("scope", "your scope holds several territories: say which one");
        }
        return !scope.regions().isEmpty() ? "region:" + scope.regions().iterator().next()
                : !scope.provinces().isEmpty() ? "province:" + scope.provinces().iterator().next()
                : "commune:" + scope.communes().iterator().next();
    }
}
