package ma.tadafor.dashboard.quality;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.page.PageModel;
import ma.tadafor.dashboard.page.PageQuery;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.quality.CommuneQuality;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.data.user.UserRole;

/**
 * Data quality and ingestion: freshness and completeness per commune, the outliers in view (decided on by
 * ADMIN and PROGRAMME); runs and quarantine for ADMIN and PROGRAMME. Its charts are {@link DataQuality}'s.
 */
@Controller
class QualityController {

    private static final int RUNS = 10;
    private static final int QUARANTINED = 20;

    private final OperationsLog operations;
    private final TerritoryQueries territories;
    private final OutlierReview outliers;

    QualityController(OperationsLog operations, TerritoryQueries territories, OutlierReview outliers) {
        this.outliers = outliers;
        this.operations = operations;
        this.territories = territories;
    }

    @GetMapping("/quality")
    String page(PageQuery query, @AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
        ViewScope scope = ViewScope.resolve(query.scope(), user.scope(), territories);
        ViewFilters filters = new ViewFilters(null, null, null, null, null);
        PageModel.describe(model, "/quality", scope, filters, user.scope(), territories);
        model.addAttribute("staleAfterHours", CommuneQuality.STALE_AFTER_HOURS);
        model.addAttribute("outliers", outliers.list(user, scope.programme() ? null : scope.territory().code(), null, null,
                locale));
        UserRole role = user.account().role();
        boolean operates = role == UserRole.ADMIN || role == UserRole.PROGRAMME;
        model.addAttribute("decides", operates);
        if (operates) {
            model.addAttribute("runs", operations.recentRuns(RUNS));
            model.addAttribute("quarantine", operations.quarantine(QUARANTINED, locale));
        }
        return "pages/quality";
    }

    /** The page's confirm and exclude forms; a refusal (no reason) comes back to the page, named. */
    @PostMapping("/quality/outliers/{id}")
    @PreAuthorize("hasAnyRole('PROGRAMME', 'ADMIN')")
    String decide(@PathVariable long id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String scope,
            @AuthenticationPrincipal SignedInUser user, Locale locale, RedirectAttributes redirect) {
        try {
            outliers.decide(id, decision, reason, user, locale);
            redirect.addFlashAttribute("decided", true);
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("refusal", e.parameter() + " : " + e.getMessage());
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/quality").queryParamIfPresent("scope", Optional.ofNullable(scope))
                .fragment("outliers").encode().toUriString();
    }
}
