package ma.tadafor.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.user.UserAccount;
import ma.tadafor.data.user.UserRole;
import ma.tadafor.data.user.UserStore;

/**
 * The prod profile starts with no user but the administrator its configuration names, and none of
 * the demo's invented membership, baselines or targets.
 */
@SpringBootTest
@ActiveProfiles("prod")
class InitialAdministratorTest {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-warehouses")), "production-");
        registry.add("tadafor.warehouse.path", () -> folder.resolve("warehouse.duckdb").toString());
        registry.add("tadafor.security.initial-admin.username", () -> "root-admin");
        registry.add("tadafor.security.initial-admin.password", () -> "a-strong-first-password");
    }

    @Autowired
    UserStore users;

    @Autowired
    HikariDataSource warehouse;

    @Test
    void noDemoUserExistsOnlyTheConfiguredAdministrator() {
        assertThat(users.all()).extracting(UserAccount::username).containsExactly("root-admin");
        assertThat(users.find("root-admin").orElseThrow().role()).isEqualTo(UserRole.ADMIN);
        assertThat(users.find("root-admin").orElseThrow().passwordHash()).startsWith("{bcrypt}")
                .doesNotContain("a-strong-first-password");
    }

    @Test
    void noIllustrativeCommuneBaselineOrTargetExists() throws SQLException {
        assertThat(count("SELECT count(*) FROM programme_commune WHERE basis = 'illustrative'")).isZero();
        assertThat(count("SELECT count(*) FROM programme_commune")).as("the communes sources name").isEqualTo(13);
        assertThat(count("SELECT count(*) FROM indicator_target")).isZero();
        assertThat(count("SELECT count(*) FROM indicator WHERE baseline IS NOT NULL OR is_demo")).isZero();
        assertThat(count("SELECT count(*) FROM source")).as("no simulated portal").isZero();
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
