package ma.tadafor.dashboard.overview;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.mart.ParticipationRateQueries;

@Configuration(proxyBeanMethods = false)
class OverviewConfiguration {

    @Bean
    ParticipationRateQueries participationRateQueries(HikariDataSource warehouse) {
        return new ParticipationRateQueries(warehouse);
    }
}
