package ma.tadafor.dashboard.participation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.dashboard.closure.Closures;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedActual;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.mart.IndicatorFigure;
import ma.tadafor.data.mart.IndicatorQueries;
import ma.tadafor.data.mart.LineageItem;
import ma.tadafor.data.mart.LineageQueries;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The items a figure is made of (docs/TRUST.md), an indicator's actual or a participation figure of a
 * scope and semester, as {@code GET /api/v1/lineage} (API.md) answers and the "where does this number
 * come from?" page shows them. The figure is as the disclosure layer publishes it, each item's total
 * participants too; what an item adds to the figure and its cells are the administrator's only
 * (docs/PRIVACY.md).
 */
@Component
class Lineages {

    private final IndicatorQueries indicators;
    private final LineageQueries lineage;
    private final Disclosure disclosure;
    private final ReportingScopes scopes;
    private final Closures closures;
    private final TerritoryQueries territories;

    Lineages(IndicatorQueries indicators, LineageQueries lineage, Disclosure disclosure, ReportingScopes scopes,
            Closures closures, TerritoryQueries territories) {
        this.indicators = indicators;
        this.lineage = lineage;
        this.disclosure = disclosure;
        this.scopes = scopes;
        this.closures = closures;
        this.territories = territories;
    }

    /** The lineage of one figure; {@code scope} null for the caller's own. */
    Map<String, Object> of(String indicator, String semester, String scope, ParticipationParameters filters, SignedInUser user) {
        ReportingScopes.semester("semester", semester);
        String checked = scope == null ? scopes.own(user.scope()) : scopes.checked("scope", scope, user.scope());
        Audience audience = Audience.of(user);
        Map<String, Object> answer = new LinkedHashMap<>();
        List<LineageItem> items;
        if (indicator != null) {
            IndicatorFigure figure = indicators.indicators(checked, semester).stream().filter(f -> f.code().equals(indicator))
                    .findFirst().orElseThrow(() -> new InvalidParameterException("indicator", "no indicator has the code '" + indicator + "'"));
            PublishedActual actual = disclosure.actual(figure.actual(), figure.target(), audience);
            answer.put("indicator", indicator);
            answer.put("figure", actual.value());
            answer.put("suppressed", actual.suppressed());
            items = lineage.ofIndicator(indicator, checked, semester, audience.exact());
        } else {
            // semester binds to the filters too: it is the figure's own, given once.
            if (filters.groupBy() != null || filters.from() != null || filters.to() != null || filters.year() != null) {
                throw new InvalidParameterException(filters.groupBy() != null ? "groupBy" : filters.year() != null ? "year" : "from",
                        "a lineage is of one figure: give its scope and semester, and filters of other dimensions");
            }
            ParticipationQuery asked = ParticipationRequest.parse(filters, user.scope(), territories);
            Map<ParticipationDimension, List<Object>> figureFilters = new LinkedHashMap<>(asked.filters());
            figureFilters.put(ParticipationDimension.SEMESTER, List.of(semester));
            scopeFilter(checked, figureFilters);
            ParticipationQuery query = new ParticipationQuery(List.of(), figureFilters, null, null);
            PublishedParticipation figure = disclosure.participation(query, user.scope(), audience);
            answer.put("figure", figure.total().value());
            answer.put("suppressed", figure.total().suppressed());
            items = lineage.ofParticipation(asked, checked, semester, audience.exact());
        }
        answer.put("scope", checked);
        answer.put("semester", semester);
        answer.put("frozen", closures.frozen(checked, semester));
        List<Map<String, Object>> published = new ArrayList<>();
        for (LineageItem item : items) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("sourceId", item.sourceId());
            json.put("itemId", item.itemId());
            json.put("version", item.version());
            json.put("runId", item.runId());
            json.put("importId", item.importId());
            json.put("startDate", item.startDate());
            json.put("communeCode", item.communeCode());
            json.put("mechanism", item.mechanism());
            json.putAll(disclosure.lineageItem(item, audience));
            published.add(json);
        }
        answer.put("items", Disclosure.itemsBeside(published, Boolean.TRUE.equals(answer.get("suppressed")), audience));
        answer.put("disclosure", Disclosure.describe(audience));
        return answer;
    }

    /** The figure of a scope key is its territory's: a filter on it (none for the programme). */
    private static void scopeFilter(String scope, Map<ParticipationDimension, List<Object>> filters) {
        String[] levelAndCode = scope.split(":", 2);
        if (levelAndCode.length == 2) {
            ParticipationDimension dimension = ParticipationDimension.fromApiName(levelAndCode[0]).orElseThrow();
            if (filters.containsKey(dimension)) {
                throw new InvalidParameterException(dimension.apiName(), "give the territory as scope only");
            }
            filters.put(dimension, List.of(levelAndCode[1]));
        }
    }
}
