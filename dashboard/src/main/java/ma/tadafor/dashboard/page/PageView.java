package ma.tadafor.dashboard.page;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * One view of a chart page, as its figures are built for: who looks (their scope and audience), at
 * which territory, through which filters, in which language; {@code path} holds the variables of
 * the page's address (the indicator's {@code code}).
 */
public record PageView(SignedInUser user, ViewScope scope, ViewFilters filters, Locale locale, Map<String, String> path) {

    /** The view a query asks for: an unknown scope or filter value is a 400, a scope beyond the caller's a 403. */
    public static PageView of(PageQuery query, Map<String, String> path, SignedInUser user, Locale locale,
            TerritoryQueries territories) {
        return new PageView(user, ViewScope.resolve(query.scope(), user.scope(), territories), ViewFilters.of(query),
                locale, path);
    }

    /**
     * What a page's figures for this view are kept under ({@link ma.tadafor.dashboard.warehouse.MartCache}):
     * the page and all they depend on, the caller's scope and audience (exact or protected), the
     * territory, the filters, the language and the path's variables.
     */
    public List<Object> key(String page) {
        return List.of(page, user.scope(), Audience.of(user), scope.key(), filters, locale.getLanguage(), path);
    }
}
