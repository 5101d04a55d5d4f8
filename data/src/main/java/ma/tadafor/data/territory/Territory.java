package ma.tadafor.data.territory;

/**
 * A place in the hierarchy region → province → commune, with the codes of the levels above it
 * (null for levels below it).
 */
public record Territory(Level level, String code, String regionCode, String provinceCode, String communeCode,
                        String nameFr, String nameAr) {

    public enum Level {
        REGION, PROVINCE, COMMUNE
    }

    public boolean within(TerritorialScope scope) {
        return scope.national()
                || scope.regions().contains(regionCode)
                || provinceCode != null && scope.provinces().contains(provinceCode)
                || communeCode != null && scope.communes().contains(communeCode);
    }
}
