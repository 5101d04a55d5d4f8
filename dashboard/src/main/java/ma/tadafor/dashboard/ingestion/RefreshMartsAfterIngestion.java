package ma.tadafor.dashboard.ingestion;

import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.analytics.AnalyticsRuns;
import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.ingestion.pull.IngestionRunListener;

/** New facts make the marts stale: a run that changed anything asks for a refresh. */
@Component
class RefreshMartsAfterIngestion implements IngestionRunListener {

    private final AnalyticsRuns analyticsRuns;

    RefreshMartsAfterIngestion(AnalyticsRuns analyticsRuns) {
        this.analyticsRuns = analyticsRuns;
    }

    @Override
    public void ingestionFinished(IngestionRun run) {
        boolean changed = run.sources().stream().anyMatch(source -> source.inserted() + source.updated() + source.deleted() > 0);
        if (changed) {
            analyticsRuns.start("ingestion:" + run.runId());
        }
    }
}
