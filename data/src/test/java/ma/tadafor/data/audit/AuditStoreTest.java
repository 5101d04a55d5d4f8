package ma.tadafor.data.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Warehouse;
import ma.tadafor.data.migration.SchemaMigrator;

class AuditStoreTest {

    @TempDir
    Path folder;

    @Test
    void appendsAndSearchesNewestFirst() {
        try (HikariDataSource warehouse = Warehouse.open(folder.resolve("audit.duckdb"), 1)) {
            new SchemaMigrator(warehouse).migrate();
            AuditStore audit = new AuditStore(warehouse);
            audit.append("admin", "SOURCE_CREATED", "portal-05.091.01.07", "baseUrl https://kasba-tadla.ma", "127.0.0.1");
            audit.append(null, "SIGN_IN_FAILED", "dgct", "bad credentials", "10.1.2.3");
            audit.append("dgct", "SIGN_IN", "dgct", null, "10.1.2.3");

            assertThat(audit.search(null, null, null, 0, 10)).extracting(AuditEvent::action)
                    .containsExactly("SIGN_IN", "SIGN_IN_FAILED", "SOURCE_CREATED");
            assertThat(audit.search("admin", null, null, 0, 10)).singleElement()
                    .satisfies(event -> assertThat(event.origin()).isEqualTo("127.0.0.1"));
            assertThat(audit.search(null, "SIGN_IN_FAILED", null, 0, 10)).hasSize(1);
            assertThat(audit.search(null, null, "KASBA", 0, 10)).extracting(AuditEvent::target)
                    .containsExactly("portal-05.091.01.07");
            assertThat(audit.search(null, null, null, 1, 1)).extracting(AuditEvent::action).containsExactly("SIGN_IN_FAILED");
        }
    }

    @Test
    void theLogCannotBeEditedThroughTheApplication() {
        assertThat(Arrays.stream(AuditStore.class.getDeclaredMethods()).map(Method::getName))
                .as("reads and appends only").containsOnly("append", "search", "latest", "events", "blankToNull");
    }
}
