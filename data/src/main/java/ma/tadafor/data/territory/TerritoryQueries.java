package ma.tadafor.data.territory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** Reads the territorial hierarchy, always through the caller's scope. */
public class TerritoryQueries {

    private final DataSource dataSource;

    public TerritoryQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Commune> communes(TerritorialScope scope, boolean programmeOnly) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                SELECT c.code, c.name_fr, c.name_ar, c.province_code, c.region_code, c.type, p.cohort,
                       c.population_municipal, c.population_female, c.population_male
                FROM commune c
                %s JOIN programme_commune p ON p.commune_code = c.code
                WHERE %s
                ORDER BY c.code""".formatted(programmeOnly ? "" : "LEFT", scope.communeCondition("c", parameters));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<Commune> communes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    communes.add(new Commune(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getString(7),
                            new Commune.Population(nullableLong(rows, 8), nullableLong(rows, 9), nullableLong(rows, 10))));
                }
            }
            return communes;
        } catch (SQLException e) {
            throw new IllegalStateException("reading communes failed: " + e.getMessage(), e);
        }
    }

    /** The programme's communes, in code order. Communes without census detail count zero people. */
    public List<ProgrammeMember> programmeMembers() {
        String sql = """
                SELECT p.commune_code, c.province_code, p.cohort, p.joined_on,
                       coalesce(c.population_female, 0), coalesce(c.population_male, 0), coalesce(cp.disability_pct, 0)
                FROM programme_commune p
                JOIN commune c ON c.code = p.commune_code
                LEFT JOIN census_population cp ON cp.level = 'commune' AND cp.territory_code = p.commune_code
                ORDER BY p.commune_code""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            List<ProgrammeMember> members = new ArrayList<>();
            while (rows.next()) {
                members.add(new ProgrammeMember(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getObject(4, LocalDate.class), rows.getLong(5), rows.getLong(6), rows.getDouble(7)));
            }
            return members;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the programme's communes failed: " + e.getMessage(), e);
        }
    }

    /** The region, province or commune with this code, if it exists. */
    public Optional<Territory> find(Territory.Level level, String code) {
        String sql = switch (level) {
            case REGION -> "SELECT code, NULL, NULL, name_fr, name_ar FROM region WHERE code = ?";
            case PROVINCE -> "SELECT region_code, code, NULL, name_fr, name_ar FROM province WHERE code = ?";
            case COMMUNE -> "SELECT region_code, province_code, code, name_fr, name_ar FROM commune WHERE code = ?";
        };
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, code);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String region = level == Territory.Level.REGION ? code : row.getString(1);
                return Optional.of(new Territory(level, code, region, row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading territory " + code + " failed: " + e.getMessage(), e);
        }
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }
}
