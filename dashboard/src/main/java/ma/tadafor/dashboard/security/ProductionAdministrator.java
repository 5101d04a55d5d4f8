package ma.tadafor.dashboard.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.startup.StartRefusedException;

/**
 * The prod profile starts with no user but the administrator its configuration names: without
 * both settings nobody could sign in, so it refuses to start and says which one is missing.
 */
@Component
@Profile("prod")
class ProductionAdministrator {

    ProductionAdministrator(SignInProperties security) {
        SignInProperties.InitialAdmin admin = security.initialAdmin();
        List<String> missing = new ArrayList<>();
        if (admin.username() == null || admin.username().isBlank()) {
            missing.add("tadafor.security.initial-admin.username (TADAFOR_SECURITY_INITIAL_ADMIN_USERNAME)");
        }
        if (admin.password() == null || admin.password().isBlank()) {
            missing.add("tadafor.security.initial-admin.password (TADAFOR_SECURITY_INITIAL_ADMIN_PASSWORD)");
        }
        if (!missing.isEmpty()) {
            throw new StartRefusedException("The prod profile needs its administrator; not set: " + String.join(", ", missing),
                    "Set the administrator's user name and password (docs/OPERATIONS.md): the account is created at the "
                            + "first start, and the password can be changed on /account once signed in.");
        }
    }
}
