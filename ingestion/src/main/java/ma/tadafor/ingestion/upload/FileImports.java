package ma.tadafor.ingestion.upload;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.activity.ApplyResult;
import ma.tadafor.data.indh.IndhProjectStore;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * Imports uploaded files: the whole file is read and checked first, and only a file without a
 * single error is written, in one transaction, through the same idempotent stores as the portal
 * feed. Activities of a commune's uploads form one source, {@code upload-<communeCode>}, so
 * uploading the same file again changes nothing and a newer version of an activity replaces it.
 */
public final class FileImports {

    private final ActivityStore activities;
    private final IndhProjectStore indhProjects;
    private final TerritoryQueries territories;
    private final TableReader reader;

    public FileImports(ActivityStore activities, IndhProjectStore indhProjects, TerritoryQueries territories,
                       UploadLimits limits) {
        this.activities = activities;
        this.indhProjects = indhProjects;
        this.territories = territories;
        this.reader = new TableReader(limits);
    }

    /** The source that a commune's uploaded activities belong to. */
    public static String sourceId(String communeCode) {
        return "upload-" + communeCode;
    }

    /**
     * Imports a commune's activity file (CSV or XLSX).
     *
     * @throws ImportRejectedException with every error, if the file has any; then nothing was written
     */
    public ActivityImport importActivities(String communeCode, InputStream file) {
        Table table = reader.read(file);
        List<ImportError> errors = cellErrors(table, ActivityColumns.ALL);
        ActivityRows.Batch batch = ActivityRows.read(table, errors);
        rejectIfAny(errors);
        ApplyResult applied = activities.apply(sourceId(communeCode), communeCode, batch.activities(), batch.withdrawals());
        return new ActivityImport(table.rows().size(), batch.activities().size(), batch.withdrawals().size(), applied);
    }

    /**
     * Imports an INDH project list (CSV or XLSX); {@code origin} says where it came from.
     *
     * @throws ImportRejectedException with every error, if the file has any; then nothing was written
     */
    public IndhImport importIndhProjects(InputStream file, String origin) {
        Table table = reader.read(file);
        List<ImportError> errors = cellErrors(table, IndhColumns.ALL);
        var projects = IndhProjectRows.read(table, territories::find, errors);
        rejectIfAny(errors);
        indhProjects.upsert(projects, origin);
        return new IndhImport(table.rows().size(), projects.size());
    }

    private static List<ImportError> cellErrors(Table table, List<Column> columns) {
        List<ImportError> errors = new ArrayList<>();
        for (Table.CellError error : table.errors()) {
            String header = error.columnIndex() < table.headers().size() ? table.headers().get(error.columnIndex()) : "";
            Column column = columns.stream().filter(candidate -> candidate.named(header)).findFirst().orElse(null);
            errors.add(ImportError.at(error.row(), column, error.code()));
        }
        return errors;
    }

    private static void rejectIfAny(List<ImportError> errors) {
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
    }

    /** What an activity file changed: {@code rows} read, the activities and withdrawals they made, and the upsert's counts. */
    public record ActivityImport(int rows, int activities, int withdrawals, ApplyResult applied) {
    }

    /** An INDH list imported: {@code rows} read, {@code projects} inserted or replaced. */
    public record IndhImport(int rows, int projects) {
    }
}
