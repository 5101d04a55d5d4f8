package ma.tadafor.dashboard.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ma.tadafor.dashboard.api.ScopeKey;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The territory a page looks at, written as the marts write scopes ({@code programme},
 * {@code region:05}, {@code province:05.091}, {@code commune:05.091.01.07}) in its {@code scope}
 * parameter, parsed by {@link ScopeKey}. {@code territory} is null for the programme.
 */
public record ViewScope(String key, Territory territory) {

    public static final String PROGRAMME = ScopeKey.PROGRAMME;

    public static ViewScope resolve(String parameter, TerritorialScope allowed, TerritoryQueries territories) {
        ScopeKey scope = ScopeKey.parse("scope", parameter, allowed, territories);
        return new ViewScope(scope.key(), scope.territory());
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


}
