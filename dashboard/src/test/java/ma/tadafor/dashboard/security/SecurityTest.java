package ma.tadafor.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.data.user.UserAccount;
import ma.tadafor.data.user.UserRole;
import ma.tadafor.data.user.UserStore;

/** Authentication, tokens, sign-in throttling, CSRF, headers and escaping, through real HTTP. */
class SecurityTest extends DemoApplicationTest {

    /** {@code tadafor.security.throttle.account-attempts}, left at its default. */
    private static final int ACCOUNT_ATTEMPTS = 5;

    @Autowired
    UserStore users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    ApiTokens tokens;

    @Test
    void aPersonalTokenWorksAsBearerUntilItsOwnerRevokesIt() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/me/tokens", "dgct", "{\"name\": \"tableur\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String token = (String) object(created).get("token");
        Number id = (Number) object(created).get("id");
        assertThat(token).startsWith("tdf_");

        assertThat(bearer("/api/v1/me", token).statusCode()).isEqualTo(200);
        assertThat(object(bearer("/api/v1/me", token))).containsEntry("username", "dgct");
        assertThat(get("/api/v1/me/tokens", "dgct").body()).contains("tableur").doesNotContain(token);

        assertThat(send("DELETE", "/api/v1/me/tokens/" + id, "enabel", null).statusCode())
                .as("only its owner revokes a token").isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/me/tokens/" + id, "dgct", null).statusCode()).isEqualTo(204);
        assertThat(bearer("/api/v1/me", token).statusCode()).as("revoked: refused at once").isEqualTo(401);
    }

    @Test
    void aTokenStopsWorkingAtOnceWhenItsOwnerIsDisabled() throws Exception {
        createUser("token-owner", "Analyste", UserRole.NATIONAL, "correct-horse-battery");
        String token = tokens.issue("token-owner", "script").token();
        // Used once, so that it is kept as valid: disabling its owner must end that at once.
        assertThat(bearer("/api/v1/me", token).statusCode()).isEqualTo(200);

        UserAccount owner = users.find("token-owner").orElseThrow();
        users.save(new UserAccount(owner.username(), owner.displayName(), owner.role(), owner.passwordHash(), false,
                Set.of(), Set.of(), Set.of()));

        assertThat(bearer("/api/v1/me", token).statusCode()).as("disabled: refused at once").isEqualTo(401);
    }

    @Test
    void anUnknownBearerTokenOrNoCredentialIs401InProblemJson() throws Exception {
        assertThat(bearer("/api/v1/territories/communes", "tdf_not-a-real-token").statusCode()).isEqualTo(401);
        assertThat(bearer("/api/v1/territories/communes", "garbage").statusCode()).isEqualTo(401);
        HttpResponse<String> stranger = http.send(HttpRequest.newBuilder(uri("/api/v1/territories/communes")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (HttpResponse<String> refused : List.of(stranger, bearer("/api/v1/me", "garbage"))) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("Bearer");
        }
        assertThat(stranger.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Tadafor\"");
    }

    @Test
    void twentyParallelWrongPasswordsGetNoMoreChecksThanTheThrottleAllows() throws Exception {
        createUser("throttle-probe", "Sonde", UserRole.NATIONAL, "correct-horse-battery");

        List<HttpResponse<String>> answers = inParallel(20, () -> basic("/api/v1/me", "throttle-probe", "wrong password"));

        assertThat(answers).extracting(HttpResponse::statusCode).as("checked and refused, or refused unchecked; never a 500")
                .containsOnly(401, 429).filteredOn(status -> status == 401).hasSize(ACCOUNT_ATTEMPTS);
        HttpResponse<String> throttled = answers.stream().filter(answer -> answer.statusCode() == 429).findFirst().orElseThrow();
        assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 3));
        assertThat(object(throttled)).containsEntry("status", 429).containsKey("retryAfter");
        assertThat(items(get("/api/v1/audit?action=SIGN_IN_FAILED&q=throttle-probe", "admin")))
                .as("each check audited, and only the checks").hasSize(ACCOUNT_ATTEMPTS)
                .allSatisfy(event -> assertThat(event).containsEntry("origin", "127.0.0.1"));
        assertThat(get("/api/v1/audit?action=SIGN_IN_THROTTLED", "admin").body()).contains("throttle-probe");

        HttpResponse<String> rightTooSoon = basic("/api/v1/me", "throttle-probe", "correct-horse-battery");
        assertThat(rightTooSoon.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(awaitThrottle(rightTooSoon, "throttle-probe", "correct-horse-battery").statusCode())
                .as("and is accepted once the wait is over").isEqualTo(200);
    }

    @Test
    void aStrangerCannotLockTheAdministratorOutOfTheApi() throws Exception {
        String script = tokens.issue("admin", "sauvegarde nocturne").token();
        for (int i = 0; i < ACCOUNT_ATTEMPTS; i++) {
            basic("/api/v1/me", "admin", "a stranger's guess");
        }
        HttpResponse<String> throttled = basic("/api/v1/me", "admin", PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);

        assertThat(bearer("/api/v1/audit", script).statusCode()).as("the administrator's scripts go on").isEqualTo(200);
        assertThat(awaitThrottle(throttled, "admin", PASSWORD).statusCode()).as("and the password works again").isEqualTo(200);
    }

    @Test
    void theLoginPageSaysTheSameForAWrongPasswordAndAThrottledAccount() throws Exception {
        createUser("form-probe", "Sonde", UserRole.NATIONAL, "correct-horse-battery");
        BrowserSession wrong = new BrowserSession(port);
        wrong.get("/login");
        wrong.signIn("form-probe", "wrong password");
        String wrongPassword = wrong.get("/login?error").body();
        for (int i = 1; i < ACCOUNT_ATTEMPTS; i++) {
            wrong.signIn("form-probe", "wrong password");
        }

        BrowserSession owner = new BrowserSession(port);
        owner.get("/login");
        HttpResponse<String> refused = owner.signIn("form-probe", "correct-horse-battery");

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        String throttledPage = owner.get("/login?error").body();
        assertThat(alert(throttledPage)).isEqualTo(alert(wrongPassword)).contains("Identifiant ou mot de passe incorrect");
        assertThat(throttledPage).doesNotContainIgnoringCase("verrouill");
    }

    @Test
    void aPersonalTokenCannotCreateAnother() throws Exception {
        String token = tokens.issue("dgct", "tableur").token();

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/api/v1/me/tokens"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"rejeton\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(object(refused)).containsEntry("parameter", "Authorization");
        assertThat(get("/api/v1/me/tokens", "dgct").body()).doesNotContain("rejeton");
        assertThat(bearer("/api/v1/me/tokens", token).statusCode()).as("a token still lists them").isEqualTo(200);
    }

    @Test
    void signingInThroughTheFormRenewsTheSessionAndAuditsIt() throws Exception {
        BrowserSession browser = new BrowserSession(port);
        browser.get("/login");
        String before = browser.sessionId();

        HttpResponse<String> signedIn = browser.signIn("enabel", PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(browser.sessionId()).as("session fixation protection").isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/").body()).contains("Gestionnaire de programme Enabel");
        assertThat(get("/api/v1/audit?action=SIGN_IN&user=enabel", "admin").body()).contains("enabel");
    }

    @Test
    void aWrongPasswordInTheFormSaysSoInTheUsersLanguage() throws Exception {
        BrowserSession browser = new BrowserSession(port);
        browser.get("/login?lang=ar");
        browser.signIn("dgct", "not the password");

        String page = browser.get("/login?error").body();

        assertThat(page).contains("dir=\"rtl\"").contains("lang=\"ar\"").contains("اسم المستخدم أو كلمة المرور غير صحيحة");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        BrowserSession browser = new BrowserSession(port);
        browser.signIn("admin", PASSWORD);
        Map<String, String> user = Map.of("username", "csrf-probe", "displayName", "Sonde", "role", "NATIONAL",
                "password", "a-long-enough-password");

        assertThat(browser.post("/admin/users", user, null).statusCode()).isEqualTo(403);
        assertThat(users.find("csrf-probe")).isEmpty();

        assertThat(browser.post("/admin/users", user, "/admin/users").statusCode()).isEqualTo(302);
        assertThat(users.find("csrf-probe")).isPresent();
    }

    @Test
    void onlyAdministratorsReachTheUsersPageAndTheAuditLog() throws Exception {
        BrowserSession governor = new BrowserSession(port);
        governor.signIn("gov-azilal", PASSWORD);

        assertThat(governor.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(governor.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit", "enabel").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit", "admin").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorSearchesTheAuditLogInAPage() throws Exception {
        BrowserSession admin = new BrowserSession(port);
        admin.signIn("admin", PASSWORD);

        String page = admin.get("/admin/audit?action=SIGN_IN&user=admin").body();

        assertThat(page).contains("SIGN_IN").contains("127.0.0.1").doesNotContain("SIGN_IN_FAILED");
    }

    @Test
    void freeTextIsEscapedWhereverItIsShown() throws Exception {
        createUser("xss-probe", "<script>alert('xss')</script><img src=x onerror=alert(1)>", UserRole.NATIONAL,
                "a-long-enough-password");
        BrowserSession admin = new BrowserSession(port);
        admin.signIn("admin", PASSWORD);

        String page = admin.get("/admin/users").body();

        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;");
    }

    @Test
    void pagesCarrySecureHeaders() throws Exception {
        HttpResponse<String> login = anonymous("/login");

        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(new BrowserSession(port).get("/").statusCode()).as("pages need a session").isEqualTo(302);
    }

    private void createUser(String username, String displayName, UserRole role, String password) {
        users.save(new UserAccount(username, displayName, role, passwordEncoder.encode(password), true,
                Set.of(), Set.of(), Set.of()));
    }

    /** Sends the same request from {@code count} threads released together. */
    private static List<HttpResponse<String>> inParallel(int count, Callable<HttpResponse<String>> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<HttpResponse<String>> done = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                done.add(answer.get(1, TimeUnit.MINUTES));
            }
            return done;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Waits as long as the 429 said, then signs in again. */
    private HttpResponse<String> awaitThrottle(HttpResponse<String> throttled, String user, String password) throws Exception {
        TimeUnit.SECONDS.sleep(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()));
        return basic("/api/v1/me", user, password);
    }

    private static String alert(String page) {
        int start = page.indexOf("role=\"alert\"");
        return start < 0 ? "" : page.substring(start, page.indexOf("</p>", start));
    }

    private HttpResponse<String> bearer(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> basic(String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", DemoApplicationTest.basic(user, password))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
