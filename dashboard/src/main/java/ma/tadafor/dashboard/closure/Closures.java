package ma.tadafor.dashboard.closure;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.analytics.AnalyticsRuns;
import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.OutOfScopeException;
import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.closure.Closure;
import ma.tadafor.data.closure.ClosureStore;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.data.user.UserRole;

/**
 * Semester closures (docs/TRUST.md): who may propose, approve and reopen, and what an answer says
 * of its figures ({@link #frozen}). Freezing itself happens in the data module, at approval and at
 * each refresh ({@code FrozenMarts}); answers read from the marts then change, so the answers kept
 * are forgotten.
 */
@Component
public class Closures {

    /** What {@code "frozen"} says of an answer: only closed semesters, some, or none. */
    public static final String PARTIAL = "partial";

    private static final Set<UserRole> PROPOSERS = Set.of(UserRole.PROGRAMME, UserRole.ADMIN);
    private static final Set<UserRole> APPROVERS = Set.of(UserRole.GOVERNOR, UserRole.ADMIN);
    private static final UserRole REOPENER = UserRole.ADMIN;

    private final ClosureStore store;
    private final TerritoryQueries territories;
    private final AuditLog audit;
    private final MartCache answers;
    private final AnalyticsRuns analytics;

    Closures(ClosureStore store, TerritoryQueries territories, AuditLog audit, MartCache answers, AnalyticsRuns analytics) {
        this.store = store;
        this.territories = territories;
        this.audit = audit;
        this.answers = answers;
        this.analytics = analytics;
    }

    public Closure propose(String provinceCode, String semester, SignedInUser user) {
        require(PROPOSERS, user);
        Territory province = province("province", provinceCode, user);
        ReportingScopes.semester("semester", semester);
        Closure closure = store.propose(province.code(), semester, user.getUsername(), Instant.now());
        audit.record("CLOSURE_PROPOSED", target(closure), closure.provinceCode() + " " + closure.semester());
        return closure;
    }

    /** Only the province's governor or the administrator; another province's governor gets a 403. */
    public Closure approve(long id, SignedInUser user) {
        Closure closure = readable(id, user);
        require(APPROVERS, user);
        Closure approved = store.approve(closure.id(), user.getUsername(), Instant.now());
        answers.forget();
        audit.record("CLOSURE_APPROVED", target(approved), approved.provinceCode() + " " + approved.semester());
        return approved;
    }

    /** The administrator's only; the next refresh, started now, puts the current figures back. */
    public Closure reopen(long id, String reason, SignedInUser user) {
        if (!mayReopen(user)) {
            throw new AccessDeniedException("only " + REOPENER + " reopens a closed semester");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidParameterException("reason", "a reason of 1 to 2000 characters is required");
        }
        Closure reopened = store.reopen(readable(id, user).id(), user.getUsername(), reason.strip(), Instant.now());
        answers.forget();
        audit.record("CLOSURE_REOPENED", target(reopened), reopened.provinceCode() + " " + reopened.semester() + ": "
                + reopened.reopenReason());
        analytics.start("closure-reopened");
        return reopened;
    }

    /** A closure the caller may read: 404 if none, 403 if its province is outside their scope. */
    public Closure readable(long id, SignedInUser user) {
        Closure closure = store.find(id).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "no closure " + id));
        province("id", closure.provinceCode(), user);
        return closure;
    }

    public List<Closure> list(String provinceCode, String semester, SignedInUser user) {
        if (provinceCode != null) {
            province("province", provinceCode, user);
        }
        if (semester != null) {
            ReportingScopes.semester("semester", semester);
        }
        return store.list(provinceCode, semester).stream()
                .filter(c -> territories.find(Territory.Level.PROVINCE, c.provinceCode()).filter(p -> p.within(user.scope()))
                        .isPresent())
                .toList();
    }

    /** A province of the caller's scope: 400 naming {@code parameter} if there is none, 403 if it is outside. */
    private Territory province(String parameter, String code, SignedInUser user) {
        Territory province = territories.find(Territory.Level.PROVINCE, code).orElseThrow(() ->
                new InvalidParameterException(parameter, "no province has the code '" + code + "'"));
        if (!province.within(user.scope())) {
            throw new OutOfScopeException(parameter, code);
        }
        return province;
    }

    /** The approved closure of a province's semester, if any. */
    public java.util.Optional<Closure> approved(String provinceCode, String semester) {
        return store.current(provinceCode, semester).filter(c -> c.status() == Closure.Status.APPROVED);
    }

    /**
     * What an answer about these provinces and semesters says of its figures: {@code true} when every
     * province-semester it covers is closed, {@code "partial"} when some are, {@code false} otherwise.
     *
     * @param provinces the provinces the answer covers, null for any (a region, the programme)
     * @param semesters the semesters it covers, null for any
     */
    public Object frozen(Collection<String> provinces, Collection<String> semesters) {
        List<Closure> closed = store.approved().stream()
                .filter(c -> provinces == null || provinces.contains(c.provinceCode()))
                .filter(c -> semesters == null || semesters.contains(c.semester())).toList();
        if (closed.isEmpty()) {
            return false;
        }
        boolean all = provinces != null && semesters != null
                && provinces.stream().allMatch(p -> semesters.stream().allMatch(s -> closed.stream()
                        .anyMatch(c -> c.provinceCode().equals(p) && c.semester().equals(s))));
        return all ? Boolean.TRUE : PARTIAL;
    }

    /** {@link #frozen} of an indicator or rate figure of a scope key ({@code province:05.091}, a commune, a region…) and semester. */
    public Object frozen(String scopeKey, String semester) {
        List<String> provinces = provinceOf(scopeKey);
        if (provinces == null && scopeKey.startsWith("region:")) {
            String region = scopeKey.substring("region:".length()) + ".";
            boolean closedInRegion = store.approved().stream()
                    .anyMatch(c -> c.semester().equals(semester) && c.provinceCode().startsWith(region));
            return closedInRegion ? PARTIAL : Boolean.FALSE;
        }
        return frozen(provinces, List.of(semester));
    }

    /** The one province a scope key lies in, or null for a region or the programme. */
    static List<String> provinceOf(String scopeKey) {
        if (scopeKey.startsWith("province:")) {
            return List.of(scopeKey.substring("province:".length()));
        }
        if (scopeKey.startsWith("commune:")) {
            return List.of(scopeKey.substring("commune:".length(), "commune:".length() + 6));
        }
        return null;
    }

    public static boolean mayPropose(SignedInUser user) {
        return PROPOSERS.contains(user.account().role());
    }

    /** Whether the caller's role approves; their scope is checked with the closure's province. */
    public static boolean mayApprove(SignedInUser user) {
        return APPROVERS.contains(user.account().role());
    }

    public static boolean mayReopen(SignedInUser user) {
        return user.account().role() == REOPENER;
    }

    private static void require(Set<UserRole> roles, SignedInUser user) {
        if (!roles.contains(user.account().role())) {
            throw new AccessDeniedException("this needs one of the roles " + roles);
        }
    }

    private static String target(Closure closure) {
        return "closure:" + closure.id();
    }
}
