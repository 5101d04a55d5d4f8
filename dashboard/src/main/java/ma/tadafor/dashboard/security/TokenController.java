package ma.tadafor.dashboard.security;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.data.user.ApiToken;
import ma.tadafor.data.user.ApiTokenStore;

/** The signed-in user's own identity and personal API tokens: each user manages only their own. */
@RestController
@RequestMapping("/api/v1/me")
class TokenController {

    private final ApiTokens tokens;
    private final ApiTokenStore store;
    private final AuditLog audit;

    TokenController(ApiTokens tokens, ApiTokenStore store, AuditLog audit) {
        this.tokens = tokens;
        this.store = store;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The caller", description = "Roles: any signed-in user. `{username, displayName, role, scope: {national, regions, provinces, communes}}`.")
    Map<String, Object> me(@AuthenticationPrincipal SignedInUser user) {
        return Map.of("username", user.getUsername(), "displayName", user.account().displayName(),
                "role", user.account().role(), "scope", user.scope());
    }

    @GetMapping("/tokens")
    @Operation(summary = "The caller's personal API tokens", description = "Roles: any signed-in user (their own tokens only).")
    Items<ApiToken> list(@AuthenticationPrincipal SignedInUser user) {
        return new Items<>(store.of(user.getUsername()));
    }

    record TokenRequest(String name) {
    }

    /** Only with the password (or from the account page): a leaked token must not beget tokens that outlive its revocation. */
    @PostMapping("/tokens")
    @Operation(summary = "Create a personal API token", description = "Roles: any signed-in user, with HTTP Basic (their "
            + "password) or from their account page, never with a token (403). Body `{\"name\"}`; answers 201 "
            + "`{id, name, token}`, the token shown once.")
    ResponseEntity<ApiTokens.IssuedToken> create(@RequestBody TokenRequest request, @AuthenticationPrincipal SignedInUser user,
                                                 Authentication authentication) {
        if (authentication instanceof ApiTokenAuthentication) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Authorization: a personal token "
                    + "is created with your password (HTTP Basic) or from your account page, never with another token");
            problem.setProperty("parameter", HttpHeaders.AUTHORIZATION);
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw new InvalidParameterException("name", "give the token a name of 1 to 100 characters");
        }
        ApiTokens.IssuedToken issued = tokens.issue(user.getUsername(), request.name().strip());
        audit.record("TOKEN_CREATED", user.getUsername(), "token " + issued.id() + " (" + issued.name() + ")");
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + issued.id())).body(issued);
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke one of the caller's tokens", description = "Roles: any signed-in user (their own tokens only); 204, or 404 for a token that is not theirs.")
    ResponseEntity<Void> revoke(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        if (!store.revoke(user.getUsername(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "you have no token " + id);
        }
        audit.record("TOKEN_REVOKED", user.getUsername(), "token " + id);
        return ResponseEntity.noContent().build();
    }
}
