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

    public static Optional<ParticipationDimension> fromApiName(String name) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(name)).findFirst();
    }
}
