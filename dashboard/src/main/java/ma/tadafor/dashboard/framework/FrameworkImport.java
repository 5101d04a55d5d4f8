package ma.tadafor.dashboard.framework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.OutOfScopeException;
import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.framework.SetupWorkbook.SetupError;
import ma.tadafor.dashboard.framework.SetupWorkbook.SetupRow;
import ma.tadafor.data.framework.FrameworkSetup;
import ma.tadafor.data.territory.TerritorialScope;

/**
 * Imports a programme's set-up workbook: every cell is checked by the rules of the API
 * ({@link FrameworkChanges}), every error found at once, and only a file without any is written,
 * in one transaction. Accepts what a clerk writes: indicator codes in any case, {@code Province
 * 05.091} for {@code province:05.091}, commune names, decimal commas, French dates and cohorts.
 */
@Service
class FrameworkImport {

    private static final Pattern SCOPE = Pattern.compile("(?iu)(r[ée]gion|province|commune|الجهة|جهة|الإقليم|إقليم|الجماعة|جماعة)"
            + "\\s*[:\\s]\\s*(\\S+)");
    private static final Map<String, String> LEVELS = Map.of("région", "region", "الجهة", "region", "جهة", "region",
            "الإقليم", "province", "إقليم", "province", "الجماعة", "commune", "جماعة", "commune");

    private final SetupWorkbook workbook;
    private final FrameworkChanges changes;
    private final CommuneNames communeNames;
    private final AuditLog audit;

    FrameworkImport(SetupWorkbook workbook, FrameworkChanges changes, CommuneNames communeNames, AuditLog audit) {
        this.workbook = workbook;
        this.changes = changes;
        this.communeNames = communeNames;
        this.audit = audit;
    }

    /**
     * @throws SetupRejectedException with every error; then nothing was written
     * @throws InvalidParameterException naming {@code file} when none was sent
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    FrameworkSetup importFile(MultipartFile file, TerritorialScope allowed) {
        if (file == null || file.isEmpty()) {
            throw new InvalidParameterException("file", "an XLSX file is required");
        }
        SetupWorkbook.Contents contents;
        try {
            contents = workbook.read(file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SetupError> errors = new ArrayList<>(contents.errors());
        FrameworkSetup setup = new FrameworkSetup(
                targets(contents.of(SetupSheet.TARGETS), allowed, errors),
                baselines(contents.of(SetupSheet.BASELINES), errors),
                members(contents.of(SetupSheet.COMMUNES), errors));
        if (!errors.isEmpty()) {
            audit.record("FRAMEWORK_IMPORT_REJECTED", "framework", file.getOriginalFilename() + ": " + errors.size() + " error(s)");
            throw new SetupRejectedException(errors);
        }
        changes.apply(setup, file.getOriginalFilename());
        return setup;
    }

    private List<FrameworkSetup.Target> targets(List<SetupRow> rows, TerritorialScope allowed, List<SetupError> errors) {
        List<FrameworkSetup.Target> targets = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SetupRow row : rows) {
            Cells cells = new Cells(row, SetupSheet.TARGETS, errors);
            String code = cells.check(SetupColumn.INDICATOR, text -> changes.indicator(text.toUpperCase(Locale.ROOT)).code());
            String scope = cells.check(SetupColumn.SCOPE, text -> changes.scope(scopeKey(text), allowed));
            String semester = cells.check(SetupColumn.SEMESTER, text -> FrameworkChanges.semester(text.toUpperCase(Locale.ROOT)));
            Double target = cells.check(SetupColumn.TARGET, text -> FrameworkChanges.target(FrameworkChanges.number("target", text)));
            if (cells.valid() && cells.unique(seen, code + " " + scope + " " + semester, SetupColumn.SEMESTER)) {
                targets.add(new FrameworkSetup.Target(code, scope, semester, target));
            }
        }
        return targets;
    }

    private List<FrameworkSetup.Baseline> baselines(List<SetupRow> rows, List<SetupError> errors) {
        List<FrameworkSetup.Baseline> baselines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SetupRow row : rows) {
            Cells cells = new Cells(row, SetupSheet.BASELINES, errors);
            String code = cells.check(SetupColumn.INDICATOR, text -> changes.indicator(text.toUpperCase(Locale.ROOT)).code());
            Double baseline = cells.check(SetupColumn.BASELINE,
                    text -> FrameworkChanges.baseline(FrameworkChanges.number("baseline", text)));
            if (cells.valid() && cells.unique(seen, code, SetupColumn.INDICATOR)) {
                baselines.add(new FrameworkSetup.Baseline(code, baseline));
            }
        }
        return baselines;
    }

    private List<FrameworkSetup.Member> members(List<SetupRow> rows, List<SetupError> errors) {
        if (rows.isEmpty()) {
            return List.of();
        }
        CommuneNames.Lookup communes = communeNames.lookup();
        List<FrameworkSetup.Member> members = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SetupRow row : rows) {
            Cells cells = new Cells(row, SetupSheet.COMMUNES, errors);
            String code = cells.check(SetupColumn.COMMUNE, communes::code);
            String cohort = cells.check(SetupColumn.COHORT, FrameworkChanges::cohort);
            var joined = cells.check(SetupColumn.JOINED, FrameworkChanges::joined);
            if (cells.valid() && cells.unique(seen, code, SetupColumn.COMMUNE)) {
                members.add(new FrameworkSetup.Member(code, cohort, joined));
            }
        }
        return members;
    }

    /** {@code Programme}, {@code Région 05}, {@code الإقليم 05.091} as the keys the API reads. */
    static String scopeKey(String text) {
        if (text.equalsIgnoreCase(ReportingScopes.PROGRAMME)) {
            return ReportingScopes.PROGRAMME;
        }
        Matcher matcher = SCOPE.matcher(text);
        if (!matcher.matches()) {
            return text;
        }
        String level = matcher.group(1).toLowerCase(Locale.ROOT);
        return LEVELS.getOrDefault(level, level) + ":" + matcher.group(2);
    }

    /** One row's cells, each checked by a rule; a broken rule becomes an error at that cell. */
    private static final class Cells {

        private final SetupRow row;
        private final SetupSheet sheet;
        private final List<SetupError> errors;
        private final int errorsBefore;

        Cells(SetupRow row, SetupSheet sheet, List<SetupError> errors) {
            this.row = row;
            this.sheet = sheet;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        <T> T check(SetupColumn column, Function<String, T> rule) {
            String text = row.text(column);
            if (text.isEmpty()) {
                return error(column, "required", List.of());
            }
            try {
                return rule.apply(text);
            } catch (CommuneNames.AmbiguousCommuneException e) {
                return error(column, "commune.ambiguous", List.of(text, String.join(", ", e.codes())));
            } catch (InvalidParameterException | OutOfScopeException e) {
                return error(column, column.key(), List.of(text));
            }
        }

        boolean valid() {
            return errors.size() == errorsBefore;
        }

        /** Whether no earlier row said the same thing; else an error naming that row. */
        boolean unique(Map<String, Integer> seen, String key, SetupColumn column) {
            Integer earlier = seen.putIfAbsent(key, row.number());
            if (earlier == null) {
                return true;
            }
            error(column, "duplicate", List.of(String.valueOf(earlier)));
            return false;
        }

        private <T> T error(SetupColumn column, String code, List<String> arguments) {
            errors.add(new SetupError(row.sheet(), row.number(), row.index(column), column, code, arguments));
            return null;
        }
    }

    /** A workbook refused whole; {@code errors} say where and why. */
    static final class SetupRejectedException extends RuntimeException {

        private final transient List<SetupError> errors;

        SetupRejectedException(List<SetupError> errors) {
            super(errors.size() + " error(s) in the set-up workbook");
            this.errors = List.copyOf(errors);
        }

        List<SetupError> errors() {
            return errors;
        }
    }
}
