package ma.tadafor.dashboard.imports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.indh.IndhProjectStore;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.ingestion.upload.FileImports;

@Configuration(proxyBeanMethods = false)
class ImportsConfiguration {

    @Bean
    FileImports fileImports(ActivityStore activities, IndhProjectStore indhProjects, TerritoryQueries territories,
                            ImportProperties properties) {
        return new FileImports(activities, indhProjects, territories, properties.limits());
    }
}
