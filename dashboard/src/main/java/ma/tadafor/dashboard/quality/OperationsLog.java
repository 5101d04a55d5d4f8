package ma.tadafor.dashboard.quality;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.data.ingestion.IngestionRunStore;
import ma.tadafor.data.ingestion.QuarantineStore;
import ma.tadafor.data.ingestion.QuarantinedItem;

/** Run history and quarantine are programme-wide operations data: administrators and programme managers only. */
@Service
class OperationsLog {

    private final IngestionRunStore runs;
    private final QuarantineStore quarantine;

    OperationsLog(IngestionRunStore runs, QuarantineStore quarantine) {
        this.runs = runs;
        this.quarantine = quarantine;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    List<IngestionRun> recentRuns(int limit) {
        return runs.recent(limit);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    List<QuarantinedItem> quarantine(int limit) {
        return quarantine.list(null, 0, limit);
    }
}
