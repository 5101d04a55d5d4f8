package ma.tadafor.dashboard.warehouse;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the DuckDB warehouse lives. The application process owns the file: DuckDB allows one
 * writing process, so backups and command-line tools go through the application.
 *
 * @param path        the warehouse file
 * @param connections the size of the in-process connection pool
 * @param backups     where consistent backups of the warehouse are written
 * @param martCache   how many answers read from the marts are kept until the next refresh
 */
@ConfigurationProperties("tadafor.warehouse")
public record WarehouseProperties(@DefaultValue("./var/warehouse.duckdb") Path path, @DefaultValue("8") int connections,
                                  @DefaultValue("./var/backups") Path backups, @DefaultValue("2000") int martCache) {
}
