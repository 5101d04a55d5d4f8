package ma.tadafor.dashboard.indicators;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.dashboard.security.SignedInUser;
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

    IndicatorsController(IndicatorQueries indicators, ReportingScopes scopes) {
        this.indicators = indicators;
        this.scopes = scopes;
    }

    @GetMapping("/api/v1/indicators")
    Items<IndicatorFigure> indicators(@RequestParam String semester, @RequestParam(required = false) String scope,
            @AuthenticationPrincipal SignedInUser user) {
        ReportingScopes.semester("semester", semester);
        String checked = scope == null ? scopes.own("scope", user.scope()) : scopes.checked("scope", scope, user.scope());
        return new Items<>(indicators.indicators(checked, semester));
    }
}
