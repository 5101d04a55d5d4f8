package ma.tadafor.dashboard.commune;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.quality.DataQualityQueries;

@Configuration(proxyBeanMethods = false)
class CommuneConfiguration {

    @Bean
    DataQualityQueries dataQualityQueries(HikariDataSource warehouse) {
        return new DataQualityQueries(warehouse);
    }
}
