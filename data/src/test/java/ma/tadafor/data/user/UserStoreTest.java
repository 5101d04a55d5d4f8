package ma.tadafor.data.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Warehouse;
import ma.tadafor.data.migration.SchemaMigrator;
import ma.tadafor.data.territory.TerritorialScope;

class UserStoreTest {

    @TempDir
    Path folder;

    HikariDataSource warehouse;
    UserStore users;
    ApiTokenStore tokens;

    @BeforeEach
    void open() {
        warehouse = Warehouse.open(folder.resolve("users.duckdb"), 2);
        new SchemaMigrator(warehouse).migrate();
        users = new UserStore(warehouse);
        tokens = new ApiTokenStore(warehouse);
        users.save(new UserAccount("gov-beni-mellal", "Gouverneur", UserRole.GOVERNOR, "{bcrypt}hash", true,
                Set.of(), Set.of("05.091"), Set.of()));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void keepsTheUsersScope() {
        UserAccount governor = users.find("gov-beni-mellal").orElseThrow();

        assertThat(governor.scope()).isEqualTo(TerritorialScope.of(Set.of(), Set.of("05.091"), Set.of()));
        assertThat(users.all()).extracting(UserAccount::username).containsExactly("gov-beni-mellal");
    }

    @Test
    void aTokenWorksUntilItsOwnerRevokesIt() {
        long id = tokens.create("gov-beni-mellal", "tableur DGCT", "hash-1");

        assertThat(tokens.use("hash-1")).hasValue("gov-beni-mellal");
        assertThat(tokens.use("hash-2")).isEmpty();
        assertThat(tokens.of("gov-beni-mellal")).singleElement().satisfies(token -> {
            assertThat(token.name()).isEqualTo("tableur DGCT");
            assertThat(token.lastUsedAt()).isNotNull();
        });

        assertThat(tokens.revoke("someone-else", id)).isFalse();
        assertThat(tokens.revoke("gov-beni-mellal", id)).isTrue();
        assertThat(tokens.use("hash-1")).isEmpty();
    }

    @Test
    void concurrentRequestsOfOneTokenAllFindItsOwner() throws Exception {
        tokens.create("gov-beni-mellal", "tableau de bord", "hash-1");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<String>>> uses = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                uses.add(clients.submit(() -> tokens.use("hash-1")));
            }
            for (Future<Optional<String>> use : uses) {
                assertThat(use.get()).hasValue("gov-beni-mellal");
            }
        } finally {
            clients.shutdown();
        }
        assertThat(tokens.of("gov-beni-mellal")).singleElement()
                .satisfies(token -> assertThat(token.lastUsedAt()).isNotNull());
    }
}
