package ma.tadafor.data.mart;

import java.util.Arrays;
import java.util.Optional;

/**
 * The dimensions of the participation mart, by their API names. The cell dimensions carry their
 * bit in the mart's {@code cell_set}; the others add up and are rolled up at query time.
 */
public enum ParticipationDimension {
    REGION("region", "region_code", 0),
    PROVINCE("province", "province_code", 0),
    COMMUNE("commune", "commune_code", 0),
    COHORT("cohort", "cohort", 0),
    MECHANISM("mechanism", "mechanism", 0),
    YEAR("year", "year", 0),
    SEMESTER("semester", "semester", 0),
    GENDER("gender", "gender", 1),
    AGE_BAND("ageBand", "age_band", 2),
    DISABILITY("disability", "disability", 4),
    ROLE("role", "role", 8);

    private final String apiName;
    private final String column;
    private final int cellBit;

    ParticipationDimension(String apiName, String column, int cellBit) {
        this.apiName = apiName;
        this.column = column;
        this.cellBit = cellBit;
    }

    public String apiName() {
        return apiName;
    }

    String column() {
        return column;
    }

    int cellBit() {
        return cellBit;
    }

    /** How rows sort on this dimension: age bands young to old and unknown values last. */
    String orderBy() {
        return switch (this) {
            case AGE_BAND -> "CASE age_band WHEN 'UNDER_18' THEN 0 WHEN '18-24' THEN 1 WHEN '25-34' THEN 2 "
                    + "WHEN '35-59' THEN 3 WHEN '60+' THEN 4 ELSE 5 END";
            case DISABILITY -> "CASE disability WHEN 'NO' THEN 0 WHEN 'YES' THEN 1 ELSE 2 END";
            default -> column + " NULLS LAST";
        };
    }

    public static Optional<ParticipationDimension> fromApiName(String name) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(name)).findFirst();
    }
}
