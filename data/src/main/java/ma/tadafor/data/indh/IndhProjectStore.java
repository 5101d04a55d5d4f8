package ma.tadafor.data.indh;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import ma.tadafor.data.Dirhams;

/** Writes INDH project lists; a project is identified by its ref, a newer list replaces it. */
public final class IndhProjectStore {

    private final DataSource dataSource;

    public IndhProjectStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts or replaces the projects; {@code origin} says where the list came from. */
    public int upsert(List<IndhProject> projects, String origin) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE OR REPLACE TEMP TABLE stage_indh_project AS SELECT * FROM indh_project LIMIT 0");
            }
            try (DuckDBAppender rows = connection.unwrap(DuckDBConnection.class)
                    .createAppender("temp", "main", "stage_indh_project")) {
                for (IndhProject project : projects) {
                    rows.beginRow()
                            .append(project.ref())
                            .append(project.provinceCode())
                            .append(project.communeCode())
                            .append(project.programmeNo())
                            .append(project.theme() == null ? null : project.theme().name())
                            .append(project.titleFr())
                            .append(project.titleAr())
                            .append(project.startDate())
                            .append(project.endDate())
                            .append(Dirhams.stored(project.totalCostMad()))
                            .append(Dirhams.stored(project.indhContributionMad()))
                            .append(project.status())
                            .append(origin)
                            .endRow();
                }
            }
            try (PreparedStatement merge = connection.prepareStatement(
                    "INSERT OR REPLACE INTO indh_project SELECT * FROM stage_indh_project")) {
                return merge.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing INDH projects failed: " + e.getMessage(), e);
        }
    }
}
