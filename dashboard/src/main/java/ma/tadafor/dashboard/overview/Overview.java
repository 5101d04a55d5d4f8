package ma.tadafor.dashboard.overview;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.page.ChartPage;
import ma.tadafor.dashboard.page.EmptyCharts;
import ma.tadafor.dashboard.page.PageView;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.dashboard.wording.Wording;

/**
 * The overview of one territory and semester: headline figures against the previous semester and
 * six charts, every figure read through the caller's scope and the disclosure layer
 * ({@link ParticipationInView}). Each part is built by its own class; this one puts them together.
 */
@Service
class Overview implements ChartPage {

    private final Disclosure disclosure;
    private final Wording wording;
    private final MartCache cache;
    private final EmptyCharts empty;
    private final Headlines headlines;
    private final ParticipationBreakdowns breakdowns;
    private final ParticipationMap map;
    private final CommuneRanking ranking;

    Overview(Disclosure disclosure, Wording wording, MartCache cache, Headlines headlines,
            ParticipationBreakdowns breakdowns, ParticipationMap map, CommuneRanking ranking, EmptyCharts empty) {
        this.disclosure = disclosure;
        this.wording = wording;
        this.cache = cache;
        this.empty = empty;
        this.headlines = headlines;
        this.breakdowns = breakdowns;
        this.map = map;
        this.ranking = ranking;
    }

    record OverviewData(String scope, String semester, String previous, List<String> semesters,
                        List<Headlines.Headline> headline, List<ChartView> charts) implements ChartPage.Figures {
    }

    @Override
    public String path() {
        return "/overview";
    }

    /** The semesters with participation in view, oldest first: the choices of the semester filter. */
    List<String> semesters(PageView page) {
        return new ParticipationInView(disclosure, wording, page).semesters();
    }

    /**
     * The overview, built once per marts for each view: every figure comes from the marts (and the
     * reference territories), so the same view answers the same until the next refresh. The view is
     * what the figures depend on: the caller's scope, their audience (exact or protected), the territory,
     * the filters and the language.
     */
    @Override
    public OverviewData figures(PageView page) {
        return cache.get(page.key("overview"), () -> compute(new ParticipationInView(disclosure, wording, page)));
    }

    private OverviewData compute(ParticipationInView view) {
        List<String> semesters = view.semesters();
        String semester = view.filters().semester() != null ? view.filters().semester()
                : semesters.isEmpty() ? null : semesters.get(semesters.size() - 1);
        if (semester == null) {
            return new OverviewData(view.scope().key(), null, null, semesters, List.of(), List.of());
        }
        List<ChartView> charts = new ArrayList<>();
        charts.add(breakdowns.bySemester(view, semesters));
        charts.add(breakdowns.mechanisms(view, semester));
        charts.add(breakdowns.pyramid(view, semester));
        charts.add(breakdowns.disability(view, semester));
        ChartView areas = map.of(view, semester);
        if (areas != null) {
            charts.add(areas);
        }
        charts.add(ranking.of(view, semester));
        return new OverviewData(view.scope().key(), semester, ViewFilters.previous(semester), semesters,
                headlines.of(view, semester), empty.explained(charts, view.user(), view.scope(), view.locale()));
    }
}
