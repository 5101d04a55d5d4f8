package ma.tadafor.data.closure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import ma.tadafor.data.Rows;
import ma.tadafor.data.mart.IndicatorActual;

/** Reads the revisions of a closure as the last refresh computed them ({@link FrozenMarts#reviseAndRestore}). */
public final class RevisionQueries {

    private final DataSource dataSource;

    public RevisionQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Revision> of(long closureId) {
        Map<List<Object>, List<Revision.ChangedItem>> items = new LinkedHashMap<>();
        Rows.each(dataSource, """
                SELECT kind, indicator_code, scope, breakdown, breakdown_value, source_id, item_id, change
                FROM closure_revision_item WHERE closure_id = ? ORDER BY source_id, item_id""", List.of(closureId),
                row -> items.computeIfAbsent(key(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)), k -> new ArrayList<>()).add(new Revision.ChangedItem(row.getString(6),
                        row.getString(7), row.getString(8))), "reading a closure's revised items");
        List<Revision> revisions = new ArrayList<>();
        Rows.each(dataSource, """
                SELECT kind, indicator_code, scope, breakdown, breakdown_value,
                       approved, approved_numerator, approved_denominator, approved_key, approved_denominator_key,
                       now, now_numerator, now_denominator, now_key, now_denominator_key
                FROM closure_revision WHERE closure_id = ?
                ORDER BY kind, indicator_code, scope, breakdown, breakdown_value""", List.of(closureId), row -> {
                    String kind = row.getString(1);
                    List<Object> key = key(kind, row.getString(2), row.getString(3), row.getString(4), row.getString(5));
                    revisions.add(new Revision(kind, row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                            figure(row, 6, kind), figure(row, 11, kind), items.getOrDefault(key, List.of())));
                }, "reading a closure's revisions");
        return revisions;
    }

    /** A participation count is a count with its key; an indicator as its mart row. */
    private static IndicatorActual figure(java.sql.ResultSet row, int first, String kind) throws java.sql.SQLException {
        Double value = row.getObject(first, Double.class);
        if (kind.equals("participation")) {
            return new IndicatorActual(value, null, null, row.getObject(first + 3, Integer.class), null);
        }
        return new IndicatorActual(value, row.getObject(first + 1, Double.class), row.getObject(first + 2, Double.class),
                row.getObject(first + 3, Integer.class), row.getObject(first + 4, Integer.class));
    }

    private static List<Object> key(Object... parts) {
        return java.util.Arrays.asList(parts);
    }
}
