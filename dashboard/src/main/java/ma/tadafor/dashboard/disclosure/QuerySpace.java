package ma.tadafor.dashboard.disclosure;

import static ma.tadafor.data.mart.ParticipationDimension.SEMESTER;
import static ma.tadafor.data.mart.ParticipationDimension.YEAR;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQuery;

/**
 * The questions a protected audience may ask (docs/PRIVACY.md): a filter takes one value or all,
 * and a period is one calendar month, one semester, one year, or everything up to the end of a
 * month ({@code to} alone). Many overlapping windows or lists averaged together would wear any
 * noise away; this space is small and fixed, so each of its cells has one protected value.
 */
final class QuerySpace {

    static final String PERIOD_RULE = "a period is one calendar month, one semester (from 1 January or 1 July to "
            + "30 June or 31 December), one year, or 'to' alone at the end of a month";

    private QuerySpace() {
    }

    /** @throws InvalidParameterException naming the parameter and the rule it breaks */
    static void check(ParticipationQuery query) {
        for (Map.Entry<ParticipationDimension, List<Object>> filter : query.filters().entrySet()) {
            if (filter.getValue().size() != 1) {
                throw new InvalidParameterException(filter.getKey().apiName(), "takes one value or none (all)");
            }
        }
        LocalDate from = query.from();
        LocalDate to = query.to();
        if (from == null && to == null) {
            return;
        }
        if ((query.filters().containsKey(YEAR) || query.filters().containsKey(SEMESTER))) {
            throw new InvalidParameterException(from != null ? "from" : "to",
                    "give a period either as year or semester or as from/to, not both");
        }
        if (from == null) {
            if (!endOfMonth(to)) {
                throw new InvalidParameterException("to", PERIOD_RULE);
            }
            return;
        }
        if (to == null || !allowed(from, to)) {
            throw new InvalidParameterException("from", PERIOD_RULE);
        }
    }

    private static boolean allowed(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() != 1 || !endOfMonth(to) || from.getYear() != to.getYear()) {
            return false;
        }
        Month first = from.getMonth();
        Month last = to.getMonth();
        return first == last
                || first == Month.JANUARY && last == Month.JUNE
                || first == Month.JULY && last == Month.DECEMBER
                || first == Month.JANUARY && last == Month.DECEMBER;
    }

    private static boolean endOfMonth(LocalDate day) {
        return day.getDayOfMonth() == day.lengthOfMonth();
    }
}
