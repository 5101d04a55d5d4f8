package ma.tadafor.dashboard.results;

import static ma.tadafor.data.mart.ParticipationDimension.AGE_BAND;
import static ma.tadafor.data.mart.ParticipationDimension.COMMUNE;
import static ma.tadafor.data.mart.ParticipationDimension.DISABILITY;
import static ma.tadafor.data.mart.ParticipationDimension.GENDER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.chart.Charts;
import ma.tadafor.dashboard.chart.Drill;
import ma.tadafor.dashboard.export.Table;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.participation.SmallCellSuppression;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.framework.IndicatorDefinition;
import ma.tadafor.data.framework.ResultsFrameworkStore;
import ma.tadafor.data.mart.IndicatorContributionQueries;
import ma.tadafor.data.mart.IndicatorContributionQueries.Contribution;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationFigures;
import ma.tadafor.data.user.UserRole;

/**
 * One indicator of a territory broken down by its communes: each commune's actual and, for a
 * share, the numerator and denominator the territory's share adds up from. An indicator that counts
 * persons filtered by disability, or by two or more of gender, age band and disability, is a small
 * breakdown at commune level: its counts from 1 to 4 are shown as "< 5", with the share that
 * would give them away, and a second count when one alone could be derived from the territory's
 * total (issue 5's rule); the administrator sees exact figures.
 */
@Service
class IndicatorContributions {

    static final String HIDDEN = "< 5";
    private static final int IN_CHART = 20;
    private static final Map<String, ParticipationDimension> PERSONAL_FIELDS = Map.of("gender", GENDER,
            "ageBand", AGE_BAND, "disability", DISABILITY);

    private final ResultsFrameworkStore framework;
    private final IndicatorContributionQueries contributions;
    private final MessageSource messages;
    private final MartCache cache;

    IndicatorContributions(ResultsFrameworkStore framework, IndicatorContributionQueries contributions,
            MessageSource messages, MartCache cache) {
        this.framework = framework;
        this.contributions = contributions;
        this.messages = messages;
        this.cache = cache;
    }

    record IndicatorData(String code, String scope, String semester, List<ChartView> charts) {
    }

    IndicatorDefinition definition(String code) {
        return framework.indicator(code).orElseThrow(() -> new InvalidParameterException("code", "no indicator " + code));
    }

    /**
     * Built once per marts and framework for each view: the caller's scope, whether counts are exact,
     * the territory, the semester and the language.
     */
    IndicatorData data(String code, SignedInUser user, ViewScope scope, String semester, Locale locale) {
        return cache.get(List.of("contributions", code, user.scope(), user.account().role() == UserRole.ADMIN, scope.key(),
                String.valueOf(semester), locale.getLanguage()), () -> compute(code, user, scope, semester, locale));
    }

    private IndicatorData compute(String code, SignedInUser user, ViewScope scope, String semester, Locale locale) {
        IndicatorDefinition indicator = definition(code);
        boolean rtl = locale.getLanguage().equals("ar");
        boolean share = indicator.computation().startsWith("SHARE_");
        List<Contribution> communes = semester == null ? List.of() : contributions.contributions(code, semester,
                user.scope(), scope.programme() ? null : scope.territory().code());
        boolean[] hidden = hidden(indicator, share, communes, user);

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < communes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> hidden[i] || communes.get(i).actual() == null ? Double.NEGATIVE_INFINITY
                : communes.get(i).actual()).reversed());
        List<String> names = new ArrayList<>();
        List<Drill> bars = new ArrayList<>();
        List<List<Object>> table = new ArrayList<>();
        for (int i : order) {
            Contribution commune = communes.get(i);
            String name = rtl ? commune.nameAr() : commune.nameFr();
            names.add(name);
            bars.add((Drill) new Drill().setDrill(new ViewFilters(semester, null, null, null, null)
                    .url("/results/indicators/" + code, "commune:" + commune.communeCode()))
                    .setValue(hidden[i] ? null : commune.actual()));
            List<Object> row = new ArrayList<>(Arrays.asList(commune.communeCode(), name,
                    hidden[i] ? HIDDEN : rounded(commune.actual())));
            if (share) {
                row.add(hidden[i] ? HIDDEN : rounded(commune.numerator()));
                row.add(rounded(commune.denominator()));
            }
            table.add(row);
        }
        // The chart shows the leading communes legibly; the table lists them all.
        int shown = Math.min(IN_CHART, names.size());
        Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis"))
                .setYAxis(Charts.sideCategories(names.subList(0, shown), rtl))
                .setXAxis(Charts.bottomValues(rtl).setName(share ? "%" : null))
                .setSeries(new BarSeries().setName(text("results.column.actual", locale))
                        .setData(bars.subList(0, shown).toArray(Drill[]::new)));
        List<String> columns = new ArrayList<>(List.of(text("column.code", locale), text("column.commune", locale),
                text("results.column.actual", locale)));
        if (share) {
            columns.add(text("results.column.numerator", locale));
            columns.add(text("results.column.denominator", locale));
        }
        ChartView chart = new ChartView("contributions", text("results.chart.contributions", locale),
                text(share ? "results.chart.contributions.share" : "results.chart.contributions.description", locale),
                Charts.json(option), new Table("indicator-" + code + "-communes-" + semester, columns, table), null);
        return new IndicatorData(code, scope.key(), semester, List.of(chart));
    }

    /** Which communes' figures to hide; none for the administrator or an indicator that is no small breakdown. */
    private static boolean[] hidden(IndicatorDefinition indicator, boolean share, List<Contribution> communes,
            SignedInUser user) {
        if (user.account().role() == UserRole.ADMIN || !indicator.computation().endsWith("_PARTICIPANTS")
                || !SmallCellSuppression.applies(personalFields(indicator), true)) {
            return new boolean[communes.size()];
        }
        // The persons counted: a share's numerator, else the actual itself.
        List<ParticipationFigures.Row> counts = communes.stream().map(commune -> new ParticipationFigures.Row(
                Map.of(COMMUNE, commune.communeCode()), count(share ? commune.numerator() : commune.actual()), 0)).toList();
        return SmallCellSuppression.hidden(List.of(COMMUNE), counts);
    }

    /** The personal dimensions the indicator's filters name. */
    static List<ParticipationDimension> personalFields(IndicatorDefinition indicator) {
        return Stream.of(indicator.activityFilter(), indicator.shareFilter()).filter(Objects::nonNull)
                .flatMap(filter -> Arrays.stream(filter.split(";")))
                .map(condition -> PERSONAL_FIELDS.get(condition.split("=", 2)[0].strip()))
                .filter(Objects::nonNull).distinct().toList();
    }

    private static long count(Double value) {
        return value == null ? 0 : Math.round(value);
    }

    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
