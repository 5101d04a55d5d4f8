package ma.tadafor.data.mart;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A question to the participation mart: group by {@code groupBy}, keep rows whose dimension is one
 * of the listed values (years as {@link Integer}, everything else as the mart writes it), and
 * activities that started in the months {@code from}–{@code to} (either may be null).
 */
public record ParticipationQuery(List<ParticipationDimension> groupBy, Map<ParticipationDimension, List<Object>> filters,
                                 YearMonth from, YearMonth to) {

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

    LocalDate fromMonth() {
        return from == null ? null : from.atDay(1);
    }

    LocalDate toMonth() {
        return to == null ? null : to.atDay(1);
    }
}
