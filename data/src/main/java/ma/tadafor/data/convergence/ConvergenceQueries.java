package ma.tadafor.data.convergence;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ma.tadafor.data.Rows;

import ma.tadafor.data.territory.TerritorialScope;

/** Reads the INDH convergence marts. */
public final class ConvergenceQueries {

    private final DataSource dataSource;

    public ConvergenceQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Per INDH programme, for one scope the caller may see (the web layer checks it, as for
     * indicators): {@code programme}, {@code region:05}, {@code province:05.091} or a commune.
     */
    public List<ProgrammeConvergence> byProgramme(String scope) {
        String sql = """
                SELECT m.programme_no, p.name_fr, m.linked_activities, m.explicit_activities, m.inferred_activities,
                       m.linked_co_construction, m.indh_co_financing_mad, m.tadafor_mad, m.programme_communes,
                       m.communes_with_active_indh, m.active_indh_share
                FROM mart_convergence m LEFT JOIN indh_programme p ON p.programme_no = m.programme_no
                WHERE m.scope = ? ORDER BY m.programme_no""";
        List<ProgrammeConvergence> rows = new ArrayList<>();
        query(sql, List.of(scope), r -> rows.add(new ProgrammeConvergence(r.getInt(1), r.getString(2), r.getLong(3),
                r.getLong(4), r.getLong(5), r.getLong(6), r.getBigDecimal(7), r.getBigDecimal(8), r.getLong(9),
                r.getLong(10), r.getObject(11, Double.class))));
        return rows;
    }

    /** Links of the communes in scope (under a territory code when given), inferred ones first, at most {@code limit}. */
    public List<ConvergenceLink> links(TerritorialScope scope, String under, int limit) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                SELECT l.commune_code, c.name_fr, c.name_ar, l.mechanism, a.title_fr, a.title_ar, l.indh_project_ref,
                       p.title_fr, p.title_ar, l.programme_no, l.inferred
                FROM mart_convergence_link l
                JOIN commune c ON c.code = l.commune_code
                LEFT JOIN activity a ON a.source_id = l.source_id AND a.item_id = l.item_id
                LEFT JOIN indh_project p ON p.ref = l.indh_project_ref
                WHERE %s%s
                ORDER BY l.inferred DESC, l.commune_code, l.indh_project_ref LIMIT ?""".formatted(
                scope.communeCondition("c", parameters), under == null ? "" : " AND starts_with(c.code, ?)");
        if (under != null) {
            parameters.add(under);
        }
        parameters.add(limit);
        List<ConvergenceLink> links = new ArrayList<>();
        query(sql, parameters, r -> links.add(new ConvergenceLink(r.getString(1), r.getString(2), r.getString(3),
                r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                r.getInt(10), r.getBoolean(11))));
        return links;
    }


    private void query(String sql, List<Object> parameters, Rows.Reader reader) {
        Rows.each(dataSource, sql, parameters, reader, "reading the convergence marts");
    }
}
