package ma.tadafor.dashboard.backup;

import java.time.Clock;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.warehouse.WarehouseProperties;
import ma.tadafor.data.WarehouseBackup;

/**
 * Consistent backups of the warehouse while the application runs (administrators only). The
 * application is the file's only writer, so a backup goes through it:
 * {@code curl -u admin -X POST http://localhost:8080/api/v1/admin/backups}.
 */
@RestController
@RequestMapping("/api/v1/admin/backups")
@PreAuthorize("hasRole('ADMIN')")
class BackupController {

    private final WarehouseBackup backups;
    private final AuditLog audit;

    BackupController(HikariDataSource warehouse, WarehouseProperties properties, AuditLog audit) {
        this.backups = new WarehouseBackup(warehouse, properties.backups(), Clock.systemUTC());
        this.audit = audit;
    }

    @PostMapping
    @Operation(summary = "Back the warehouse up now", description = "Roles: ADMIN.")
    ResponseEntity<Map<String, Object>> create() {
        long start = System.nanoTime();
        WarehouseBackup.Backup backup = backups.create();
        long millis = (System.nanoTime() - start) / 1_000_000;
        audit.record("BACKUP", backup.file().getFileName().toString(), backup.bytes() + " bytes in " + millis + " ms");
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("file", backup.file().toString(),
                "bytes", backup.bytes(), "millis", millis));
    }

    /** A backup as the API lists it. */
    record BackupView(String file, long bytes) {
    }

    @GetMapping
    @Operation(summary = "The backups", description = "Roles: ADMIN.")
    Items<BackupView> list() {
        return new Items<>(backups.list().stream()
                .map(backup -> new BackupView(backup.file().toString(), backup.bytes())).toList());
    }
}
