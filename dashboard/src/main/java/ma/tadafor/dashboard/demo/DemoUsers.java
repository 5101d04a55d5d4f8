package ma.tadafor.dashboard.demo;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import ma.tadafor.data.user.UserAccount;
import ma.tadafor.data.user.UserStore;

/** The demo users of API.md; they exist only in the demo profile. */
@Component
@Profile("demo")
@Order(1)
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final DemoProperties demo;
    private final UserStore users;
    private final PasswordEncoder passwordEncoder;

    DemoUsers(DemoProperties demo, UserStore users, PasswordEncoder passwordEncoder) {
        this.demo = demo;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoProperties.DemoUser user : demo.users()) {
            if (users.find(user.username()).isEmpty()) {
                users.save(new UserAccount(user.username(), user.displayName(), user.role(),
                        passwordEncoder.encode(demo.password()), true,
                        Set.of(), user.provinces(), user.communes()));
                log.info("Created demo user {} ({})", user.username(), user.role());
            }
        }
    }
}
