package ma.tadafor.dashboard.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.data.ingestion.IngestionRunStore;
import ma.tadafor.data.ingestion.QuarantineStore;
import ma.tadafor.data.ingestion.QuarantinedItem;
import ma.tadafor.data.ingestion.SourceStore;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/** Run history and quarantine are programme-wide operations data: administrators and programme managers only. */
@Service
class OperationsLog {

    private final IngestionRunStore runs;
    private final QuarantineStore quarantine;
    private final SourceStore sources;
    private final TerritoryQueries territories;

    OperationsLog(IngestionRunStore runs, QuarantineStore quarantine, SourceStore sources, TerritoryQueries territories) {
        this.runs = runs;
        this.quarantine = quarantine;
        this.sources = sources;
        this.territories = territories;
    }

    /** An item set aside, with its source named as the reader says it: the commune the source reports for. */
    record QuarantineLine(QuarantinedItem item, String source) {
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    List<IngestionRun> recentRuns(int limit) {
        return runs.recent(limit);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    List<QuarantineLine> quarantine(int limit, Locale locale) {
        Map<String, String> names = new HashMap<>();
        return quarantine.list(null, 0, limit).stream()
                .map(item -> new QuarantineLine(item, names.computeIfAbsent(item.sourceId(), id -> sourceName(id, locale))))
                .toList();
    }

    /** A removed source, or one whose commune is unknown, keeps its id: the reader can still look it up. */
    private String sourceName(String sourceId, Locale locale) {
        return sources.find(sourceId)
                .flatMap(source -> territories.find(Territory.Level.COMMUNE, source.communeCode()))
                .map(commune -> Wording.name(commune.nameFr(), commune.nameAr(), locale))
                .orElse(sourceId);
    }
}
