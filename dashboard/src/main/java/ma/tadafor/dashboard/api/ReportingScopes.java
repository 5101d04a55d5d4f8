package ma.tadafor.dashboard.api;

import org.springframework.stereotype.Component;

import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The scopes the results framework is reported for: {@code programme}, {@code region:05},
 * {@code province:05.091} or {@code commune:05.091.01.07}. A malformed or unknown one is a 400,
 * one outside the caller's territories a 403.
 */
@Component
public class ReportingScopes {

    public static final String PROGRAMME = "programme";

    private final TerritoryQueries territories;

    ReportingScopes(TerritoryQueries territories) {
        this.territories = territories;
    }

    /** The scope, checked to exist and to lie within {@code allowed}; {@code parameter} names it in errors. */
    public String checked(String parameter, String scope, TerritorialScope allowed) {
        if (PROGRAMME.equals(scope)) {
            if (!allowed.national()) {
                throw new OutOfScopeException(parameter, scope);
            }
            return scope;
        }
        String[] levelAndCode = scope == null ? new String[0] : scope.split(":", 2);
        Territory.Level level = levelAndCode.length == 2 ? level(levelAndCode[0]) : null;
        if (level == null) {
            throw new InvalidParameterException(parameter,
                    "'" + scope + "' is not programme, region:<code>, province:<code> or commune:<code>");
        }
        Territory territory = territories.find(level, levelAndCode[1]).orElseThrow(() ->
                new InvalidParameterException(parameter, "no " + levelAndCode[0] + " has the code '" + levelAndCode[1] + "'"));
        if (!territory.within(allowed)) {
            throw new OutOfScopeException(parameter, scope);
        }
        return scope;
    }

    /** The caller's own scope when they name none: the programme for national roles, else their one territory. */
    public String own(String parameter, TerritorialScope scope) {
        if (scope.national()) {
            return PROGRAMME;
        }
        int count = scope.regions().size() + scope.provinces().size() + scope.communes().size();
        if (count != 1) {
            throw new InvalidParameterException(parameter, "your scope holds several territories: say which one");
        }
        return !scope.regions().isEmpty() ? "region:" + scope.regions().iterator().next()
                : !scope.provinces().isEmpty() ? "province:" + scope.provinces().iterator().next()
                : "commune:" + scope.communes().iterator().next();
    }

    /** Checks a semester written like {@code 2024S1}. */
    public static String semester(String parameter, String semester) {
        if (semester == null || !semester.matches("\\d{4}S[12]")) {
            throw new InvalidParameterException(parameter, "'" + semester + "' is not a semester such as 2024S1");
        }
        return semester;
    }

    private static Territory.Level level(String name) {
        return switch (name) {
            case "region" -> Territory.Level.REGION;
            case "province" -> Territory.Level.PROVINCE;
            case "commune" -> Territory.Level.COMMUNE;
            default -> null;
        };
    }
}
