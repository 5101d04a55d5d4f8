package ma.tadafor.dashboard.participation;

import static ma.tadafor.data.mart.ParticipationDimension.AGE_BAND;
import static ma.tadafor.data.mart.ParticipationDimension.DISABILITY;
import static ma.tadafor.data.mart.ParticipationDimension.GENDER;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationFigures;

/**
 * The small-cell rule (issue 5, API.md): at commune level, in a breakdown by disability or by a
 * cross of two or more of gender, age band and disability, a count from 1 to 4 is not shown. Nor
 * is a complementary count that would reveal it: within any group of rows that differ in one
 * dimension only, the sum over that dimension can be had exactly (the total, or another query),
 * so a group never keeps a single hidden count; the smallest visible one is hidden with it.
 */
public final class SmallCellSuppression {

    public static final long THRESHOLD = 5;
    private static final Set<ParticipationDimension> PERSONAL = Set.of(GENDER, AGE_BAND, DISABILITY);

    private SmallCellSuppression() {
    }

    public static boolean applies(List<ParticipationDimension> groupBy, boolean communeLevel) {
        long personal = groupBy.stream().filter(PERSONAL::contains).count();
        return communeLevel && (groupBy.contains(DISABILITY) || personal >= 2);
    }

    /** Which rows to hide, by index in {@code rows}. */
    public static boolean[] hidden(List<ParticipationDimension> groupBy, List<ParticipationFigures.Row> rows) {
        boolean[] hidden = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            hidden[i] = rows.get(i).participants() > 0 && rows.get(i).participants() < THRESHOLD;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ParticipationDimension summedOver : groupBy) {
                for (List<Integer> group : groupsAlong(groupBy, summedOver, rows)) {
                    if (group.stream().filter(i -> hidden[i]).count() == 1) {
                        int smallest = group.stream().filter(i -> !hidden[i])
                                .min(Comparator.comparingLong(i -> rows.get(i).participants())).orElse(-1);
                        if (smallest >= 0) {
                            hidden[smallest] = true;
                            changed = true;
                        }
                    }
                }
            }
        }
        return hidden;
    }

    /** Rows grouped by every dimension but {@code summedOver}. */
    private static List<List<Integer>> groupsAlong(List<ParticipationDimension> groupBy, ParticipationDimension summedOver,
            List<ParticipationFigures.Row> rows) {
        Map<List<Object>, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> key = new ArrayList<>();
            for (ParticipationDimension dimension : groupBy) {
                if (dimension != summedOver) {
                    key.add(rows.get(i).dimensions().get(dimension));
                }
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(groups.values());
    }
}
