package ma.tadafor.dashboard.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedCount;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
import ma.tadafor.dashboard.period.Semester;
import ma.tadafor.data.framework.IndicatorDefinition;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQuery;

/**
 * An indicator's actual split by sex, age band or disability, read from the participation mart at
 * national scope, for the indicators about participants: a count ({@code SUM_PARTICIPANTS}) splits
 * into the count of each group, a share ({@code SHARE_OF_PARTICIPANTS}, e.g. women among
 * participants by age band) into the share within each group. Only when every field of the
 * indicator's filters is a dimension of the mart (it knows mechanism, role, cohort and the cell
 * fields, not an activity's status or theme): otherwise the split would not match the actual, and
 * none is given. The split leaves the platform: every group is protected by the disclosure layer,
 * and a group whose count or share is suppressed is left out.
 */
final class ParticipantBreakdown {

    /** The IATI dimension names of the disaggregations the results framework names. */
    private static final Map<ParticipationDimension, String> IATI_NAMES = Map.of(
            ParticipationDimension.GENDER, "sex",
            ParticipationDimension.AGE_BAND, "age",
            ParticipationDimension.DISABILITY, "disability");

    /** One group's figure: participants for a count, percent within the group for a share. */
    record Group(String name, String value, double figure) {
    }

    private final Disclosure disclosure;

    ParticipantBreakdown(Disclosure disclosure) {
        this.disclosure = disclosure;
    }

    /** Whether {@link #groups} answers anything for this indicator. */
    static boolean applies(IndicatorDefinition indicator) {
        boolean mapped = !dimensions(indicator).isEmpty() && filters(indicator.activityFilter()).isPresent();
        return switch (indicator.computation()) {
            case "SUM_PARTICIPANTS" -> mapped;
            case "SHARE_OF_PARTICIPANTS" -> mapped && filters(indicator.shareFilter()).isPresent();
            default -> false;
        };
    }

    /** The published groups of the indicator's actual for the semester, dimension after dimension. */
    List<Group> groups(IndicatorDefinition indicator, Semester semester) {
        Map<ParticipationDimension, List<Object>> filters = new EnumMap<>(filters(indicator.activityFilter()).orElseThrow());
        if (!indicator.cumulative()) {
            filters.put(ParticipationDimension.SEMESTER, List.of(semester.code()));
        }
        boolean share = "SHARE_OF_PARTICIPANTS".equals(indicator.computation());
        Map<ParticipationDimension, List<Object>> numerator = share
                ? narrowed(filters, filters(indicator.shareFilter()).orElseThrow()) : null;
        List<Group> groups = new ArrayList<>();
        for (ParticipationDimension dimension : dimensions(indicator)) {
            Map<Object, PublishedCount> counted = new HashMap<>();
            if (share) {
                participants(dimension, numerator, semester).forEach(row -> counted.put(row.value(dimension),
                        row.participants()));
            }
            for (PublishedParticipation.Row row : participants(dimension, filters, semester)) {
                Object value = row.value(dimension);
                PublishedCount participants = row.participants();
                Double figure = share ? PublishedCount.percent(counted.getOrDefault(value, PublishedCount.ZERO), participants)
                        : participants.value() == null ? null : participants.value().doubleValue();
                if (figure != null) {
                    groups.add(new Group(IATI_NAMES.get(dimension), String.valueOf(value),
                            share ? Math.round(figure * 10) / 10.0 : figure));
                }
            }
        }
        return groups;
    }

    private List<PublishedParticipation.Row> participants(ParticipationDimension dimension,
            Map<ParticipationDimension, List<Object>> filters, Semester semester) {
        return disclosure.ofIndicatorDefinition(new ParticipationQuery(List.of(dimension), filters, null, semester.end()))
                .rows();
    }

    /** The activity filter narrowed by the share filter: the share's numerator. */
    private static Map<ParticipationDimension, List<Object>> narrowed(Map<ParticipationDimension, List<Object>> filters,
            Map<ParticipationDimension, List<Object>> share) {
        Map<ParticipationDimension, List<Object>> numerator = new EnumMap<>(filters);
        share.forEach((dimension, values) -> numerator.merge(dimension, values,
                (all, some) -> all.stream().filter(some::contains).toList()));
        return numerator;
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
