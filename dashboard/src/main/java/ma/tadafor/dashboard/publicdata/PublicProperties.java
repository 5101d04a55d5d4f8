package ma.tadafor.dashboard.publicdata;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public pages and open data (docs/PUBLIC.md).
 *
 * @param requestsPerMinute what one client address may ask in a minute, pages and API together;
 *                          beyond, {@code 429} with {@code Retry-After}
 * @param clients           how many client addresses are counted at once: the least recently seen
 *                          is forgotten first, so that many addresses cannot grow the count without bound
 * @param maxAge            how long browsers and proxies may keep a public answer
 */
@ConfigurationProperties("tadafor.public")
public record PublicProperties(
        @DefaultValue("60") int requestsPerMinute,
        @DefaultValue("10000") int clients,
        @DefaultValue("5m") Duration maxAge) {

    public PublicProperties {
        if (requestsPerMinute < 1 || clients < 1) {
            throw new IllegalArgumentException("tadafor.public.requests-per-minute and clients must be at least 1");
        }
    }
}
