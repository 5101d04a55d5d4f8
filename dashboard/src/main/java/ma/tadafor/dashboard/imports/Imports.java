package ma.tadafor.dashboard.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.OutOfScopeException;
import ma.tadafor.dashboard.analytics.AnalyticsRuns;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.ingestion.upload.FileImports;
import ma.tadafor.ingestion.upload.ImportRejectedException;

/**
 * Uploads, whichever door they come through (API or page): who may send what, for which commune,
 * an audit entry for every file, imported or refused, and fresh marts after each import.
 */
@Service
public class Imports {

    private final FileImports files;
    private final TerritoryQueries territories;
    private final AuditLog audit;
    private final AnalyticsRuns analytics;

    Imports(FileImports files, TerritoryQueries territories, AuditLog audit, AnalyticsRuns analytics) {
        this.files = files;
        this.territories = territories;
        this.audit = audit;
        this.analytics = analytics;
    }

    /**
     * Imports a commune's activities. {@code communeCode} may be left out by a user whose scope is
     * one commune.
     *
     * @throws ImportRejectedException if the file has any error; nothing was written
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME', 'COMMUNE')")
    public ImportSummary importActivities(SignedInUser user, String communeCode, MultipartFile file) {
        String commune = communeOf(user, communeCode);
        String target = FileImports.sourceId(commune);
        try (InputStream content = content(file)) {
            FileImports.ActivityImport result = files.importActivities(commune, content);
            audit.record("IMPORT_ACTIVITIES", target, file.getOriginalFilename() + ": " + result.rows() + " rows, "
                    + result.applied());
            analytics.start("import:" + target);
            return ImportSummary.of(result);
        } catch (ImportRejectedException e) {
            audit.record("IMPORT_REJECTED", target, file.getOriginalFilename() + ": " + e.errors().size() + " error(s)");
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws ImportRejectedException if the file has any error; nothing was written */
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    public ImportSummary importIndhProjects(SignedInUser user, MultipartFile file) {
        try (InputStream content = content(file)) {
            FileImports.IndhImport result = files.importIndhProjects(content, "upload:" + user.getUsername());
            audit.record("IMPORT_INDH_PROJECTS", "indh_project", file.getOriginalFilename() + ": " + result.projects() + " projects");
            analytics.start("import:indh_project");
            return ImportSummary.of(result);
        } catch (ImportRejectedException e) {
            audit.record("IMPORT_REJECTED", "indh_project", file.getOriginalFilename() + ": " + e.errors().size() + " error(s)");
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String communeOf(SignedInUser user, String communeCode) {
        Set<String> ownCommunes = user.scope().communes();
        if (communeCode == null || communeCode.isBlank()) {
            if (ownCommunes.size() == 1 && user.scope().regions().isEmpty() && user.scope().provinces().isEmpty()) {
                return ownCommunes.iterator().next();
            }
            throw new InvalidParameterException("communeCode", "say which commune the activities are from");
        }
        Territory commune = territories.find(Territory.Level.COMMUNE, communeCode.strip())
                .orElseThrow(() -> new InvalidParameterException("communeCode", "'" + communeCode + "' is not a commune code"));
        if (!commune.within(user.scope())) {
            throw new OutOfScopeException("communeCode", commune.code());
        }
        return commune.code();
    }

    private static InputStream content(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidParameterException("file", "a CSV or XLSX file is required");
        }
        return file.getInputStream();
    }
}
