package ma.tadafor.dashboard.quality;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.dashboard.api.ScopeKey;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.quality.Outlier;
import ma.tadafor.data.territory.TerritoryQueries;

/** {@code /api/v1/quality/outliers} of API.md: the outliers in scope, and programme managers' decisions on them. */
@RestController
@RequestMapping("/api/v1/quality/outliers")
class OutliersController {

    private final OutlierReview review;
    private final TerritoryQueries territories;

    OutliersController(OutlierReview review, TerritoryQueries territories) {
        this.review = review;
        this.territories = territories;
    }

    record Answer(List<OutlierReview.OutlierView> items, Map<String, Object> disclosure) {
    }

    @GetMapping
    @Operation(summary = "Items and commune semesters flagged as departing from their history",
            description = "Roles: any signed-in user, within their scope; value and expected through the disclosure layer "
                    + "and score null for every role but ADMIN. `{items: [{id, kind, sourceId, itemId, communeCode, semester, "
                    + "value, expected, score, reason, status}], disclosure}`.")
    Answer outliers(
            @Parameter(description = "`programme`, `region:05`, `province:05.091` or `commune:05.091.01.07`; default: the caller's own")
            @RequestParam(required = false) String scope,
            @Parameter(description = "a semester such as 2024S1") @RequestParam(required = false) String semester,
            @Parameter(description = "FLAGGED, CONFIRMED or EXCLUDED") @RequestParam(required = false) String status,
            @AuthenticationPrincipal SignedInUser user, Locale locale) {
        ScopeKey checked = ScopeKey.parse("scope", scope, user.scope(), territories);
        return new Answer(review.list(user, checked.territory() == null ? null : checked.territory().code(),
                semester == null ? null : ReportingScopes.semester("semester", semester).code(), status(status), locale),
                Disclosure.describe(Audience.of(user)));
    }

    record DecisionRequest(String decision, String reason) {
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAnyRole('PROGRAMME', 'ADMIN')")
    @Operation(summary = "Confirm an outlier or exclude an item from the marts",
            description = "Roles: PROGRAMME, ADMIN. Body `{decision: CONFIRM or EXCLUDE, reason}`; an excluded item leaves "
                    + "the marts at the next refresh; a commune semester can only be confirmed; audited.")
    OutlierReview.OutlierView decide(@PathVariable long id, @RequestBody DecisionRequest request,
            @AuthenticationPrincipal SignedInUser user, Locale locale) {
        return review.decide(id, request.decision(), request.reason(), user, locale);
    }

    private static Outlier.Status status(String text) {
        if (text == null) {
            return null;
        }
        for (Outlier.Status status : Outlier.Status.values()) {
            if (status.name().equals(text)) {
                return status;
            }
        }
        throw new InvalidParameterException("status", "FLAGGED, CONFIRMED or EXCLUDED");
    }
}
