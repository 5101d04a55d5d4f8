package ma.tadafor.dashboard.publicdata;

import java.time.InstantSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import ma.tadafor.dashboard.api.ProblemResponses;
import ma.tadafor.dashboard.security.SecurityConfiguration;

/**
 * The public pages and data's own security chain, before every other (docs/PUBLIC.md): anyone is let
 * in, with no session, no CSRF token (nothing there changes anything), no remember-me and no request
 * saved for a sign-in, so no cookie is ever set; at most so many requests a minute per client
 * address. The answers say themselves how long they may be kept (Cache-Control public), so the
 * chain's "no-store" is off.
 */
@Configuration(proxyBeanMethods = false)
class PublicSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain publicData(HttpSecurity http, PublicProperties properties, ProblemResponses problems) throws Exception {
        return SecurityConfiguration.secureHeaders(http.securityMatcher("/public", "/public/**", "/api/v1/public/**"))
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(new PublicRateLimit(properties, InstantSource.system(), problems),
                        BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
