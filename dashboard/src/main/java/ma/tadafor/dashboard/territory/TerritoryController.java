package ma.tadafor.dashboard.territory;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.export.Table;
import ma.tadafor.dashboard.export.TableExports;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.TerritoryQueries;

/** The territorial hierarchy, limited to the caller's scope. */
@RestController
@RequestMapping("/api/v1/territories")
class TerritoryController {

    private static final List<String> COLUMNS = List.of("code", "nameFr", "nameAr", "provinceCode", "regionCode", "type",
            "cohort", "populationTotal", "populationFemale", "populationMale");

    private final TerritoryQueries territories;
    private final TableExports exports;

    TerritoryController(TerritoryQueries territories, TableExports exports) {
        this.territories = territories;
        this.exports = exports;
    }

    /** JSON by default; {@code format=csv} or {@code xlsx} downloads the same rows. */
    @GetMapping("/communes")
    @Operation(summary = "Communes in the caller's scope", description = "Roles: any signed-in user, within their scope. `{items: [{code, nameFr, nameAr, provinceCode, regionCode, type, cohort, population: {total, female, male}}]}`; `format=csv` or `xlsx` downloads the same rows.")
    ResponseEntity<?> communes(@Parameter(description = "true: programme communes only") @RequestParam(defaultValue = "false") boolean programme,
                               @Parameter(description = "`csv` or `xlsx` for a file; JSON otherwise") @RequestParam(required = false) String format,
                               @AuthenticationPrincipal SignedInUser user) {
        List<Commune> communes = territories.communes(user.scope(), programme);
        if (!TableExports.wantsFile(format)) {
            return ResponseEntity.ok(new Items<>(communes));
        }
        return exports.download(new Table("communes", COLUMNS, communes.stream().map(TerritoryController::row).toList()),
                format);
    }

    private static List<Object> row(Commune commune) {
        return Arrays.asList(commune.code(), commune.nameFr(), commune.nameAr(), commune.provinceCode(),
                commune.regionCode(), commune.type(), commune.cohort(), commune.population().total(),
                commune.population().female(), commune.population().male());
    }
}
