package ma.tadafor.dashboard.overview;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.mart.ParticipationRateQueries;

@Configuration(proxyBeanMethods = false)
class OverviewConfiguration {

    @Bean
    ParticipationRateQueries participationRateQueries(HikariDataSource warehouse, MartCache martCache) {
        return new CachedParticipationRateQueries(warehouse, martCache);
    }
}
