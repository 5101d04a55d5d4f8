package ma.tadafor.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ma.tadafor.data.user.UserAccount;
import ma.tadafor.data.user.UserRole;
import ma.tadafor.data.user.UserStore;

/** Outside the demo profile, the only user is the administrator the environment names. */
@SpringBootTest
@ActiveProfiles("production")
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

    @Test
    void noDemoUserExistsOnlyTheConfiguredAdministrator() {
        assertThat(users.all()).extracting(UserAccount::username).containsExactly("root-admin");
        assertThat(users.find("root-admin").orElseThrow().role()).isEqualTo(UserRole.ADMIN);
        assertThat(users.find("root-admin").orElseThrow().passwordHash()).startsWith("{bcrypt}")
                .doesNotContain("a-strong-first-password");
    }
}
