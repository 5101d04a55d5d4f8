package ma.tadafor.dashboard.api;

import java.util.Locale;

import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * A territory as the API, the pages and the marts write it: {@code programme}, {@code region:05},
 * {@code province:05.091} or {@code commune:05.091.01.07}. The one parser of these keys: a malformed
 * or unknown one is a 400 naming the parameter, one outside the caller's territories a 403, and none
 * given means the caller's own. {@code territory} is null for the programme.
 */
public record ScopeKey(String key, Territory territory) {

    public static final String PROGRAMME = "programme";

    /**
     * @param parameter the parameter's name, for errors
     * @param text      the key as given; null or blank for the caller's own
     */
    public static ScopeKey parse(String parameter, String text, TerritorialScope allowed, TerritoryQueries territories) {
        String key = text == null || text.isBlank() ? own(allowed) : text.strip();
        if (key.equals(PROGRAMME)) {
            if (!allowed.national()) {
                throw new OutOfScopeException(parameter, key);
            }
            return new ScopeKey(key, null);
        }
        String[] levelAndCode = key.split(":", 2);
        Territory.Level level = levelAndCode.length == 2 ? level(levelAndCode[0]) : null;
        if (level == null) {
            throw new InvalidParameterException(parameter,
                    "'" + key + "' is not programme, region:<code>, province:<code> or commune:<code>");
        }
        Territory territory = territories.find(level, levelAndCode[1]).orElseThrow(() ->
                new InvalidParameterException(parameter, "no " + levelAndCode[0] + " has the code '" + levelAndCode[1] + "'"));
        if (!territory.within(allowed)) {
            throw new OutOfScopeException(parameter, key);
        }
        return new ScopeKey(key, territory);
    }

    /** The key of a territory. */
    public static String of(Territory territory) {
        return territory.level().name().toLowerCase(Locale.ROOT) + ":" + territory.code();
    }

    /** The caller's own scope: the programme for national roles, else their first territory from the top. */
    public static String own(TerritorialScope scope) {
        if (scope.national()) {
            return PROGRAMME;
        }
        if (!scope.regions().isEmpty()) {
            return "region:" + scope.regions().stream().sorted().findFirst().orElseThrow();
        }
        if (!scope.provinces().isEmpty()) {
            return "province:" + scope.provinces().stream().sorted().findFirst().orElseThrow();
        }
        if (!scope.communes().isEmpty()) {
            return "commune:" + scope.communes().stream().sorted().findFirst().orElseThrow();
        }
        throw new OutOfScopeException("scope", "any territory");
    }

    /** Levels are written in lower case: {@code Province:05.091} is not a key. */
    private static Territory.Level level(String name) {
        return switch (name) {
            case "region" -> Territory.Level.REGION;
            case "province" -> Territory.Level.PROVINCE;
            case "commune" -> Territory.Level.COMMUNE;
            default -> null;
        };
    }
}
