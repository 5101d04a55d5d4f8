package ma.tadafor.dashboard.user;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.data.user.UserAccount;
import ma.tadafor.data.user.UserRole;
import ma.tadafor.data.user.UserStore;

/**
 * Creating, disabling and re-scoping users, and resetting passwords: administrators only,
 * whichever page or API calls it, and every change is audited.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class UserAdministration {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final UserStore users;
    private final TerritoryQueries territories;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;

    UserAdministration(UserStore users, TerritoryQueries territories, PasswordEncoder passwordEncoder, AuditLog audit) {
        this.users = users;
        this.territories = territories;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    public void create(String username, String displayName, UserRole role, String scopeCodes, String password) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new InvalidParameterException("username", "2 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (users.find(username).isPresent()) {
            throw new InvalidParameterException("username", "this user exists already");
        }
        checkPassword(password);
        UserAccount account = scoped(new UserAccount(username, displayName(displayName), role,
                passwordEncoder.encode(password), true, Set.of(), Set.of(), Set.of()), scopeCodes);
        users.save(account);
        audit.record("USER_CREATED", username, role + " " + scopeCodes);
    }

    public void update(String username, String displayName, UserRole role, String scopeCodes, boolean enabled) {
        UserAccount current = existing(username);
        UserAccount updated = scoped(new UserAccount(username, displayName(displayName), role, current.passwordHash(),
                enabled, Set.of(), Set.of(), Set.of()), scopeCodes);
        users.save(updated);
        audit.record("USER_UPDATED", username, role + " " + scopeCodes + (enabled ? "" : " disabled"));
    }

    public void resetPassword(String username, String password) {
        UserAccount current = existing(username);
        checkPassword(password);
        users.save(new UserAccount(username, current.displayName(), current.role(), passwordEncoder.encode(password),
                current.enabled(), current.regions(), current.provinces(), current.communes()));
        audit.record("PASSWORD_RESET", username, null);
    }

    /** Binds the codes to the user, each at its own level; roles that see everything keep none. */
    private UserAccount scoped(UserAccount account, String scopeCodes) {
        Set<String> regions = new HashSet<>();
        Set<String> provinces = new HashSet<>();
        Set<String> communes = new HashSet<>();
        for (String code : codes(scopeCodes)) {
            if (territories.find(Territory.Level.REGION, code).isPresent()) {
                regions.add(code);
            } else if (territories.find(Territory.Level.PROVINCE, code).isPresent()) {
                provinces.add(code);
            } else if (territories.find(Territory.Level.COMMUNE, code).isPresent()) {
                communes.add(code);
            } else {
                throw new InvalidParameterException("scope", "'" + code + "' is not a region, province or commune code");
            }
        }
        if (account.role().seesAllRegions()) {
            return account;
        }
        if (regions.isEmpty() && provinces.isEmpty() && communes.isEmpty()) {
            throw new InvalidParameterException("scope", "a " + account.role() + " user needs at least one territory");
        }
        if (account.role() == UserRole.COMMUNE && (!regions.isEmpty() || !provinces.isEmpty())) {
            throw new InvalidParameterException("scope", "a COMMUNE user is bound to communes only");
        }
        return new UserAccount(account.username(), account.displayName(), account.role(), account.passwordHash(),
                account.enabled(), regions, provinces, communes);
    }

    private UserAccount existing(String username) {
        return users.find(username).orElseThrow(() -> new InvalidParameterException("username", "no such user"));
    }

    private static String displayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new InvalidParameterException("displayName", "1 to 200 characters");
        }
        return displayName.strip();
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidParameterException("password", "at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private static Set<String> codes(String scopeCodes) {
        if (scopeCodes == null || scopeCodes.isBlank()) {
            return Set.of();
        }
        return new HashSet<>(Arrays.stream(scopeCodes.split("[,\\s]+")).filter(code -> !code.isEmpty()).toList());
    }
}
