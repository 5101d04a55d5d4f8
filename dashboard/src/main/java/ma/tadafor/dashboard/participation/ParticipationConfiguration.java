package ma.tadafor.dashboard.participation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.mart.ParticipationQueries;

@Configuration(proxyBeanMethods = false)
class ParticipationConfiguration {

    @Bean
    ParticipationQueries participationQueries(HikariDataSource warehouse, MartCache martCache) {
        return new CachedParticipationQueries(warehouse, martCache);
    }
}
