package ma.tadafor.data.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ma.tadafor.data.mart.ExactCount;
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
                       m.undated_activities, m.participants, m.participants_key, m.unknown_gender,
                       m.unknown_gender_key, m.unknown_age, m.unknown_age_key, m.unknown_disability,
                       m.unknown_disability_key, m.median_report_delay_days, m.median_arrival_delay_days,
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
                            rows.getString(4), rows.getString(5), rows.getLong(6), rows.getLong(7), count(rows, 8),
                            count(rows, 10), count(rows, 12), count(rows, 14), rows.getObject(16, Double.class),
                            rows.getObject(17, Double.class), instant(rows, 18), rows.getLong(19), instant(rows, 20),
                            rows.getObject(21, Long.class)));
                }
            }
            return communes;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the data quality mart failed: " + e.getMessage(), e);
        }
    }

    private static ExactCount count(ResultSet rows, int column) throws SQLException {
        return new ExactCount(rows.getLong(column), rows.getInt(column + 1));
    }

    private static java.time.Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
