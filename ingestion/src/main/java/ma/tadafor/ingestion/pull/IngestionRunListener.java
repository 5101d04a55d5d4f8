package ma.tadafor.ingestion.pull;

import ma.tadafor.data.ingestion.IngestionRun;

/** Told when an ingestion run has ended: the hook the analytics refresh hangs on. */
@FunctionalInterface
public interface IngestionRunListener {

    void ingestionFinished(IngestionRun run);
}
