package ma.tadafor.dashboard.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import ma.tadafor.data.user.UserAccount;
import ma.tadafor.data.user.UserRole;
import ma.tadafor.data.user.UserStore;

/** Creates the configured first administrator if it does not exist yet. */
@Component
@Order(0)
class UserBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);

    private final SignInProperties.InitialAdmin initialAdministrator;
    private final UserStore users;
    private final PasswordEncoder passwordEncoder;

    UserBootstrap(SignInProperties security, UserStore users, PasswordEncoder passwordEncoder) {
        this.initialAdministrator = security.initialAdmin();
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!initialAdministrator.configured() || users.find(initialAdministrator.username()).isPresent()) {
            return;
        }
        users.save(new UserAccount(initialAdministrator.username(), "Administrator", UserRole.ADMIN,
                passwordEncoder.encode(initialAdministrator.password()), true, Set.of(), Set.of(), Set.of()));
        log.info("Created the initial administrator {}", initialAdministrator.username());
    }
}
