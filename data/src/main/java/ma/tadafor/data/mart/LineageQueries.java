package ma.tadafor.data.mart;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import ma.tadafor.data.Rows;
import ma.tadafor.data.closure.FrozenMarts;

/**
 * The items a figure is made of (docs/TRUST.md), read from the lineage marts the refresh writes
 * beside the figures, so that they add up to them; a closed semester's are those approved, since
 * the refresh restores them with its other rows ({@link FrozenMarts}).
 */
public final class LineageQueries {

    /** Where an item came from: the pull run that brought its version, or the audit entry of its upload. */
    private static final String ITEMS = """
            SELECT li.source_id, li.item_id, li.updated_at,
                   (SELECT max(r.run_id) FROM ingestion_run_source r WHERE r.source_id = li.source_id
                        AND li.ingested_at BETWEEN r.started_at AND coalesce(r.finished_at, now())) AS run_id,
                   CASE WHEN starts_with(li.source_id, 'upload-') THEN
                       (SELECT min(e.id) FROM audit_event e WHERE e.action = 'IMPORT_ACTIVITIES'
                            AND e.occurred_at >= li.ingested_at) END AS import_id,
                   li.start_date, li.commune_code, li.mechanism, li.participants, li.participants_key,
                   c.id AS closure_id""";
    private static final String CLOSED = """
            LEFT JOIN closure c ON c.status = 'APPROVED' AND c.province_code = li.province_code AND c.semester = li.semester""";

    private final DataSource dataSource;

    public LineageQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The items of an indicator's actual in a scope and semester (the semesters up to it for a
     * cumulative indicator), with what each adds to its numerator and denominator.
     *
     * @param scope {@code programme}, {@code region:05}, {@code province:05.091} or {@code commune:05.091.01.07}
     */
    public List<LineageItem> ofIndicator(String indicatorCode, String scope, String semester, boolean withCells) {
        List<Object> parameters = new ArrayList<>(List.of(indicatorCode, semester, semester));
        String sql = ITEMS + """
                , ii.numerator, ii.denominator
                FROM mart_indicator_item ii
                JOIN mart_lineage_item li ON li.source_id = ii.source_id AND li.item_id = ii.item_id
                %s
                WHERE ii.indicator_code = ? AND (ii.semester = ? OR (ii.cumulative AND ii.semester < ?)) AND %s
                ORDER BY li.start_date, li.source_id, li.item_id""".formatted(CLOSED, scopeCondition(scope, parameters));
        return read(sql, parameters, withCells);
    }

    /**
     * The items of a participation figure: activities of the scope and semester passing the
     * query's filters, with the participants of their cells that pass its cell filters (items
     * with none left out).
     */
    public List<LineageItem> ofParticipation(ParticipationQuery query, String scope, String semester, boolean withCells) {
        List<Object> parameters = new ArrayList<>();
        List<String> cellConditions = new ArrayList<>();
        List<Object> cellParameters = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        conditions.add("li.semester = ?");
        parameters.add(semester);
        conditions.add(scopeCondition(scope, parameters));
        query.filters().forEach((dimension, values) -> {
            String marks = values.stream().map(v -> "?").collect(Collectors.joining(", "));
            if (dimension.cellBit() != 0) {
                cellConditions.add(CELL_COLUMNS.get(dimension) + " IN (" + marks + ")");
                cellParameters.addAll(values);
            } else if (dimension == ParticipationDimension.YEAR) {
                conditions.add("year(li.start_date) IN (" + marks + ")");
                parameters.addAll(values);
            } else {
                conditions.add("li." + dimension.column() + " IN (" + marks + ")");
                parameters.addAll(values);
            }
        });
        String passing = cellConditions.isEmpty() ? "true" : String.join(" AND ", cellConditions);
        List<Object> all = new ArrayList<>(cellParameters);
        all.addAll(parameters);
        String sql = ITEMS + """
                , (SELECT CAST(coalesce(sum(cell.participants), 0) AS DOUBLE) FROM %s cell WHERE cell.closure_id IS NOT DISTINCT FROM c.id
                       AND cell.source_id = li.source_id AND cell.item_id = li.item_id AND %s) AS contribution,
                  CAST(NULL AS DOUBLE)
                FROM mart_lineage_item li
                %s
                WHERE %s
                ORDER BY li.start_date, li.source_id, li.item_id""".formatted(CELLS_AS_MART, passing, CLOSED,
                String.join(" AND ", conditions));
        List<LineageItem> items = read(sql, all, withCells);
        return cellConditions.isEmpty() ? items : items.stream().filter(i -> i.contribution() != null && i.contribution() > 0).toList();
    }

    /** The cells in the mart's terms: disability YES, NO or UNKNOWN. */
    private static final String CELLS_AS_MART = """
            (SELECT closure_id, source_id, item_id, gender, age_band, role, participants,
                    CASE WHEN disability IS NULL THEN 'UNKNOWN' WHEN disability THEN 'YES' ELSE 'NO' END AS disability
             FROM %s)""".formatted(FrozenMarts.CELLS);
    private static final Map<ParticipationDimension, String> CELL_COLUMNS = Map.of(ParticipationDimension.GENDER,
            "cell.gender", ParticipationDimension.AGE_BAND, "cell.age_band", ParticipationDimension.DISABILITY,
            "cell.disability", ParticipationDimension.ROLE, "cell.role");

    /** @param withCells whether to read each item's cells too (its personal breakdown, for the administrator) */
    private List<LineageItem> read(String sql, List<Object> parameters, boolean withCells) {
        List<LineageItem> items = new ArrayList<>();
        Rows.each(dataSource, sql, parameters, row -> {
            OffsetDateTime version = row.getObject(3, OffsetDateTime.class);
            java.sql.Date start = row.getDate(6);
            items.add(new LineageItem(row.getString(1), row.getString(2), version == null ? null : version.toInstant(),
                    row.getString(4), row.getObject(5, Long.class), start == null ? null : start.toLocalDate(),
                    row.getString(7), row.getString(8), new ExactCount(row.getLong(9), row.getInt(10)),
                    row.getObject(12, Double.class), row.getObject(13, Double.class),
                    withCells ? cells(row.getString(1), row.getString(2), row.getObject(11, Long.class)) : List.of()));
        }, "reading a figure's lineage");
        return items;
    }

    private List<LineageItem.Cell> cells(String sourceId, String itemId, Long closureId) throws SQLException {
        List<LineageItem.Cell> cells = new ArrayList<>();
        List<Object> parameters = new ArrayList<>(List.of(sourceId, itemId));
        if (closureId != null) {
            parameters.add(closureId);
        }
        Rows.each(dataSource, "SELECT gender, age_band, disability, role, participants FROM " + CELLS_AS_MART
                + " cell WHERE source_id = ? AND item_id = ? AND closure_id " + (closureId == null ? "IS NULL" : "= ?")
                + " ORDER BY ALL", parameters, row -> cells.add(new LineageItem.Cell(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getLong(5))), "reading an item's cells");
        return cells;
    }

    private static String scopeCondition(String scope, List<Object> parameters) {
        if (scope.equals("programme")) {
            return "true";
        }
        String[] levelAndCode = scope.split(":", 2);
        parameters.add(levelAndCode[1]);
        return "li." + switch (levelAndCode[0]) {
            case "region" -> "region_code";
            case "province" -> "province_code";
            case "commune" -> "commune_code";
            default -> throw new IllegalArgumentException("not a scope: " + scope);
        } + " = ?";
    }
}
