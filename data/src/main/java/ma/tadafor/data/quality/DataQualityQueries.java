package ma.tadafor.data.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ma.tadafor.data.territory.TerritorialScope;

/** Reads {@code mart_data_quality} for the communes in the caller's scope (optionally under one territory). */
public final class DataQualityQueries {

    private final DataSource dataSource;

    public DataQualityQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param under a region, province or commune code narrowing the answer (null: the whole scope);
     *              codes nest, so a commune lies under every prefix of its code
     */
    public List<CommuneQuality> communes(TerritorialScope scope, String under) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                SELECT m.commune_code, c.name_fr, c.name_ar, m.province_code, m.cohort, m.activities,
                       m.undated_activities, m.participants, m.unknown_gender_share, m.unknown_age_share,
                       m.unknown_disability_share, m.median_report_delay_days, m.median_arrival_delay_days,
                       m.last_updated_at, m.sources, m.last_success_at, m.hours_since_success
                FROM (SELECT *, commune_code AS code FROM mart_data_quality) m
                JOIN commune c ON c.code = m.commune_code
                WHERE %s%s
                ORDER BY m.hours_since_success DESC NULLS FIRST, m.commune_code""".formatted(
                scope.communeCondition("m", parameters), under == null ? "" : " AND starts_with(m.commune_code, ?)");
        if (under != null) {
            parameters.add(under);
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<CommuneQuality> communes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    communes.add(new CommuneQuality(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getLong(6), rows.getLong(7), rows.getLong(8),
                            rows.getObject(9, Double.class), rows.getObject(10, Double.class),
                            rows.getObject(11, Double.class), rows.getObject(12, Double.class),
                            rows.getObject(13, Double.class), instant(rows, 14), rows.getLong(15), instant(rows, 16),
                            rows.getObject(17, Long.class)));
                }
            }
            return communes;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the data quality mart failed: " + e.getMessage(), e);
        }
    }

    private static java.time.Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
