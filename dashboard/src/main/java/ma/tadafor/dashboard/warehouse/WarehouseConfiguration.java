package ma.tadafor.dashboard.warehouse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.security.TokenChecks;
import ma.tadafor.data.Warehouse;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.audit.AuditStore;
import ma.tadafor.data.framework.ResultsFrameworkStore;
import ma.tadafor.data.indh.IndhProjectStore;
import ma.tadafor.data.disclosure.DisclosureSecret;
import ma.tadafor.data.migration.SchemaMigrator;
import ma.tadafor.data.reference.ReferenceDataLoader;
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
            DisclosureSecret.ensure(warehouse);
            return warehouse;
        } catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
    }

    @Bean
    MartCache martCache(WarehouseProperties properties) {
        return new MartCache(properties.martCache());
    }

    @Bean
    UserStore userStore(HikariDataSource warehouse, TokenChecks tokenChecks) {
        // A token keeps working only as long as its owner may sign in.
        return new UserStore(warehouse, tokenChecks::forget);
    }

    @Bean
    ApiTokenStore apiTokenStore(HikariDataSource warehouse, TokenChecks tokenChecks) {
        return new ApiTokenStore(warehouse, tokenChecks::forget);
    }

    @Bean
    AuditStore auditStore(HikariDataSource warehouse) {
        return new AuditStore(warehouse);
    }

    @Bean
    ResultsFrameworkStore resultsFrameworkStore(HikariDataSource warehouse, MartCache martCache) {
        // Targets, narratives and definitions show on cached pages: a change must show at once.
        return new ResultsFrameworkStore(warehouse, martCache::forget);
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
