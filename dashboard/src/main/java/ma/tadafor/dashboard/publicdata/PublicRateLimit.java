package ma.tadafor.dashboard.publicdata;

import java.io.IOException;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ma.tadafor.dashboard.api.ProblemResponses;

/**
 * At most {@code requestsPerMinute} public requests per client address and calendar minute; beyond,
 * {@code 429} in problem+json naming the limit, with {@code Retry-After} up to the next minute. The
 * address is the socket's: a header such as {@code X-Forwarded-For} is the client's to write. At
 * most {@code clients} addresses are counted, the least recently seen forgotten first: many
 * addresses cost a bounded memory, and a forgotten one only starts its minute again.
 */
public final class PublicRateLimit extends OncePerRequestFilter {

    private final int limit;
    private final InstantSource clock;
    private final ProblemResponses problems;
    private final Map<String, long[]> minutes;

    public PublicRateLimit(PublicProperties properties, InstantSource clock, ProblemResponses problems) {
        this.limit = properties.requestsPerMinute();
        this.clock = clock;
        this.problems = problems;
        int clients = properties.clients();
        this.minutes = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > clients;
            }
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long now = clock.millis();
        long minute = now / 60_000;
        long asked;
        synchronized (minutes) {
            // {minute, requests in it}
            long[] count = minutes.computeIfAbsent(request.getRemoteAddr(), address -> new long[2]);
            if (count[0] != minute) {
                count[0] = minute;
                count[1] = 0;
            }
            asked = ++count[1];
        }
        if (asked > limit) {
            long seconds = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "at most " + limit + " public requests a minute per client address: retry in " + seconds + " s");
            problem.setProperty("limit", limit);
            problems.write(response, problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
