package ma.tadafor.dashboard.page;

/**
 * What a chart page, its data and its tables take from the query string, bound once per request:
 * the territory ({@code scope}, a {@link ma.tadafor.dashboard.api.ScopeKey}), the view's filters
 * (checked by {@link ViewFilters#of}) and, for a table, its {@code format}.
 */
public record PageQuery(String scope, String semester, String mechanism, String gender, String ageBand,
                        String disability, String format) {
}
