package ma.tadafor.analytics.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;

import ma.tadafor.analytics.participation.CellCode;
import ma.tadafor.analytics.participation.ParticipationGrain;

/**
 * An indicator's filter as docs/INDICATORS.md writes it: {@code field=VALUE|VALUE;field=VALUE},
 * conditions joined by {@code ;} all hold, values joined by {@code |} are alternatives. Conditions
 * on the activity and on its participation cells are kept apart: counting activities asks whether
 * some cell of the activity passes, summing participants asks it of each cell.
 */
public record IndicatorFilter(List<Condition> activityConditions, List<Condition> cellConditions) {

    /** Filter fields and the column each reads; disability's true/false are the grain's YES/NO. */
    private static final Map<String, String> ACTIVITY_FIELDS = Map.of("mechanism", "mechanism", "status", "status",
            "theme", "theme", "initiator", "initiator", "cohort", "cohort", "indhLinked", "indh_linked");
    private static final Map<String, String> CELL_FIELDS = Map.of("gender", "gender", "ageBand", "age_band",
            "disability", "disability", "role", "role");

    public static final IndicatorFilter NONE = new IndicatorFilter(List.of(), List.of());

    public record Condition(String column, List<String> values) {

        Column column(boolean booleanValues) {
            Object[] literals = booleanValues ? values.stream().map(Boolean::valueOf).toArray() : values.toArray();
            return col(column).isin(literals);
        }
    }

    /** @throws IllegalArgumentException naming the part of {@code text} that is not a known field or value */
    public static IndicatorFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Condition> activity = new ArrayList<>();
        List<Condition> cell = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] fieldAndValues = part.split("=", 2);
            if (fieldAndValues.length != 2 || fieldAndValues[1].isBlank()) {
                throw new IllegalArgumentException("'" + part + "' is not field=VALUE|VALUE");
            }
            String field = fieldAndValues[0].strip();
            List<String> values = Arrays.stream(fieldAndValues[1].split("\\|")).map(String::strip).toList();
            if (field.equals("disability")) {
                values = values.stream().map(IndicatorFilter::disability).toList();
            }
            if (field.equals("indhLinked")) {
                values.forEach(IndicatorFilter::bool);
            }
            if (ACTIVITY_FIELDS.containsKey(field)) {
                activity.add(new Condition(ACTIVITY_FIELDS.get(field), values));
            } else if (CELL_FIELDS.containsKey(field)) {
                cell.add(new Condition(CELL_FIELDS.get(field), values));
            } else {
                throw new IllegalArgumentException("unknown filter field '" + field + "'");
            }
        }
        return new IndicatorFilter(List.copyOf(activity), List.copyOf(cell));
    }

    public boolean hasCellConditions() {
        return !cellConditions.isEmpty();
    }

    public Column activityCondition() {
        return all(activityConditions);
    }

    /** The condition on the grain's {@code cell_code}: the codes of the cells passing every cell condition. */
    public Column cellCondition() {
        if (cellConditions.isEmpty()) {
            return lit(true);
        }
        return col("cell_code").isin(CellCode.codesWhere(cell -> cellConditions.stream().allMatch(condition ->
                condition.values().contains(cell.get(ParticipationGrain.CELL_DIMENSIONS.indexOf(condition.column()))))));
    }

    private static Column all(List<Condition> conditions) {
        Column all = lit(true);
        for (Condition condition : conditions) {
            all = all.and(condition.column(condition.column().equals("indh_linked")));
        }
        return all;
    }

    private static String disability(String value) {
        return bool(value) ? "YES" : "NO";
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
        };
    }
}
