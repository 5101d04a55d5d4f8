package ma.tadafor.dashboard.indicators;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.dashboard.web.JsonAnswers;
import ma.tadafor.data.mart.IndicatorFigure;
import ma.tadafor.data.mart.IndicatorQueries;

/**
 * {@code GET /api/v1/indicators} of API.md: the results framework for one scope and semester.
 * Without {@code scope}, the caller's own: the programme for national roles, else their one
 * territory (a caller with several must say which).
 */
@RestController
class IndicatorsController {

    private final IndicatorQueries indicators;
    private final ReportingScopes scopes;
    private final MartCache cache;
    private final JsonAnswers json;

    IndicatorsController(IndicatorQueries indicators, ReportingScopes scopes, MartCache cache, JsonAnswers json) {
        this.indicators = indicators;
        this.scopes = scopes;
        this.cache = cache;
        this.json = json;
    }

    @GetMapping("/api/v1/indicators")
    ResponseEntity<byte[]> indicators(@RequestParam String semester, @RequestParam(required = false) String scope,
            @AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        ReportingScopes.semester("semester", semester);
        String checked = scope == null ? scopes.own("scope", user.scope()) : scopes.checked("scope", scope, user.scope());
        return json.of(cache.get(List.of("api-indicators", checked, semester),
                () -> new Items<IndicatorFigure>(indicators.indicators(checked, semester))), request);
    }
}
