package ma.tadafor.dashboard.page;

import java.util.List;

import ma.tadafor.dashboard.chart.ChartView;

/**
 * A page of charts as its service sees it: an address and the figures of one view. The rest is
 * the same for every such page and written once in {@link ChartPageRoutes}: the figures as JSON
 * for the page's script at {@code <path>/data}, and each chart's table as a file at
 * {@code <path>/table/<chart>}. The page itself stays with its controller, which renders it.
 */
public interface ChartPage {

    /** Where the page is, path variables written as in a mapping ({@code /results/indicators/{code}}). */
    String path();

    Figures figures(PageView view);

    /** What a page's script draws; each chart carries its table. */
    interface Figures {

        List<ChartView> charts();
    }
}
