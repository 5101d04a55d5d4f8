package ma.tadafor.dashboard.indicators;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.mart.IndicatorQueries;

@Configuration(proxyBeanMethods = false)
class IndicatorsConfiguration {

    @Bean
    IndicatorQueries indicatorQueries(HikariDataSource warehouse) {
        return new IndicatorQueries(warehouse);
    }
}
