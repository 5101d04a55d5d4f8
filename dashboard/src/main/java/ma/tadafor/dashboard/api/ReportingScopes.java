package ma.tadafor.dashboard.api;

import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.period.Semester;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The scopes the results framework is reported for, parsed by {@link ScopeKey}, and its semesters.
 */
@Component
public class ReportingScopes {

    public static final String PROGRAMME = ScopeKey.PROGRAMME;

    private final TerritoryQueries territories;

    ReportingScopes(TerritoryQueries territories) {
        this.territories = territories;
    }

    /** The scope, checked to exist and to lie within {@code allowed}; {@code parameter} names it in errors. */
    public String checked(String parameter, String scope, TerritorialScope allowed) {
        if (scope == null || scope.isBlank()) {
            throw new InvalidParameterException(parameter, "give a scope: programme, region:<code>, province:<code> or commune:<code>");
        }
        return ScopeKey.parse(parameter, scope, allowed, territories).key();
    }

    /** The caller's own scope when they name none ({@link ScopeKey#own}). */
    public String own(TerritorialScope scope) {
        return ScopeKey.own(scope);
    }

    /** The semester written like {@code 2024S1} in {@code parameter}: the one refusal of a missing or malformed semester. */
    public static Semester semester(String parameter, String semester) {
        if (semester == null || semester.isBlank()) {
            throw new InvalidParameterException(parameter, "give a semester such as 2024S1");
        }
        return Semester.parse(semester.strip()).orElseThrow(() ->
                new InvalidParameterException(parameter, "'" + semester + "' is not a semester such as 2024S1"));
    }

}
