package ma.tadafor.dashboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

import ma.tadafor.dashboard.page.HeadlessChromium;

/**
 * The overview page in headless Chromium: the time from navigation start to every chart drawn
 * (ECharts' {@code finished}: data fetched, charts mounted, first animation over), and the bytes the
 * browser transferred, once with an empty cache and then with its cache as a returning user has it.
 */
final class OverviewInBrowser {

    /** One page load: milliseconds after navigation start, bytes over the wire, requests made. */
    record Load(double dataReadyMs, double drawnMs, long transferred, long decoded, int requests) {
    }

    record Result(String user, String path, Load cold, List<Load> warm, List<String> consoleErrors) {
    }

    /**
     * Marks, from the page's first byte on, when its data is in (every chart mounted) and when every
     * chart card says it is drawn; injected through DevTools so the product's script stays as it is.
     */
    private static final String WATCH = """
            window.__bench = {};
            new MutationObserver(function () {
              var root = document.querySelector('[data-page-data]');
              if (!root || window.__bench.drawn) { return; }
              if (root.dataset.ready && !window.__bench.ready) { window.__bench.ready = performance.now(); }
              var cards = document.querySelectorAll('.chart-card');
              if (root.dataset.ready === 'true' && cards.length > 0
                  && Array.prototype.every.call(cards, function (c) { return c.dataset.drawn === 'true'; })) {
                window.__bench.drawn = performance.now();
              }
            }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-drawn', 'data-ready'] });
            """;

    private static final String MEASURE = """
            var entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
            var transferred = 0, decoded = 0;
            entries.forEach(function (e) { transferred += e.transferSize; decoded += e.decodedBodySize; });
            return [window.__bench.ready || -1, window.__bench.drawn || -1, transferred, decoded, entries.length];
            """;

    private OverviewInBrowser() {
    }

    static Result measure(int port, String user, String password, String path, int warmLoads) {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn(user, password);
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
            browser.consoleErrors();
            Load cold = load(browser, path);
            List<Load> warm = new ArrayList<>();
            for (int i = 0; i < warmLoads; i++) {
                warm.add(load(browser, path));
            }
            return new Result(user, path, cold, warm, browser.consoleErrors());
        }
    }

    private static Load load(HeadlessChromium browser, String path) {
        browser.open(path);
        List<?> figures = (List<?>) browser.script(MEASURE);
        return new Load(((Number) figures.get(0)).doubleValue(), ((Number) figures.get(1)).doubleValue(),
                ((Number) figures.get(2)).longValue(), ((Number) figures.get(3)).longValue(),
                ((Number) figures.get(4)).intValue());
    }
}
