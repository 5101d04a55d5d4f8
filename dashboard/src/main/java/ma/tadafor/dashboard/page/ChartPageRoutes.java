package ma.tadafor.dashboard.page;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.export.TableExports;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.web.JsonAnswers;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The two addresses every {@link ChartPage} has beside the page itself, mapped once for all of them:
 * {@code <path>/data}, its figures as JSON (compressed once, see {@link JsonAnswers}), and
 * {@code <path>/table/<chart>}, one chart's table as CSV (the default), CSV for a French Excel or XLSX.
 * Both read the same query string as the page, so a link to a table downloads what the page shows.
 */
@Component
class ChartPageRoutes implements SmartInitializingSingleton {

    private static final Method DATA = ReflectionUtils.findMethod(Endpoints.class, "data", (Class<?>[]) null);
    private static final Method TABLE = ReflectionUtils.findMethod(Endpoints.class, "table", (Class<?>[]) null);

    private final RequestMappingHandlerMapping mappings;
    private final List<ChartPage> pages;
    private final TerritoryQueries territories;
    private final JsonAnswers json;
    private final TableExports exports;

    ChartPageRoutes(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
            List<ChartPage> pages, TerritoryQueries territories, JsonAnswers json, TableExports exports) {
        this.mappings = mappings;
        this.pages = pages;
        this.territories = territories;
        this.json = json;
        this.exports = exports;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (ChartPage page : pages) {
            Endpoints endpoints = new Endpoints(page);
            mappings.registerMapping(get(page.path() + "/data"), endpoints, DATA);
            mappings.registerMapping(get(page.path() + "/table/{chart}"), endpoints, TABLE);
        }
    }

    private RequestMappingInfo get(String path) {
        return RequestMappingInfo.paths(path).methods(RequestMethod.GET).options(mappings.getBuilderConfiguration()).build();
    }

    /** The handlers of one page, bound as any controller's are. */
    final class Endpoints {

        private final ChartPage page;

        Endpoints(ChartPage page) {
            this.page = page;
        }

        ResponseEntity<byte[]> data(PageQuery query, @PathVariable Map<String, String> path,
                @AuthenticationPrincipal SignedInUser user, Locale locale, HttpServletRequest request) {
            return json.of(page.figures(PageView.of(query, path, user, locale, territories)), request);
        }

        ResponseEntity<byte[]> table(@PathVariable String chart, PageQuery query, @PathVariable Map<String, String> path,
                @AuthenticationPrincipal SignedInUser user, Locale locale) {
            String format = query.format() == null ? "csv" : query.format();
            if (!TableExports.wantsFile(format)) {
                throw new InvalidParameterException("format", "must be csv or xlsx");
            }
            ChartView view = page.figures(PageView.of(query, path, user, locale, territories)).charts().stream()
                    .filter(candidate -> candidate.id().equals(chart)).findFirst()
                    .orElseThrow(() -> new InvalidParameterException("chart", "'" + chart + "' is not a chart of this page"));
            return exports.download(view.table(), format);
        }
    }
}
