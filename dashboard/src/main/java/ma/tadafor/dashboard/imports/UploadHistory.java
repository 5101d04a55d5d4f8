package ma.tadafor.dashboard.imports;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.audit.AuditEvent;
import ma.tadafor.data.audit.AuditStore;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.data.user.UserRole;
import ma.tadafor.ingestion.upload.FileImports;
import ma.tadafor.ingestion.upload.ImportError;
import ma.tadafor.ingestion.upload.ImportKind;

/**
 * The history of uploads: who sent which file, when, for which commune, how many rows were
 * accepted or set aside, imported or refused. It is the audit log's entries of uploads, written in
 * the shape {@link #detail} gives them, so that the history is as append-only as the log (no
 * table of its own that could be edited). Each user sees the uploads of the communes of their
 * scope; INDH lists, those who may send them.
 */
@Component
class UploadHistory {

    static final String IMPORTED_ACTIVITIES = "IMPORT_ACTIVITIES";
    static final String IMPORTED_INDH = "IMPORT_INDH_PROJECTS";
    static final String REFUSED = "IMPORT_REJECTED";
    static final String INDH_TARGET = "indh_project";
    /** How far back the history reads the log before keeping what the user may see. */
    private static final int READ = 1_000;
    private static final Pattern DETAIL = Pattern.compile("accepted=(\\d+); setAside=(\\d+); errors=(\\d+); file=(.*)", Pattern.DOTALL);

    enum Status { IMPORTED, REFUSED }

    /**
     * One upload. {@code accepted} is the rows written (all of an imported file, none of a refused
     * one), {@code setAside} the rows that had an error; {@code communeCode} is null for an INDH list.
     * Entries written before the history existed have no counts (null).
     */
    record Upload(Instant at, String username, ImportKind kind, String communeCode, String communeNameFr,
                  String communeNameAr, String fileName, Integer accepted, Integer setAside, Integer errors, Status status) {
    }

    private final AuditLog audit;
    private final AuditStore store;
    private final TerritoryQueries territories;

    UploadHistory(AuditLog audit, AuditStore store, TerritoryQueries territories) {
        this.audit = audit;
        this.store = store;
        this.territories = territories;
    }

    void imported(ImportKind kind, String communeCode, String fileName, int rows) {
        audit.record(kind == ImportKind.ACTIVITIES ? IMPORTED_ACTIVITIES : IMPORTED_INDH, target(communeCode),
                detail(rows, 0, 0, fileName));
    }

    void refused(String communeCode, String fileName, List<ImportError> errors) {
        int setAside = (int) errors.stream().mapToInt(ImportError::row).filter(row -> row > 1).distinct().count();
        audit.record(REFUSED, target(communeCode), detail(0, setAside, errors.size(), fileName));
    }

    /** The newest {@code limit} uploads the user may see. */
    List<Upload> visibleTo(SignedInUser user, int limit) {
        UserRole role = user.account().role();
        boolean indh = role == UserRole.ADMIN || role == UserRole.PROGRAMME;
        Map<String, Optional<Territory>> communes = new HashMap<>();
        return store.latest(List.of(IMPORTED_ACTIVITIES, IMPORTED_INDH, REFUSED), READ).stream()
                .map(event -> upload(event, communes))
                .filter(upload -> upload.communeCode() == null ? indh : communes.get(upload.communeCode())
                        .map(commune -> commune.within(user.scope())).orElse(false))
                .limit(limit)
                .toList();
    }

    private Upload upload(AuditEvent event, Map<String, Optional<Territory>> communes) {
        String target = event.target();
        String communeCode = target != null && target.startsWith("upload-") ? target.substring("upload-".length()) : null;
        Territory commune = communeCode == null ? null : communes
                .computeIfAbsent(communeCode, code -> territories.find(Territory.Level.COMMUNE, code)).orElse(null);
        Matcher detail = DETAIL.matcher(event.detail() == null ? "" : event.detail());
        boolean counted = detail.matches();
        return new Upload(event.occurredAt(), event.username(), communeCode == null ? ImportKind.INDH_PROJECTS : ImportKind.ACTIVITIES,
                communeCode, commune == null ? null : commune.nameFr(), commune == null ? null : commune.nameAr(),
                counted ? detail.group(4) : fileName(event.detail()),
                counted ? Integer.valueOf(detail.group(1)) : null, counted ? Integer.valueOf(detail.group(2)) : null,
                counted ? Integer.valueOf(detail.group(3)) : null,
                REFUSED.equals(event.action()) ? Status.REFUSED : Status.IMPORTED);
    }

    private static String target(String communeCode) {
        return communeCode == null ? INDH_TARGET : FileImports.sourceId(communeCode);
    }

    /** {@code accepted=4; setAside=0; errors=0; file=activites.csv}: the file name last, whatever it holds. */
    static String detail(int accepted, int setAside, int errors, String fileName) {
        return "accepted=" + accepted + "; setAside=" + setAside + "; errors=" + errors + "; file=" + (fileName == null ? "" : fileName);
    }

    /** Entries written before the history: {@code name.csv: 4 rows, ...}. */
    private static String fileName(String detail) {
        int colon = detail == null ? -1 : detail.lastIndexOf(": ");
        return colon < 0 ? detail : detail.substring(0, colon);
    }
}
