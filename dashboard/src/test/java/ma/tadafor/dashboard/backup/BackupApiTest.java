package ma.tadafor.dashboard.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.data.Warehouse;

/** A backup taken through the running application, then opened as a warehouse of its own. */
class BackupApiTest extends DemoApplicationTest {

    @Autowired
    DataSource warehouse;

    @Test
    void anAdministratorBacksUpTheRunningWarehouseAndTheCopyHoldsItsData() throws Exception {
        Map<String, Object> backup = object(send("POST", "/api/v1/admin/backups", "admin", null));
        Path file = Path.of((String) backup.get("file"));

        assertThat(Files.exists(file)).isTrue();
        assertThat(items(get("/api/v1/admin/backups", "admin"))).anySatisfy(listed ->
                assertThat(listed).containsEntry("file", file.toString()));
        assertThat(get("/api/v1/audit?action=BACKUP", "admin").body()).contains(file.getFileName().toString());
        try (HikariDataSource copy = Warehouse.open(file, 1)) {
            assertThat(count(copy, "SELECT count(*) FROM commune")).isEqualTo(1503);
            assertThat(count(copy, "SELECT count(*) FROM app_user")).isEqualTo(count(warehouse, "SELECT count(*) FROM app_user"));
            assertThat(count(copy, "SELECT count(*) FROM source")).isEqualTo(count(warehouse, "SELECT count(*) FROM source"));
        }
    }

    @Test
    void onlyAdministratorsBackUp() throws Exception {
        for (String user : new String[] {"enabel", "dgct", "gov-beni-mellal", "focal-kasba-tadla"}) {
            assertThat(send("POST", "/api/v1/admin/backups", user, null).statusCode()).isEqualTo(403);
        }
    }

    private static long count(DataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
