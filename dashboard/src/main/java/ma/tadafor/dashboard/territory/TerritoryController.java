package ma.tadafor.dashboard.territory;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.TerritoryQueries;

/** The territorial hierarchy, limited to the caller's scope. */
@RestController
@RequestMapping("/api/v1/territories")
class TerritoryController {

    private final TerritoryQueries territories;

    TerritoryController(TerritoryQueries territories) {
        this.territories = territories;
    }

    @GetMapping("/communes")
    Items<Commune> communes(@RequestParam(defaultValue = "false") boolean programme,
                            @AuthenticationPrincipal SignedInUser user) {
        List<Commune> communes = territories.communes(user.scope(), programme);
        return new Items<>(communes);
    }
}
