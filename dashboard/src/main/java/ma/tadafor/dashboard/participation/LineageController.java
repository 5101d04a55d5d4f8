package ma.tadafor.dashboard.participation;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import ma.tadafor.dashboard.security.SignedInUser;

/** {@code GET /api/v1/lineage} of API.md ({@link Lineages}). */
@RestController
class LineageController {

    private final Lineages lineages;

    LineageController(Lineages lineages) {
        this.lineages = lineages;
    }

    @GetMapping("/api/v1/lineage")
    @Operation(summary = "Where a figure comes from", description = "Roles: any signed-in user, within their scope. With `indicator`: that indicator's actual in `scope` and `semester`; without: the participation of `scope` and `semester` with the participation API's filters (one value each). `{figure, suppressed, frozen, items: [{sourceId, itemId, version, runId, importId, startDate, communeCode, mechanism, participants}], disclosure}`; ADMIN also gets each item's `contribution` to the figure and its `cells`.")
    Map<String, Object> lineage(@Parameter(description = "an indicator code such as R2.5") @RequestParam(required = false) String indicator,
            @Parameter(description = "a semester such as 2024S1") @RequestParam String semester,
            @Parameter(description = "`programme`, `region:05`, `province:05.091` or `commune:05.091.01.07`; default: the caller's own")
            @RequestParam(required = false) String scope,
            @Parameter(hidden = true) ParticipationParameters filters, @AuthenticationPrincipal SignedInUser user) {
        return lineages.of(indicator, semester, scope, filters, user);
    }
}
