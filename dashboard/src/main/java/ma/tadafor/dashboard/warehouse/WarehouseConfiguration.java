package ma.tadafor.dashboard.warehouse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Warehouse;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.audit.AuditStore;
import ma.tadafor.data.framework.ResultsFrameworkStore;
import ma.tadafor.data.indh.IndhProjectStore;
import ma.tadafor.data.migration.SchemaMigrator;
import ma.tadafor.data.reference.ReferenceDataLoader;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.data.user.ApiTokenStore;
import ma.tadafor.data.user.UserStore;

/**
 * Opens the warehouse, upgrades its schema and loads the reference data before any other bean
 * can read it: the data source is only handed out once both are done.
 */
@Configuration(proxyBeanMethods = false)
public class WarehouseConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource warehouse(WarehouseProperties properties) {
        HikariDataSource warehouse = Warehouse.open(properties.path(), properties.connections());
        try {
            new SchemaMigrator(warehouse).migrate();
            new ReferenceDataLoader(warehouse).load();
            return warehouse;
        } catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
    }

    @Bean
    MartCache martCache(HikariDataSource warehouse, WarehouseProperties properties) {
        return new MartCache(warehouse, properties.martCache());
    }

    @Bean
    TerritoryQueries territoryQueries(HikariDataSource warehouse) {
        return new TerritoryQueries(warehouse);
    }

    @Bean
    UserStore userStore(HikariDataSource warehouse) {
        return new UserStore(warehouse);
    }

    @Bean
    ApiTokenStore apiTokenStore(HikariDataSource warehouse) {
        return new ApiTokenStore(warehouse);
    }

    @Bean
    AuditStore auditStore(HikariDataSource warehouse) {
        return new AuditStore(warehouse);
    }

    @Bean
    ResultsFrameworkStore resultsFrameworkStore(HikariDataSource warehouse) {
        return new ResultsFrameworkStore(warehouse);
    }

    @Bean
    ActivityStore activityStore(HikariDataSource warehouse) {
        return new ActivityStore(warehouse);
    }

    @Bean
    IndhProjectStore indhProjectStore(HikariDataSource warehouse) {
        return new IndhProjectStore(warehouse);
    }
}
