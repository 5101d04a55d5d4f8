package ma.tadafor.dashboard.results;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.mart.IndicatorContributionQueries;
import ma.tadafor.data.mart.IndicatorTrendQueries;

@Configuration(proxyBeanMethods = false)
class ResultsConfiguration {

    @Bean
    IndicatorTrendQueries indicatorTrendQueries(HikariDataSource warehouse) {
        return new IndicatorTrendQueries(warehouse);
    }

    @Bean
    IndicatorContributionQueries indicatorContributionQueries(HikariDataSource warehouse) {
        return new IndicatorContributionQueries(warehouse);
    }
}
