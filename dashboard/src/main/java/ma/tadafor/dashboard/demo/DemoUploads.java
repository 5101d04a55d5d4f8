package ma.tadafor.dashboard.demo;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.ingestion.IngestionRunStore;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.upload.FileImports;
import ma.tadafor.ingestion.upload.UploadFiles;

/**
 * What the demo's communes without a portal, and the provincial INDH divisions, send as files: at
 * the first start (before the first pull, whose end refreshes the marts), the generated activities
 * of each such commune as the CSV Excel writes in French, and the INDH projects as an XLSX list,
 * all through the upload import, so that every programme commune has data that came in by a real
 * ingestion path.
 */
@Component
@Profile("demo")
@Order(5)
class DemoUploads implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUploads.class);
    private static final int ROWS_PER_FILE = 10_000;

    private final DemoProperties demo;
    private final TerritoryQueries territories;
    private final FileImports imports;
    private final IngestionRunStore runs;

    DemoUploads(DemoProperties demo, TerritoryQueries territories, FileImports imports, IngestionRunStore runs) {
        this.demo = demo;
        this.territories = territories;
        this.imports = imports;
        this.runs = runs;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (runs.any()) {
            return;
        }
        DemoDataGenerator generator = new DemoDataGenerator(demo.seed(), demo.scale());
        List<DemoCommune> communes = territories.programmeMembers().stream().map(DemoPortals::demoCommune).toList();
        imports.importIndhProjects(new ByteArrayInputStream(
                UploadFiles.indhProjectsXlsx(generator.indhProjects(communes), Locale.FRENCH)), "demo");
        Set<String> withPortal = Set.copyOf(demo.portalCommunes());
        List<DemoCommune> withoutPortal = communes.stream().filter(commune -> !withPortal.contains(commune.code())).toList();
        long rows = 0;
        for (DemoCommune commune : withoutPortal) {
            for (List<Activity> file : files(generator.activities(commune).toList())) {
                rows += imports.importActivities(commune.code(),
                        new ByteArrayInputStream(UploadFiles.activitiesCsv(file, Locale.FRENCH))).rows();
            }
        }
        log.info("Demo uploads imported: {} rows of activities from {} communes without a portal, and the INDH projects",
                rows, withoutPortal.size());
    }

    /** Like a commune sending one file per period: files stay far below the row limit at any demo scale. */
    private static List<List<Activity>> files(List<Activity> activities) {
        List<List<Activity>> files = new ArrayList<>();
        List<Activity> file = new ArrayList<>();
        int rows = 0;
        for (Activity activity : activities) {
            int activityRows = Math.max(1, activity.participation().size());
            if (rows + activityRows > ROWS_PER_FILE && !file.isEmpty()) {
                files.add(file);
                file = new ArrayList<>();
                rows = 0;
            }
            file.add(activity);
            rows += activityRows;
        }
        if (!file.isEmpty()) {
            files.add(file);
        }
        return files;
    }
}
