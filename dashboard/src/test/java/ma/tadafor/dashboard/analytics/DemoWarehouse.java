package ma.tadafor.dashboard.analytics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Warehouse;
import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.indh.IndhProjectStore;
import ma.tadafor.data.migration.SchemaMigrator;
import ma.tadafor.data.reference.ReferenceDataLoader;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;

/** A warehouse file with reference data and, optionally, the demo generator's activities and INDH projects. */
public final class DemoWarehouse {

    private static final int BATCH = 20_000;

    private DemoWarehouse() {
    }

    public static HikariDataSource open(Path file) {
        HikariDataSource warehouse = Warehouse.open(file, 4);
        new SchemaMigrator(warehouse).migrate();
        ReferenceDataLoader reference = new ReferenceDataLoader(warehouse);
        reference.load();
        reference.loadIllustrative();
        return warehouse;
    }

    /** Writes the communes' demo activities as their portals would (source {@code portal-<code>}); returns the cells. */
    public static long fill(HikariDataSource warehouse, DemoDataGenerator generator, List<DemoCommune> communes) {
        ActivityStore store = new ActivityStore(warehouse);
        long cells = 0;
        for (DemoCommune commune : communes) {
            Iterator<Activity> activities = generator.activities(commune).iterator();
            List<Activity> batch = new ArrayList<>();
            while (activities.hasNext()) {
                Activity activity = activities.next();
                batch.add(activity);
                cells += activity.participation().size();
                if (batch.size() == BATCH || !activities.hasNext()) {
                    store.apply(source(commune), commune.code(), batch, List.of());
                    batch.clear();
                }
            }
        }
        new IndhProjectStore(warehouse).upsert(generator.indhProjects(communes), "demo");
        return cells;
    }

    static String source(DemoCommune commune) {
        return "portal-" + commune.code();
    }
}
