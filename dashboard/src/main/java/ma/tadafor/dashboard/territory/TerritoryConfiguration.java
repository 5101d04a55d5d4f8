package ma.tadafor.dashboard.territory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.territory.TerritoryQueries;

@Configuration(proxyBeanMethods = false)
class TerritoryConfiguration {

    @Bean
    TerritoryQueries territoryQueries(HikariDataSource warehouse, MartCache martCache) {
        return new CachedTerritoryQueries(warehouse, martCache);
    }
}
