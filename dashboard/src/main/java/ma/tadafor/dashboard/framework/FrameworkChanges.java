package ma.tadafor.dashboard.framework;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.analytics.AnalyticsRuns;
import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.data.framework.FrameworkSetup;
import ma.tadafor.data.framework.IndicatorDefinition;
import ma.tadafor.data.framework.ResultsFrameworkStore;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * Targets, baselines and membership, whichever door they come through (the API, the set-up page,
 * a workbook): one set of rules, each broken rule an {@link InvalidParameterException} naming the
 * API's parameter, and every change audited and followed by a refresh of the marts. What is
 * entered here is real, never a demo value.
 */
@Service
class FrameworkChanges {

    /** Strict: 31/02/2025 is refused, not read as 28/02 as the default (smart) resolver would. */
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter FRENCH_MONTH = DateTimeFormatter.ofPattern("MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final ResultsFrameworkStore framework;
    private final ReportingScopes scopes;
    private final TerritoryQueries territories;
    private final AuditLog audit;
    private final AnalyticsRuns analytics;

    FrameworkChanges(ResultsFrameworkStore framework, ReportingScopes scopes, TerritoryQueries territories, AuditLog audit,
                     AnalyticsRuns analytics) {
        this.framework = framework;
        this.scopes = scopes;
        this.territories = territories;
        this.audit = audit;
        this.analytics = analytics;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    void setTarget(String code, String scope, String semester, Double target, TerritorialScope allowed) {
        FrameworkSetup.Target checked = target(code, scope, semester, target, allowed);
        framework.setTarget(checked.indicatorCode(), checked.scope(), checked.semester(), checked.target());
        changed("TARGET_SET", code, checked.scope() + " " + checked.semester() + " = " + checked.target(), "framework:" + code);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    void setBaseline(String code, Double baseline) {
        FrameworkSetup.Baseline checked = baseline(code, baseline);
        framework.setBaseline(checked.indicatorCode(), checked.baseline());
        changed("BASELINE_SET", code, String.valueOf(checked.baseline()), "framework:" + code);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    void join(String communeCode, String cohort, String joined) {
        FrameworkSetup.Member member = member(communeCode, cohort, joined);
        framework.saveMember(member.communeCode(), member.cohort(), member.joinedOn());
        changed("MEMBERSHIP_SET", member.communeCode(), member.cohort() + " since " + member.joinedOn(),
                "membership:" + member.communeCode());
    }

    /** @return false if the commune was not in the programme */
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    boolean leave(String communeCode) {
        if (!framework.removeMember(communeCode)) {
            return false;
        }
        changed("MEMBERSHIP_REMOVED", communeCode, null, "membership:" + communeCode);
        return true;
    }

    /** Writes a checked workbook in one transaction; one audit entry says who sent which file and what it held. */
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAMME')")
    void apply(FrameworkSetup setup, String fileName) {
        framework.apply(setup);
        changed("FRAMEWORK_IMPORTED", "framework", fileName + ": " + setup.targets().size() + " targets, "
                + setup.baselines().size() + " baselines, " + setup.members().size() + " communes", "framework:import");
    }

    FrameworkSetup.Target target(String code, String scope, String semester, Double target, TerritorialScope allowed) {
        IndicatorDefinition indicator = indicator(code);
        return new FrameworkSetup.Target(indicator.code(), scope(scope, allowed), semester(semester), target(target));
    }

    FrameworkSetup.Baseline baseline(String code, Double baseline) {
        return new FrameworkSetup.Baseline(indicator(code).code(), baseline(baseline));
    }

    FrameworkSetup.Member member(String communeCode, String cohort, String joined) {
        if (communeCode == null || territories.find(Territory.Level.COMMUNE, communeCode).isEmpty()) {
            throw new InvalidParameterException("code", "'" + communeCode + "' is not a commune code");
        }
        return new FrameworkSetup.Member(communeCode, cohort(cohort), joined(joined));
    }

    IndicatorDefinition indicator(String code) {
        return framework.indicator(code).orElseThrow(() -> new InvalidParameterException("code", "no indicator " + code));
    }

    String scope(String scope, TerritorialScope allowed) {
        return scopes.checked("scope", scope, allowed);
    }

    static String semester(String semester) {
        return ReportingScopes.semester("semester", semester).code();
    }

    static double target(Double target) {
        if (target == null || target.isNaN() || target.isInfinite() || target < 0) {
            throw new InvalidParameterException("target", "a number ≥ 0");
        }
        return target;
    }

    static double baseline(Double baseline) {
        if (baseline == null || baseline.isNaN() || baseline.isInfinite()) {
            throw new InvalidParameterException("baseline", "a number");
        }
        return baseline;
    }

    /** A number as a form or a spreadsheet cell writes it: spaces between thousands, a decimal comma. */
    static Double number(String parameter, String text) {
        String plain = text == null ? "" : text.replaceAll("[\\s\\u00A0\\u202F]", "");
        if (!plain.contains(".")) {
            plain = plain.replace(',', '.');
        }
        if (plain.isEmpty()) {
            return null;
        }
        // Plain decimals only: Double.valueOf would also take "NaN", "1e9" or "5d".
        if (!plain.matches("-?\\d+(\\.\\d+)?")) {
            throw new InvalidParameterException(parameter, "'" + text + "' is not a number");
        }
        return Double.valueOf(plain);
    }

    /** The cohort as the warehouse writes it; French {@code pilote} and any case accepted. */
    static String cohort(String cohort) {
        String word = cohort == null ? "" : cohort.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "pilot", "pilote" -> "pilot";
            case "extension" -> "extension";
            default -> throw new InvalidParameterException("cohort", "pilot or extension");
        };
    }

    /** The joining date: a month ({@code 2023-10}, {@code 10/2023}: its first day) or a date, ISO or JJ/MM/AAAA. */
    static LocalDate joined(String joined) {
        String text = joined == null ? "" : joined.strip();
        try {
            if (text.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(text).atDay(1);
            }
            if (text.matches("\\d{1,2}/\\d{4}")) {
                return YearMonth.parse(text.length() == 6 ? "0" + text : text, FRENCH_MONTH).atDay(1);
            }
            return text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("joined", "a month like 2023-10 or a date like 2023-10-15 or 15/10/2023");
        }
    }

    private void changed(String action, String target, String detail, String trigger) {
        audit.record(action, target, detail);
        analytics.start(trigger);
    }
}
