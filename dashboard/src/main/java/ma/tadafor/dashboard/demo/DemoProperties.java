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
 * @param simulatorPort  where the demo portals listen on 127.0.0.1; 0, the default, takes a free port so that
 *                       two demos can run on one machine (the sources are saved with the port bound)
 * @param portalCommunes the communes that have a portal; the others report through uploads
 * @param pullSchedule   when the demo portals are pulled (cron)
 * @param laterPulls     pulls after the first one of a new warehouse, each after the portals lived
 *                       {@code daysBetweenPulls} more days (petitions move on: the funnel's durations)
 * @param allowNonLoopback the demo may listen beyond loopback ({@code server.address}): its users'
 *                       password is published, so only when said in so many words
 * @param smtpPort       where the demo's own SMTP server listens on 127.0.0.1; 0, the default, takes a free port
 */
@ConfigurationProperties("tadafor.demo")
public record DemoProperties(
        String password,
        List<DemoUser> users,
        @DefaultValue("20240213") long seed,
        @DefaultValue("1.0") double scale,
        @DefaultValue("0") int simulatorPort,
        List<String> portalCommunes,
        @DefaultValue("0 0 */6 * * *") String pullSchedule,
        @DefaultValue("3") int laterPulls,
        @DefaultValue("60") int daysBetweenPulls,
        @DefaultValue("false") boolean allowNonLoopback,
        @DefaultValue("0") int smtpPort) {

    public record DemoUser(String username, String displayName, UserRole role,
                           @DefaultValue Set<String> provinces, @DefaultValue Set<String> communes) {
    }
}
