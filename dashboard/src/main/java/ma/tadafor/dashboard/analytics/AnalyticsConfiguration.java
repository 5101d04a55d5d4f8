package ma.tadafor.dashboard.analytics;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.MeterRegistry;

import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.mart.AnalyticsRunStore;
import ma.tadafor.data.mart.MartStore;
import ma.tadafor.data.mart.WarehouseSnapshot;
import ma.tadafor.data.quality.OutlierStore;

/** The hand-off warehouse → Spark → warehouse, and the runs that drive it. */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

    @Bean
    SparkSessionProvider sparkSessionProvider(AnalyticsProperties properties) {
        return new SparkSessionProvider(properties);
    }

    @Bean
    MartRefresh martRefresh(AnalyticsProperties properties, OutlierProperties outliers, SparkSessionProvider spark,
            HikariDataSource warehouse, MartCache martCache, OutlierStore outlierStore) {
        return new MartRefresh(properties, spark, new WarehouseSnapshot(warehouse), new MartStore(warehouse), martCache,
                outliers.rules(), outlierStore);
    }

    @Bean
    OutlierStore outlierStore(HikariDataSource warehouse) {
        return new OutlierStore(warehouse);
    }

    @Bean
    AnalyticsRuns analyticsRuns(MartRefresh refresh, HikariDataSource warehouse, MeterRegistry metrics) {
        return new AnalyticsRuns(refresh, new AnalyticsRunStore(warehouse), metrics);
    }

    /** Spark warmed up at start; a refresh the previous process was stopped in (SIGTERM, or killed) runs again. */
    @Bean
    ApplicationRunner resumeAbandonedRefresh(AnalyticsRuns runs, AnalyticsProperties properties) {
        return args -> {
            // Queued first: a refresh asked during the warm-up waits for it, and gains more than it waits.
            if (properties.warmUp().sources() > 0) {
                runs.warmUp(properties.warmUp().sources());
            }
            runs.resumeAbandoned();
        };
    }
}
