package ma.tadafor.dashboard.demo;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import ma.tadafor.data.user.UserRole;

/**
 * The demo profile's users and data (see application-demo.yml).
 *
 * @param password the one password of every demo user
 * @param users    who exists in the demo
 * @param seed     the generator's seed: the same seed always gives the same data
 * @param scale    how much activity to generate (1.0 ≈ the programme's real volume)
 */
@ConfigurationProperties("tadafor.demo")
public record DemoProperties(
        String password,
        List<DemoUser> users,
        @DefaultValue("20240213") long seed,
        @DefaultValue("1.0") double scale) {

    public record DemoUser(String username, String displayName, UserRole role,
                           @DefaultValue Set<String> provinces, @DefaultValue Set<String> communes) {
    }
}
