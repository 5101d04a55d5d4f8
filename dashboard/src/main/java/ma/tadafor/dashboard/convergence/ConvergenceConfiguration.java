package ma.tadafor.dashboard.convergence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.convergence.ConvergenceQueries;

@Configuration(proxyBeanMethods = false)
class ConvergenceConfiguration {

    @Bean
    ConvergenceQueries convergenceQueries(HikariDataSource warehouse) {
        return new ConvergenceQueries(warehouse);
    }
}
