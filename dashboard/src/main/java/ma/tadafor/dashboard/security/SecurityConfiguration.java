package ma.tadafor.dashboard.security;

import java.time.InstantSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import ma.tadafor.dashboard.api.ProblemResponses;

/**
 * Three chains (after the public pages and data's own, first: {@code publicdata.PublicSecurity}): the API and the metrics are stateless (HTTP Basic or a personal API token as
 * Bearer; metrics for ADMIN only), the OpenAPI document takes either or the pages' session, and
 * the pages (the document's page among them) use a session, the login form and CSRF tokens. Health stays open for orchestrators. State-changing
 * services carry {@code @PreAuthorize} rules, and every read query is limited to the caller's
 * territorial scope in the data layer: authorization holds whichever door a request comes through.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    /** Scripts and styles only from this origin: chart options travel as JSON, never as inline script. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** The OpenAPI page's script injects one style element: that one is allowed, by its hash, on that page only. */
    static final String API_PAGE_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
            "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='");

    @Bean
    SignInThrottle signInThrottle(SignInProperties security) {
        return new SignInThrottle(security.throttle(), InstantSource.system());
    }

    /**
     * A URL the firewall refuses (encoded separators, control or paragraph characters in a path) is a
     * 400 in problem+json naming what was refused, like every other refusal, not Spring Boot's JSON
     * error page.
     */
    @Bean
    RequestRejectedHandler requestRejected(ProblemResponses problems) {
        return (request, response, refusal) -> problems.write(response, ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "the request's URL is refused: " + refusal.getMessage()));
    }

    /** Passwords, from HTTP Basic and the login form alike, are checked only as the throttle admits. */
    @Bean
    ProviderManager passwordSignIn(UserDetailsService users, PasswordEncoder passwordEncoder, SignInThrottle throttle,
                                   SignInEvents signIns, AuthenticationEventPublisher events) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(new ThrottledPasswords(passwords, throttle, signIns));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, UserDetailsService users, TokenChecks checks,
                            AuthenticationEventPublisher events, ProviderManager passwordSignIn,
                            ProblemResponses problems)
            throws Exception {
        // Metrics describe the whole platform: scraped with an administrator's API token.
        return secureHeaders(http.securityMatcher("/api/**", "/actuator/prometheus"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/prometheus").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .addFilterBefore(bearer(tokens, users, checks, events, problems), BasicAuthenticationFilter.class)
                .authenticationManager(passwordSignIn)
                .httpBasic(basic -> basic.authenticationEntryPoint(new ApiSignInEntryPoint(problems)))
                // A role's refusal (@PreAuthorize) in problem+json, as every refusal of the API.
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) ->
                        problems.write(response, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                                "your role may not do this (the operation's roles are in /v3/api-docs)"))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookie session on the API, so no cross-site request can ride on one.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The OpenAPI document, for any signed-in user: scripts sign in as on the API, and the document's
     * page (on the pages' chain) reads it with its session, which this chain reads but never creates.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http, ApiTokens tokens, UserDetailsService users, TokenChecks checks,
                                AuthenticationEventPublisher events, ProviderManager passwordSignIn,
                                ProblemResponses problems)
            throws Exception {
        return secureHeaders(http.securityMatcher("/v3/api-docs", "/v3/api-docs/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterBefore(bearer(tokens, users, checks, events, problems), BasicAuthenticationFilter.class)
                .authenticationManager(passwordSignIn)
                .httpBasic(basic -> basic.authenticationEntryPoint(new ApiSignInEntryPoint(problems)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    private static AuthenticationFilter bearer(ApiTokens tokens, UserDetailsService users, TokenChecks checks,
                                               AuthenticationEventPublisher events, ProblemResponses problems) {
        ProviderManager tokenManager = new ProviderManager(new ApiTokenAuthenticationProvider(tokens, users, checks));
        tokenManager.setAuthenticationEventPublisher(events);
        AuthenticationFilter bearer = new AuthenticationFilter(tokenManager, BearerTokens::read);
        bearer.setSuccessHandler((request, response, authentication) -> { });
        bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(new ApiSignInEntryPoint(problems)));
        return bearer;
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, ProviderManager passwordSignIn) throws Exception {
        return secureHeaders(http)
                .authenticationManager(passwordSignIn)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error", "/login", "/css/**",
                                "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(ExpiredSessionForms.afterSignIn(new Landing())).permitAll())
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(ExpiredSessionForms.refusals()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }

    /** The headers of every chain's answers: the Content-Security-Policy, no framing, the referrer and permissions policies. */
    public static HttpSecurity secureHeaders(HttpSecurity http) throws Exception {
        RequestMatcher apiPage = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
        return http.headers(headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(apiPage),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(apiPage,
                        new ContentSecurityPolicyHeaderWriter(API_PAGE_CONTENT_SECURITY_POLICY)))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
