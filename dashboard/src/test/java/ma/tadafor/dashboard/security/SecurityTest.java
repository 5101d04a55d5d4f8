package ma.tadafor.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.data.user.UserAccount;
import ma.tadafor.data.user.UserRole;
import ma.tadafor.data.user.UserStore;

/** Authentication, tokens, lockout, CSRF, headers and escaping, through real HTTP. */
class SecurityTest extends DemoApplicationTest {

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
        users.save(new UserAccount(owner.username(), owner.displayName(), owner.role(), owner.passwordHash(), false, 0,
                null, Set.of(), Set.of(), Set.of()));

        assertThat(bearer("/api/v1/me", token).statusCode()).as("disabled: refused at once").isEqualTo(401);
    }

    @Test
    void anUnknownBearerTokenIs401() throws Exception {
        assertThat(bearer("/api/v1/territories/communes", "tdf_not-a-real-token").statusCode()).isEqualTo(401);
        assertThat(bearer("/api/v1/territories/communes", "garbage").statusCode()).isEqualTo(401);
    }

    @Test
    void fiveFailedSignInsLockTheAccount() throws Exception {
        createUser("lock-probe", "Sonde", UserRole.NATIONAL, "correct-horse-battery");
        for (int i = 0; i < 5; i++) {
            assertThat(basic("/api/v1/me", "lock-probe", "wrong password").statusCode()).isEqualTo(401);
        }

        assertThat(basic("/api/v1/me", "lock-probe", "correct-horse-battery").statusCode())
                .as("the right password no longer opens a locked account").isEqualTo(401);
        assertThat(users.find("lock-probe").orElseThrow().lockedUntil()).isNotNull();
        assertThat(get("/api/v1/audit?action=ACCOUNT_LOCKED", "admin").body()).contains("lock-probe");
        assertThat(get("/api/v1/audit?action=SIGN_IN_FAILED&q=lock-probe", "admin").body()).contains("127.0.0.1");
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
        users.save(new UserAccount(username, displayName, role, passwordEncoder.encode(password), true, 0, null,
                Set.of(), Set.of(), Set.of()));
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
