package ma.tadafor.dashboard.demo;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.reference.ReferenceDataLoader;

/**
 * The demo's invented part of the programme: 47 illustrative member communes, baselines and
 * targets, marked as such in the warehouse. Only the demo adds them, before its portals read the
 * membership; every other profile keeps what sources name.
 */
@Component
@Profile("demo")
@Order(-20)
class IllustrativeProgramme implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IllustrativeProgramme.class);

    private final DataSource warehouse;
    private final MartCache cache;

    IllustrativeProgramme(DataSource warehouse, MartCache cache) {
        this.warehouse = warehouse;
        this.cache = cache;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> loaded = new ReferenceDataLoader(warehouse).loadIllustrative();
        if (!loaded.isEmpty()) {
            cache.forget();
            log.info("Added the demo's illustrative {}", loaded);
        }
    }
}
