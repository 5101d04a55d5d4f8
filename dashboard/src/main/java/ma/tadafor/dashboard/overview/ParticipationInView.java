package ma.tadafor.dashboard.overview;

import static ma.tadafor.data.mart.ParticipationDimension.SEMESTER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.icepear.echarts.Option;

import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.chart.Charts;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
import ma.tadafor.dashboard.export.Table;
import ma.tadafor.dashboard.page.PageView;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQuery;

/**
 * The rules every part of the overview shares, fixed for one view while its figures are built:
 * participation is read in the view's territory and filters, through the caller's scope and the
 * disclosure layer (suppressed counts are null in charts and "< 5" in tables); words are the
 * reader's; a chart's title and description are {@code overview.chart.<id>[.description]}.
 */
final class ParticipationInView {

    private final Disclosure disclosure;
    private final Wording wording;
    private final PageView view;
    private final Audience audience;

    ParticipationInView(Disclosure disclosure, Wording wording, PageView view) {
        this.disclosure = disclosure;
        this.wording = wording;
        this.view = view;
        this.audience = Audience.of(view.user());
    }

    SignedInUser user() {
        return view.user();
    }

    ViewScope scope() {
        return view.scope();
    }

    ViewFilters filters() {
        return view.filters();
    }

    Audience audience() {
        return audience;
    }

    boolean rtl() {
        return Wording.arabic(view.locale());
    }

    Locale locale() {
        return view.locale();
    }

    /** The semesters with participation in view, oldest first. */
    List<String> semesters() {
        return participation(List.of(SEMESTER), null).rows().stream().map(row -> (String) row.value(SEMESTER))
                .filter(Objects::nonNull).toList();
    }

    /** The participation in view, of one semester or (null) of all. */
    PublishedParticipation participation(List<ParticipationDimension> groupBy, String semester) {
        Map<ParticipationDimension, List<Object>> where = new LinkedHashMap<>(view.scope().filter());
        where.putAll(view.filters().participation());
        if (semester != null) {
            where.put(SEMESTER, List.of(semester));
        }
        return disclosure.participation(new ParticipationQuery(groupBy, where, null, null), view.user().scope(), audience);
    }

    String text(String key) {
        return wording.text(key, view.locale());
    }

    String name(String french, String arabic) {
        return Wording.name(french, arabic, view.locale());
    }

    ChartView chart(String id, Option option, Table table) {
        return new ChartView(id, text("overview.chart." + id), text("overview.chart." + id + ".description"),
                Charts.json(option), table, null);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
