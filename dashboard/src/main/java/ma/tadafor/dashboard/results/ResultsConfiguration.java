package ma.tadafor.dashboard.results;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.mart.IndicatorTrendQueries;

@Configuration(proxyBeanMethods = false)
class ResultsConfiguration {

    @Bean
    IndicatorTrendQueries indicatorTrendQueries(HikariDataSource warehouse) {
        return new IndicatorTrendQueries(warehouse);
    }
}
