package ma.tadafor.dashboard.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.OutOfScopeException;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The territory a page looks at, written as the marts write scopes ({@code programme},
 * {@code region:05}, {@code province:05.091}, {@code commune:05.091.01.07}) in its {@code scope}
 * parameter: checked against the caller's scope (403 outside it, 400 unknown), defaulting to the
 * caller's own. {@code territory} is null for the programme.
 */
public record ViewScope(String key, Territory territory) {

    public static final String PROGRAMME = "programme";

    public static ViewScope resolve(String parameter, TerritorialScope allowed, TerritoryQueries territories) {
        String key = parameter == null || parameter.isBlank() ? own(allowed) : parameter.strip();
        if (key.equals(PROGRAMME)) {
            if (!allowed.national()) {
                throw new OutOfScopeException("scope", key);
            }
            return new ViewScope(key, null);
        }
        String[] levelAndCode = key.split(":", 2);
        Territory.Level level = levelAndCode.length == 2 && levelAndCode[0].equals(levelAndCode[0].toLowerCase(Locale.ROOT))
                ? level(levelAndCode[0]) : null;
        if (level == null) {
            throw new InvalidParameterException("scope",
                    "'" + key + "' is not programme, region:<code>, province:<code> or commune:<code>");
        }
        Territory territory = territories.find(level, levelAndCode[1]).orElseThrow(() ->
                new InvalidParameterException("scope", "no " + levelAndCode[0] + " has the code '" + levelAndCode[1] + "'"));
        if (!territory.within(allowed)) {
            throw new OutOfScopeException("scope", key);
        }
        return new ViewScope(key, territory);
    }

    public boolean programme() {
        return territory == null;
    }

    public Territory.Level level() {
        return territory == null ? null : territory.level();
    }

    public String name(boolean arabic) {
        return territory == null ? null : arabic && territory.nameAr() != null ? territory.nameAr() : territory.nameFr();
    }

    /** The participation mart filter that narrows figures to this territory (none for the programme). */
    public Map<ParticipationDimension, List<Object>> filter() {
        if (territory == null) {
            return Map.of();
        }
        return switch (territory.level()) {
            case REGION -> Map.of(ParticipationDimension.REGION, List.of(territory.code()));
            case PROVINCE -> Map.of(ParticipationDimension.PROVINCE, List.of(territory.code()));
            case COMMUNE -> Map.of(ParticipationDimension.COMMUNE, List.of(territory.code()));
        };
    }

    /** The levels above this one that the caller may open too, from the top: the breadcrumb. */
    public List<ViewScope> ancestors(TerritorialScope allowed, TerritoryQueries territories) {
        List<ViewScope> path = new ArrayList<>();
        if (territory == null) {
            return path;
        }
        if (allowed.national()) {
            path.add(new ViewScope(PROGRAMME, null));
        }
        if (territory.level() != Territory.Level.REGION) {
            territories.find(Territory.Level.REGION, territory.regionCode()).filter(t -> t.within(allowed))
                    .ifPresent(t -> path.add(new ViewScope("region:" + t.code(), t)));
        }
        if (territory.level() == Territory.Level.COMMUNE) {
            territories.find(Territory.Level.PROVINCE, territory.provinceCode()).filter(t -> t.within(allowed))
                    .ifPresent(t -> path.add(new ViewScope("province:" + t.code(), t)));
        }
        return path;
    }

    /** The caller's own scope: the programme for national roles, else their first territory from the top. */
    static String own(TerritorialScope scope) {
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

    private static Territory.Level level(String name) {
        try {
            return Territory.Level.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
