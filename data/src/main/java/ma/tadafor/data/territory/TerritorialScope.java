package ma.tadafor.data.territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a user may see: the whole country, or a set of regions, provinces and communes. Every
 * query over facts, marts or committees takes one and filters by it in SQL.
 */
public record TerritorialScope(boolean national, Set<String> regions, Set<String> provinces, Set<String> communes) {

    public static final TerritorialScope NATIONAL = new TerritorialScope(true, Set.of(), Set.of(), Set.of());

    public TerritorialScope {
        regions = Set.copyOf(regions);
        provinces = Set.copyOf(provinces);
        communes = Set.copyOf(communes);
    }

    public static TerritorialScope of(Set<String> regions, Set<String> provinces, Set<String> communes) {
        return new TerritorialScope(false, regions, provinces, communes);
    }

    public boolean covers(String regionCode, String provinceCode, String communeCode) {
        return national || regions.contains(regionCode) || provinces.contains(provinceCode) || communes.contains(communeCode);
    }

    /** Whether the scope is made of whole provinces (or regions, or the country): no commune is in it on its own. */
    public boolean ofWholeProvinces() {
        return national || communes.isEmpty();
    }

    /**
     * A SQL condition on a row of {@code commune} (aliased {@code alias}) that holds for the
     * communes in scope; its parameters are appended to {@code parameters} in order.
     */
    public String communeCondition(String alias, List<Object> parameters) {
        if (national) {
            return "TRUE";
        }
        List<String> parts = new ArrayList<>();
        addIn(parts, parameters, alias + ".region_code", regions);
        addIn(parts, parameters, alias + ".province_code", provinces);
        addIn(parts, parameters, alias + ".code", communes);
        return parts.isEmpty() ? "FALSE" : "(" + String.join(" OR ", parts) + ")";
    }

    /**
     * A SQL condition on a row of {@code province} (aliased {@code alias}) that holds for the
     * provinces the scope covers whole: a commune in scope does not make its province visible.
     */
    public String provinceCondition(String alias, List<Object> parameters) {
        if (national) {
            return "TRUE";
        }
        List<String> parts = new ArrayList<>();
        addIn(parts, parameters, alias + ".region_code", regions);
        addIn(parts, parameters, alias + ".code", provinces);
        return parts.isEmpty() ? "FALSE" : "(" + String.join(" OR ", parts) + ")";
    }

    private static void addIn(List<String> parts, List<Object> parameters, String column, Set<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        parts.add(column + " IN (" + String.join(", ", codes.stream().map(code -> "?").toList()) + ")");
        parameters.addAll(codes.stream().sorted().toList());
    }
}
