package ma.tadafor.dashboard.mechanism;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.mart.PetitionFunnelQueries;

@Configuration(proxyBeanMethods = false)
class MechanismsConfiguration {

    @Bean
    PetitionFunnelQueries petitionFunnelQueries(HikariDataSource warehouse) {
        return new PetitionFunnelQueries(warehouse);
    }
}
