package ma.tadafor.dashboard.convergence;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import ma.tadafor.dashboard.api.ScopeKey;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.convergence.ConvergenceQueries;
import ma.tadafor.data.convergence.ProgrammeConvergence;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * {@code GET /api/v1/convergence} of API.md: convergence with INDH for a scope, one item per INDH
 * programme. Its figures count activities, communes and dirhams, never persons, so they do not
 * pass the disclosure layer (docs/PRIVACY.md protects participant counts).
 */
@RestController
class ConvergenceApiController {

    /** One INDH programme's convergence in the scope; {@code activeIndhShare} is a percentage of programme communes. */
    record Item(int programme, String programmeNameFr, long linkedActivities, long explicitActivities,
                long inferredActivities, long linkedCoConstruction, BigDecimal indhCoFinancingMad, BigDecimal tadaforMad,
                long programmeCommunes, long communesWithActiveIndh, Double activeIndhShare) {

        static Item of(ProgrammeConvergence p) {
            return new Item(p.programmeNo(), p.programmeNameFr(), p.linkedActivities(), p.explicitActivities(),
                    p.inferredActivities(), p.linkedCoConstruction(), p.indhCoFinancingMad(), p.tadaforMad(),
                    p.programmeCommunes(), p.communesWithActiveIndh(), p.activeIndhShare());
        }
    }

    record Answer(String scope, List<Item> items) {
    }

    private final ConvergenceQueries convergence;
    private final TerritoryQueries territories;
    private final MartCache cache;

    ConvergenceApiController(ConvergenceQueries convergence, TerritoryQueries territories, MartCache cache) {
        this.convergence = convergence;
        this.territories = territories;
        this.cache = cache;
    }

    @GetMapping("/api/v1/convergence")
    @Operation(summary = "Convergence with INDH for a scope", description = "Roles: any signed-in user, within their scope "
            + "(403 outside it). One item per INDH programme: activities linked to its projects (explicit links and "
            + "inferred ones a committee should confirm), co-financing in MAD, programme communes with an active INDH "
            + "project. Counts of activities and amounts, not of persons: no disclosure control applies.")
    Answer convergence(@Parameter(description = "`programme`, `region:05`, `province:05.091` or `commune:05.091.01.07`; "
            + "default: the caller's own (the programme for national roles, else their first territory from the top)")
                       @RequestParam(required = false) String scope,
                       @AuthenticationPrincipal SignedInUser user) {
        String checked = ScopeKey.parse("scope", scope, user.scope(), territories).key();
        return cache.get(List.of("api-convergence", checked),
                () -> new Answer(checked, convergence.byProgramme(checked).stream().map(Item::of).toList()));
    }
}
