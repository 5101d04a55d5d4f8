package ma.tadafor.data.mart;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A question to the participation mart: group by {@code groupBy}, keep rows whose dimension is one
 * of the listed values (years as {@link Integer}, everything else as the mart writes it), and
 * activities that started from {@code from} to {@code to}, both days included (either may be null).
 */
public record ParticipationQuery(List<ParticipationDimension> groupBy, Map<ParticipationDimension, List<Object>> filters,
                                 LocalDate from, LocalDate to) {

    public ParticipationQuery {
        groupBy = List.copyOf(groupBy);
        filters = Map.copyOf(filters);
    }

    /** The mart's grouping set that holds the answer: the cell dimensions grouped by or filtered on. */
    int cellSet(boolean withGroupBy) {
        int set = 0;
        for (ParticipationDimension dimension : filters.keySet()) {
            set |= dimension.cellBit();
        }
        if (withGroupBy) {
            for (ParticipationDimension dimension : groupBy) {
                set |= dimension.cellBit();
            }
        }
        return set;
    }

    /** Whether the question names communes, grouping or filtering by them. */
    boolean namesCommunes() {
        return groupBy.contains(ParticipationDimension.COMMUNE) || filters.containsKey(ParticipationDimension.COMMUNE);
    }

    /** Whether the range is made of whole months, which the mart counts: it has no finer time than the month. */
    boolean inWholeMonths() {
        return (from == null || from.getDayOfMonth() == 1) && (to == null || to.equals(to.withDayOfMonth(to.lengthOfMonth())));
    }
}
