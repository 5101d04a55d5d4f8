package ma.tadafor.dashboard.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import ma.tadafor.dashboard.api.OutOfScopeException;
import ma.tadafor.dashboard.analytics.AnalyticsRuns;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.ingestion.upload.FileImports;
import ma.tadafor.ingestion.upload.ImportKind;
import ma.tadafor.ingestion.upload.ImportRejectedException;
import ma.tadafor.ingestion.upload.Vocabulary;

/**
 * Uploads, whichever door they come through (API or page): who may send what, for which commune,
 * an entry in the audit log and the upload history for every file, imported or refused, and fresh
 * marts after each import.
 */
@Service
public class Imports {

    private final FileImports files;
    private final TerritoryQueries territories;
    private static final int HISTORY_LENGTH = 50;

    private final UploadHistory history;
    private final AnalyticsRuns analytics;

    Imports(FileImports files, TerritoryQueries territories, UploadHistory history, AnalyticsRuns analytics) {
        this.files = files;
        this.territories = territories;
        this.history = history;
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
            history.imported(ImportKind.ACTIVITIES, commune, file.getOriginalFilename(), result.rows());
            analytics.start("import:" + target);
            return ImportSummary.of(result);
        } catch (ImportRejectedException e) {
            history.refused(commune, file.getOriginalFilename(), e.errors());
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws ImportRejectedException if the file has any error; nothing was written */
    /** The newest uploads the user may see (their communes; INDH lists for those who may send them). */
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME', 'COMMUNE')")
    public List<UploadHistory.Upload> history(SignedInUser user) {
        return history.visibleTo(user, HISTORY_LENGTH);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    public ImportSummary importIndhProjects(SignedInUser user, MultipartFile file) {
        try (InputStream content = content(file)) {
            FileImports.IndhImport result = files.importIndhProjects(content, "upload:" + user.getUsername());
            history.imported(ImportKind.INDH_PROJECTS, null, file.getOriginalFilename(), result.rows());
            analytics.start("import:indh_project");
            return ImportSummary.of(result);
        } catch (ImportRejectedException e) {
            history.refused(null, file.getOriginalFilename(), e.errors());
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The commune a file is from, named by its code or by its name in French or Arabic (as clerks
     * write it: without case or accents), among the communes of the user's scope.
     */
    private String communeOf(SignedInUser user, String commune) {
        Set<String> ownCommunes = user.scope().communes();
        if (commune == null || commune.isBlank()) {
            if (ownCommunes.size() == 1 && user.scope().regions().isEmpty() && user.scope().provinces().isEmpty()) {
                return ownCommunes.iterator().next();
            }
            throw new ImportRefusedException("communeCode", "say which commune the activities are from", "imports.refused.noCommune");
        }
        Optional<Territory> byCode = territories.find(Territory.Level.COMMUNE, commune.strip());
        if (byCode.isPresent()) {
            if (!byCode.get().within(user.scope())) {
                throw new OutOfScopeException("communeCode", byCode.get().code());
            }
            return byCode.get().code();
        }
        String name = Vocabulary.normalise(commune);
        List<Commune> named = territories.communes(user.scope(), false).stream()
                .filter(c -> name.equals(Vocabulary.normalise(c.nameFr())) || c.nameAr() != null && name.equals(Vocabulary.normalise(c.nameAr())))
                .toList();
        if (named.size() > 1) {
            throw new ImportRefusedException("communeCode", "'" + commune + "' names several communes of your scope: "
                    + codes(named) + "; give the code", "imports.refused.ambiguousCommune", commune.strip(), codes(named));
        }
        if (named.isEmpty()) {
            throw new ImportRefusedException("communeCode", "'" + commune + "' is neither the code nor the name of a commune of your scope",
                    "imports.refused.unknownCommune", commune.strip());
        }
        return named.get(0).code();
    }

    private static String codes(List<Commune> communes) {
        return communes.stream().map(c -> c.nameFr() + " (" + c.code() + ")").collect(Collectors.joining(", "));
    }

    private static InputStream content(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ImportRefusedException("file", "a CSV or XLSX file is required", "imports.refused.noFile");
        }
        return file.getInputStream();
    }
}
