package ma.tadafor.ingestion.pull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * A separate JVM that pulls every source of a warehouse, as the application would: at start it
 * resumes what a killed predecessor left unfinished, and starts a run only if none was ever made.
 * The restart test kills it with SIGKILL mid-run and starts it again. Arguments: the warehouse
 * file, then the number of lanes (3 if absent).
 */
public final class PullProcess {

    private PullProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (AnnotationConfigApplicationContext context = IngestionContext.open(Path.of(args[0]),
                settings(args.length > 1 ? Integer.parseInt(args[1]) : 3))) {
            IngestionRuns ingestion = context.getBean(IngestionRuns.class);
            DataSource warehouse = context.getBean(DataSource.class);
            ingestion.resumeInterrupted();
            if (count(warehouse, "SELECT count(*) FROM ingestion_run") == 0) {
                ingestion.start(List.of(), "restart-test");
            }
            System.out.println("PULLING");
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (count(warehouse, "SELECT count(*) FROM ingestion_run WHERE status = 'RUNNING'") > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the pull did not finish in time");
                }
                Thread.sleep(50);
            }
            System.out.println("FINISHED");
        }
        System.exit(0);
    }

    static PullSettings settings(int lanes) {
        PullSettings settings = IngestionContext.fastRetries(40);
        return new PullSettings(lanes, settings.chunkSize(), settings.watermarkOverlap(), settings.portal());
    }

    private static long count(DataSource warehouse, String sql) throws Exception {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
