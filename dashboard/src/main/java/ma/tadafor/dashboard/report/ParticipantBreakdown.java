package ma.tadafor.dashboard.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ma.tadafor.data.framework.IndicatorDefinition;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationFigures;
import ma.tadafor.data.mart.ParticipationQueries;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.territory.TerritorialScope;

/**
 * An indicator's actual split by sex, age band or disability, read from the participation mart at
 * national scope. Only indicators that count participants ({@code SUM_PARTICIPANTS}) split into
 * participant counts, and only when every field of their filter is a dimension of the mart (it
 * knows mechanism, role, cohort and the cell fields, not an activity's status or theme): otherwise
 * the split would not add up to the actual, and none is given.
 */
final class ParticipantBreakdown {

    /** The IATI dimension names of the disaggregations the results framework names. */
    private static final Map<ParticipationDimension, String> IATI_NAMES = Map.of(
            ParticipationDimension.GENDER, "sex",
            ParticipationDimension.AGE_BAND, "age",
            ParticipationDimension.DISABILITY, "disability");

    record Group(String name, String value, long participants) {
    }

    private final ParticipationQueries participation;

    ParticipantBreakdown(ParticipationQueries participation) {
        this.participation = participation;
    }

    /** Whether {@link #groups} answers anything for this indicator. */
    static boolean applies(IndicatorDefinition indicator) {
        return "SUM_PARTICIPANTS".equals(indicator.computation()) && !dimensions(indicator).isEmpty()
                && filters(indicator.activityFilter()).isPresent();
    }

    /** The groups of the indicator's actual for the semester, dimension after dimension. */
    List<Group> groups(IndicatorDefinition indicator, Semester semester) {
        Map<ParticipationDimension, List<Object>> filters = new EnumMap<>(filters(indicator.activityFilter()).orElseThrow());
        if (!indicator.cumulative()) {
            filters.put(ParticipationDimension.SEMESTER, List.of(semester.code()));
        }
        List<Group> groups = new ArrayList<>();
        for (ParticipationDimension dimension : dimensions(indicator)) {
            ParticipationFigures figures = participation.participation(
                    new ParticipationQuery(List.of(dimension), filters, null, semester.lastMonth()), TerritorialScope.NATIONAL);
            for (ParticipationFigures.Row row : figures.rows()) {
                groups.add(new Group(IATI_NAMES.get(dimension), String.valueOf(row.dimensions().get(dimension)),
                        row.participants()));
            }
        }
        return groups;
    }

    private static List<ParticipationDimension> dimensions(IndicatorDefinition indicator) {
        if (indicator.disaggregations() == null) {
            return List.of();
        }
        List<ParticipationDimension> dimensions = new ArrayList<>();
        for (String name : indicator.disaggregations().split(";")) {
            ParticipationDimension.fromApiName(name.trim()).filter(IATI_NAMES::containsKey).ifPresent(dimensions::add);
        }
        return dimensions;
    }

    /** The indicator's filter ({@code field=A|B;field=C}, docs/INDICATORS.md) as mart filters, if it can be one. */
    private static Optional<Map<ParticipationDimension, List<Object>>> filters(String filter) {
        Map<ParticipationDimension, List<Object>> filters = new EnumMap<>(ParticipationDimension.class);
        if (filter == null || filter.isBlank()) {
            return Optional.of(filters);
        }
        for (String condition : filter.split(";")) {
            String[] fieldAndValues = condition.split("=", 2);
            Optional<ParticipationDimension> dimension = ParticipationDimension.fromApiName(fieldAndValues[0].trim());
            if (dimension.isEmpty() || fieldAndValues.length < 2) {
                return Optional.empty();
            }
            List<Object> values = new ArrayList<>();
            for (String value : fieldAndValues[1].split("\\|")) {
                values.add(dimension.get() == ParticipationDimension.DISABILITY ? disability(value.trim()) : value.trim());
            }
            filters.put(dimension.get(), values);
        }
        return Optional.of(filters);
    }

    /** The mart writes disability YES/NO where filters write true/false. */
    private static String disability(String value) {
        return Boolean.parseBoolean(value) ? "YES" : "NO";
    }
}
