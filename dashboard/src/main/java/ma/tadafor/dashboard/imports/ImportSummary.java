package ma.tadafor.dashboard.imports;

import ma.tadafor.ingestion.upload.FileImports;
import ma.tadafor.ingestion.upload.ImportKind;

/**
 * What an accepted file changed. For INDH lists, {@code items} is the projects inserted or
 * replaced and the activity counts are zero.
 */
public record ImportSummary(ImportKind kind, int rows, int items, int withdrawals, long inserted, long updated,
                            long deleted, long unchanged) {

    static ImportSummary of(FileImports.ActivityImport result) {
        return new ImportSummary(ImportKind.ACTIVITIES, result.rows(), result.activities(), result.withdrawals(),
                result.applied().inserted(), result.applied().updated(), result.applied().deleted(), result.applied().unchanged());
    }

    static ImportSummary of(FileImports.IndhImport result) {
        return new ImportSummary(ImportKind.INDH_PROJECTS, result.rows(), result.projects(), 0, 0, 0, 0, 0);
    }
}
