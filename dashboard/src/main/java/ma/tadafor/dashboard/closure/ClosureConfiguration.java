package ma.tadafor.dashboard.closure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.closure.ClosureStore;
import ma.tadafor.data.closure.RevisionQueries;
import ma.tadafor.data.mart.LineageQueries;

@Configuration(proxyBeanMethods = false)
class ClosureConfiguration {

    @Bean
    ClosureStore closureStore(HikariDataSource warehouse) {
        return new ClosureStore(warehouse);
    }

    @Bean
    RevisionQueries revisionQueries(HikariDataSource warehouse) {
        return new RevisionQueries(warehouse);
    }

    @Bean
    LineageQueries lineageQueries(HikariDataSource warehouse) {
        return new LineageQueries(warehouse);
    }
}
