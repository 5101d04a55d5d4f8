package ma.tadafor.dashboard.page;

import org.springframework.ui.Model;

import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * What every dashboard page's template reads besides its own content: the scope shown and the way up
 * to it (breadcrumb), the filters, the URL its script fetches the data from ({@code <path>/data}),
 * where its charts' tables download ({@code <path>/table/<chart>}), and the query string that
 * reproduces the view.
 */
public final class PageModel {

    private PageModel() {
    }

    public static void describe(Model model, String path, ViewScope scope, ViewFilters filters, TerritorialScope allowed,
            TerritoryQueries territories) {
        model.addAttribute("scope", scope);
        model.addAttribute("breadcrumb", scope.ancestors(allowed, territories));
        model.addAttribute("filters", filters);
        model.addAttribute("dataUrl", filters.url(path + "/data", scope.key()));
        model.addAttribute("tableBase", path + "/table/");
        model.addAttribute("query", filters.url("", scope.key()));
    }
}
