package ma.tadafor.dashboard.report;

import static ma.tadafor.data.mart.ParticipationDimension.AGE_BAND;
import static ma.tadafor.data.mart.ParticipationDimension.COMMUNE;
import static ma.tadafor.data.mart.ParticipationDimension.DISABILITY;
import static ma.tadafor.data.mart.ParticipationDimension.GENDER;
import static ma.tadafor.data.mart.ParticipationDimension.PROVINCE;
import static ma.tadafor.data.mart.ParticipationDimension.SEMESTER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarLabel;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.charts.pie.PieDataItem;
import org.icepear.echarts.charts.pie.PieItemStyle;
import org.icepear.echarts.charts.pie.PieSeries;
import org.icepear.echarts.components.grid.Grid;
import org.icepear.echarts.components.series.LineStyle;
import org.icepear.echarts.origin.util.SeriesOption;

import ma.tadafor.dashboard.chart.Charts;
import ma.tadafor.dashboard.closure.ClosureReadings;
import ma.tadafor.dashboard.closure.RevisionLine;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedActual;
import ma.tadafor.dashboard.disclosure.PublishedCount;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
import ma.tadafor.dashboard.disclosure.PublishedRate;
import ma.tadafor.dashboard.period.Semester;
import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.committee.Meeting;
import ma.tadafor.data.committee.Recommendation;
import ma.tadafor.data.convergence.ConvergenceQueries;
import ma.tadafor.data.convergence.ProgrammeConvergence;
import ma.tadafor.dashboard.indicators.Standings;
import ma.tadafor.dashboard.indicators.Standings.Standing;
import ma.tadafor.dashboard.wording.Numbers;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.framework.Projection;
import ma.tadafor.data.mart.IndicatorFigure;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.mart.ParticipationRate;
import ma.tadafor.data.mart.ParticipationRateQueries;
import ma.tadafor.data.quality.CommuneQuality;
import ma.tadafor.data.quality.DataQualityQueries;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * What the committee brief says about a province and a semester (issue 7, item 4), read from the
 * same marts and committee tables as the pages, in the reader's language, with its charts as
 * ECharts options. Everything shown is already worded and formatted: the template only lays it out.
 * The brief leaves the platform: whoever prints it (a reader, or the job ahead of a meeting), every
 * figure made of participant counts is the protected one of the disclosure layer, a suppressed one
 * reading "< 5".
 */
final class CommitteeBrief {

    /** Moroccan month names (يناير … دجنبر) with Latin digits, as the administration writes dates. */
    private static final Locale ARABIC_MOROCCO = Locale.forLanguageTag("ar-MA");
    private static final String NONE = "–";
    /** The mart's values of an unknown gender, and of an unknown age band or disability. */
    private static final String UNKNOWN_GENDER = "U";
    private static final String UNKNOWN = "UNKNOWN";
    private static final List<String> STATUSES = List.of("ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_DATA");

    record Brief(String lang, boolean rtl, String provinceCode, String provinceName, String semester,
                 String asOf, List<CommuneRow> communes, List<Representation> participation,
                 String participants, String participantsPrevious, String per1000, List<IndicatorRow> indicators,
                 List<ConvergenceRow> convergence, List<QualityRow> quality, PreviousMeeting previousMeeting,
                 List<String> agenda, String chartOptions, Sealed sealed) {
    }

    /** A closed semester's seal (who approved its figures, and when) and its revisions since approval; null when open. */
    record Sealed(String approvedBy, String approvedOn, List<RevisionLine> revisions) {
    }

    record CommuneRow(String code, String name, String cohort, String participants, String previous, String per1000,
                      String womenIndex, String youthIndex, String disabilityIndex) {
    }

    /** A group's share of participants, its representation index (1 is parity) and the previous semester's share. */
    record Representation(String group, String share, String index, String previousShare) {
    }

    /** One indicator of the brief; {@code demo} when its baseline or target is the demo's invention. */
    record IndicatorRow(String code, String label, String unit, String baseline, String target, String actual,
                        String status, String statusLabel, boolean programmeStatus, boolean demo, String projected,
                        String projectedStatus, String projectedLabel) {
    }

    record ConvergenceRow(String programme, long linked, long explicit, long inferred, String indhMad, String tadaforMad,
                          String activeIndhShare) {
    }

    record QualityRow(String code, String name, String activities, String participants, String unknownGender,
                      String unknownAge, String unknownDisability, String state) {
    }

    record PreviousMeeting(String date, String place, List<RecommendationRow> recommendations) {
    }

    record RecommendationRow(String issuedOn, String text, String owner, String dueOn, String status,
                             String statusLabel, boolean overdue) {
    }

    private final TerritoryQueries territories;
    private final Disclosure disclosure;
    private final ParticipationRateQueries rates;
    private final Standings standings;
    private final ConvergenceQueries convergence;
    private final DataQualityQueries quality;
    private final CommitteeStore committees;
    private final Wording wording;
    private final ClosureReadings closures;

    CommitteeBrief(TerritoryQueries territories, Disclosure disclosure, ParticipationRateQueries rates,
            Standings standings, ConvergenceQueries convergence, DataQualityQueries quality,
            CommitteeStore committees, Wording wording, ClosureReadings closures) {
        this.closures = closures;
        this.territories = territories;
        this.disclosure = disclosure;
        this.rates = rates;
        this.standings = standings;
        this.convergence = convergence;
        this.quality = quality;
        this.committees = committees;
        this.wording = wording;
    }

    /**
     * The brief of {@code province} for {@code semester}, read through {@code scope}, as it stands on
     * {@code asOf}: the previous meeting is the last one held before that day, and recommendations
     * are overdue against it.
     */
    Brief build(Territory province, Semester semester, Locale locale, TerritorialScope scope, LocalDate asOf) {
        return new Writing(province, semester, locale, scope, asOf).brief();
    }

    /** One brief being written: its province, semester and language stay fixed throughout. */
    private final class Writing {

        private final Territory province;
        private final Semester semester;
        private final Locale locale;
        private final boolean rtl;
        private final TerritorialScope scope;
        private final LocalDate asOf;
        private final Map<String, String> charts = new LinkedHashMap<>();

        Writing(Territory province, Semester semester, Locale locale, TerritorialScope scope, LocalDate asOf) {
            this.province = province;
            this.semester = semester;
            this.locale = locale;
            this.rtl = Wording.arabic(locale);
            this.scope = scope;
            this.asOf = asOf;
        }

        Brief brief() {
            List<Commune> communes = territories.communes(scope, true).stream()
                    .filter(c -> c.provinceCode().equals(province.code())).toList();
            List<ParticipationRate> provinceRates = rates.semesters("province:" + province.code());
            Optional<PublishedRate> now = rate(provinceRates, semester);
            Optional<PublishedRate> before = rate(provinceRates, semester.previous());
            List<IndicatorRow> framework = framework();
            PreviousMeeting previous = previousMeeting();
            return new Brief(locale.getLanguage(), rtl, province.code(), name(province.nameFr(), province.nameAr()),
                    semester.code(), date(asOf), communes(communes), representation(now, before),
                    now.map(r -> shown(r.participants())).orElse("0"),
                    before.map(r -> shown(r.participants())).orElse("0"),
                    now.map(r -> decimal(r.participantsPer1000())).orElse(NONE), framework, convergence(),
                    quality(), previous, agenda(framework, previous), json(charts), sealed());
        }

        /** Of a closed semester: the figures above are the approved ones, and what changed since is listed apart. */
        private Sealed sealed() {
            return closures.seal("province:" + province.code(), semester.code()).map(seal -> new Sealed(seal.approvedBy(),
                    date(seal.approvedOn()), closures.revisions(seal.closureId(), Audience.PROTECTED, locale))).orElse(null);
        }

        private List<CommuneRow> communes(List<Commune> communes) {
            Map<String, PublishedCount> now = byCommune(semester);
            Map<String, PublishedCount> before = byCommune(semester.previous());
            List<CommuneRow> rows = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Number> per1000 = new ArrayList<>();
            for (Commune commune : communes) {
                PublishedCount participants = now.getOrDefault(commune.code(), PublishedCount.ZERO);
                Optional<PublishedRate> rate = rate(rates.semesters("commune:" + commune.code()), semester);
                Long population = commune.population().total();
                // of a suppressed count, a rate would give the count back
                Double perThousand = participants.suppressed() || population == null || population == 0 ? null
                        : participants.perturbed() * 1000.0 / population;
                String name = name(commune.nameFr(), commune.nameAr());
                rows.add(new CommuneRow(commune.code(), name, commune.cohort() == null ? NONE : text("brief.cohort." + commune.cohort()),
                        shown(participants), shown(before.getOrDefault(commune.code(), PublishedCount.ZERO)), decimal(perThousand),
                        rate.map(r -> index(r.womenIndex())).orElse(NONE), rate.map(r -> index(r.youthIndex())).orElse(NONE),
                        rate.map(r -> index(r.disabilityIndex())).orElse(NONE)));
                names.add(name);
                per1000.add(perThousand == null ? null : round(perThousand));
            }
            // room beyond the longest bar for its value
            Grid grid = new Grid().setContainLabel(true).setTop(8).setBottom(8).setLeft(rtl ? 48 : 8).setRight(rtl ? 8 : 48);
            charts.put("communes", Charts.json(base().setGrid(grid)
                    .setYAxis(Charts.sideCategories(names, rtl))
                    .setXAxis(Charts.bottomValues(rtl))
                    .setSeries(new BarSeries().setName(text("column.per1000")).setColor(Charts.PALETTE[2])
                            .setLabel(new BarLabel().setShow(true).setPosition(rtl ? "left" : "right"))
                            .setData(per1000.toArray()))));
            return rows;
        }

        /** Each commune's participants in {@code of}, as published. */
        private Map<String, PublishedCount> byCommune(Semester of) {
            return byCommune(Map.of(PROVINCE, List.of(province.code()), SEMESTER, List.of(of.code())));
        }

        private Map<String, PublishedCount> byCommune(Map<ParticipationDimension, List<Object>> filters) {
            Map<String, PublishedCount> counts = new HashMap<>();
            for (PublishedParticipation.Row row : participation(List.of(COMMUNE), filters).rows()) {
                counts.put((String) row.value(COMMUNE), row.participants());
            }
            return counts;
        }

        private PublishedParticipation participation(List<ParticipationDimension> groupBy,
                Map<ParticipationDimension, List<Object>> filters) {
            return disclosure.participation(new ParticipationQuery(groupBy, filters, null, null), scope, Audience.PROTECTED);
        }

        private List<Representation> representation(Optional<PublishedRate> now, Optional<PublishedRate> before) {
            List<Representation> rows = List.of(
                    new Representation(text("brief.group.women"), now.map(r -> percent(r.womenShare())).orElse(NONE),
                            now.map(r -> index(r.womenIndex())).orElse(NONE), before.map(r -> percent(r.womenShare())).orElse(NONE)),
                    new Representation(text("brief.group.youth"), now.map(r -> percent(r.youthShare())).orElse(NONE),
                            now.map(r -> index(r.youthIndex())).orElse(NONE), before.map(r -> percent(r.youthShare())).orElse(NONE)),
                    new Representation(text("brief.group.disability"), now.map(r -> percent(r.disabilityShare())).orElse(NONE),
                            now.map(r -> index(r.disabilityIndex())).orElse(NONE),
                            before.map(r -> percent(r.disabilityShare())).orElse(NONE)));
            List<String> groups = rows.stream().map(Representation::group).toList();
            Number[] indices = now.map(r -> new Number[] {round2(r.womenIndex()), round2(r.youthIndex()), round2(r.disabilityIndex())})
                    .orElse(new Number[3]);
            charts.put("indices", Charts.json(base().setLegend(Charts.legend(rtl))
                    .setXAxis(Charts.bottomCategories(groups, rtl).setAxisLabel(Map.of("interval", 0)))
                    .setYAxis(Charts.sideValues(rtl))
                    .setSeries(new SeriesOption[] {
                            new BarSeries().setName(text("brief.column.index")).setColor(Charts.PALETTE[0])
                                    .setLabel(new BarLabel().setShow(true).setPosition("top")).setData(indices),
                            new LineSeries().setName(text("brief.parity")).setColor(Charts.UNKNOWN).setShowSymbol(false)
                                    .setLineStyle(new LineStyle().setType("dashed")).setData(new Number[] {1, 1, 1})})));
            ageAndSex();
            return rows;
        }

        /** Participants by age band, women and men side by side: the province's semester. */
        private void ageAndSex() {
            PublishedParticipation figures = participation(List.of(AGE_BAND, GENDER),
                    Map.of(PROVINCE, List.of(province.code()), SEMESTER, List.of(semester.code())));
            List<String> bands = List.of(AgeBand.UNDER_18, AgeBand.AGE_18_24, AgeBand.AGE_25_34, AgeBand.AGE_35_59,
                    AgeBand.AGE_60_PLUS).stream().map(AgeBand::code).toList();
            Number[][] values = new Number[2][bands.size()];
            for (PublishedParticipation.Row row : figures.rows()) {
                int side = List.of("F", "M").indexOf(row.value(GENDER));
                int band = bands.indexOf(row.value(AGE_BAND));
                if (side >= 0 && band >= 0) {
                    values[side][band] = row.participants().value();
                }
            }
            charts.put("ageSex", Charts.json(base().setLegend(Charts.legend(rtl))
                    .setXAxis(Charts.bottomCategories(bands.stream().map(b -> text("ageBand." + b)).toList(), rtl))
                    .setYAxis(Charts.sideValues(rtl))
                    .setSeries(new SeriesOption[] {
                            new BarSeries().setName(text("gender.F")).setColor(Charts.WOMEN).setData(values[0]),
                            new BarSeries().setName(text("gender.M")).setColor(Charts.MEN).setData(values[1])})));
        }

        /** The province's indicators; where the province has no target of its own, the programme's target, status and projection. */
        private List<IndicatorRow> framework() {
            List<IndicatorRow> rows = new ArrayList<>();
            for (Standing standing : standings.of("province:" + province.code(), semester.code(), Audience.PROTECTED)) {
                IndicatorFigure figure = standing.figure();
                PublishedActual actual = standing.actual();
                Projection projection = standing.projection();
                rows.add(new IndicatorRow(figure.code(), name(figure.labelFr(), figure.labelAr()), figure.unit(),
                        Numbers.figure(figure.baseline(), figure.unit()), Numbers.figure(standing.target(), figure.unit()),
                        actual.suppressed() ? text("disclosure.suppressed") : Numbers.figure(actual.value(), figure.unit()),
                        standing.status(), text("status." + standing.statusWord()), standing.programmeTarget(), figure.demo(),
                        Numbers.figure(projection.value(), figure.unit()), projection.status(),
                        text("projection." + projection.status())));
            }
            Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(IndicatorRow::status, Collectors.counting()));
            List<PieDataItem> slices = new ArrayList<>();
            for (String status : STATUSES) {
                if (counts.containsKey(status)) {
                    slices.add(new PieDataItem().setName(text("status." + status) + " (" + counts.get(status) + ")")
                            .setValue(counts.get(status)).setItemStyle(new PieItemStyle().setColor(Charts.STATUS_COLOURS.get(status))));
                }
            }
            charts.put("status", Charts.json(base().setLegend(Charts.legend(rtl))
                    .setSeries(new PieSeries().setName(text("results.column.status"))
                            .setRadius(new String[] {"40%", "70%"}).setCenter(new String[] {"50%", "58%"})
                            .setData(slices.toArray(PieDataItem[]::new)))));
            return rows;
        }

        private List<ConvergenceRow> convergence() {
            List<ProgrammeConvergence> programmes = convergence.byProgramme("province:" + province.code());
            List<ConvergenceRow> rows = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (ProgrammeConvergence p : programmes) {
                String name = wording.textOr("indh.programme." + p.programmeNo(),
                        p.programmeNameFr() == null ? "INDH " + p.programmeNo() : p.programmeNameFr(), locale);
                names.add(name);
                rows.add(new ConvergenceRow(name, p.linkedActivities(), p.explicitActivities(), p.inferredActivities(),
                        mad(p.indhCoFinancingMad()), mad(p.tadaforMad()), percent(p.activeIndhShare())));
            }
            charts.put("convergence", Charts.json(base().setLegend(Charts.legend(rtl))
                    .setYAxis(Charts.sideCategories(names, rtl))
                    .setXAxis(Charts.bottomValues(rtl))
                    .setSeries(new SeriesOption[] {
                            new BarSeries().setName(text("convergence.explicit")).setStack("links").setColor(Charts.PALETTE[0])
                                    .setData(programmes.stream().map(p -> (Number) p.explicitActivities()).toArray()),
                            new BarSeries().setName(text("convergence.inferred")).setStack("links").setColor(Charts.PALETTE[1])
                                    .setData(programmes.stream().map(p -> (Number) p.inferredActivities()).toArray())})));
            return rows;
        }

        /**
         * Sources' state from the quality mart; participants since the start and the shares of them of
         * unknown gender, age and disability from published counts, as everything else here.
         */
        private List<QualityRow> quality() {
            List<CommuneQuality> communes = quality.communes(scope, province.code()).stream()
                    .sorted(Comparator.comparing(CommuneQuality::communeCode)).toList();
            Map<ParticipationDimension, List<Object>> all = Map.of(PROVINCE, List.of(province.code()));
            Map<String, PublishedCount> participants = byCommune(all);
            List<Map<String, PublishedCount>> unknown = List.of(byCommune(unknown(all, GENDER, UNKNOWN_GENDER)),
                    byCommune(unknown(all, AGE_BAND, UNKNOWN)), byCommune(unknown(all, DISABILITY, UNKNOWN)));
            List<QualityRow> rows = new ArrayList<>();
            List<Double[]> shares = new ArrayList<>();
            for (CommuneQuality c : communes) {
                PublishedCount total = participants.getOrDefault(c.communeCode(), PublishedCount.ZERO);
                Double[] share = unknown.stream().map(counts -> PublishedCount.percent(
                        counts.getOrDefault(c.communeCode(), PublishedCount.ZERO), total)).toArray(Double[]::new);
                shares.add(share);
                rows.add(new QualityRow(c.communeCode(), name(c.nameFr(), c.nameAr()), count(c.activities()), shown(total),
                        percent(share[0]), percent(share[1]), percent(share[2]),
                        text(c.sources() == 0 ? "quality.state.upload" : c.stale() ? "quality.state.stale" : "quality.state.fresh")));
            }
            List<String> names = rows.stream().map(QualityRow::name).toList();
            String[] keys = {"commune.unknown.gender", "commune.unknown.age", "commune.unknown.disability"};
            SeriesOption[] series = new SeriesOption[3];
            for (int k = 0; k < 3; k++) {
                int kind = k;
                series[k] = new BarSeries().setName(text(keys[k])).setColor(Charts.PALETTE[k + 3])
                        .setData(shares.stream().map(share -> (Number) round(share[kind])).toArray());
            }
            charts.put("quality", Charts.json(base().setLegend(Charts.legend(rtl))
                    .setYAxis(Charts.sideCategories(names, rtl))
                    .setXAxis(Charts.bottomValues(rtl).setName("%"))
                    .setSeries(series)));
            return rows;
        }

        /**
         * The last meeting held before the brief's day, with the recommendations it issued and those
         * of earlier meetings it still had to follow up; null when the committee has not met yet.
         */
        private PreviousMeeting previousMeeting() {
            Optional<Meeting> last = committees.meetings(scope, province.code()).stream()
                    .filter(m -> m.held() && m.heldOn().isBefore(asOf)).max(Comparator.comparing(Meeting::heldOn));
            if (last.isEmpty()) {
                return null;
            }
            Meeting meeting = last.get();
            List<RecommendationRow> rows = committees.recommendations(scope, province.code()).stream()
                    .filter(r -> r.meetingId() == meeting.id() || r.carriedTo(meeting) && r.status().open())
                    .map(this::recommendation).toList();
            return new PreviousMeeting(date(meeting.heldOn()), meeting.place(), rows);
        }

        private RecommendationRow recommendation(Recommendation r) {
            return new RecommendationRow(date(r.issuedOn()), name(r.textFr(), r.textAr()), r.ownerInstitution(), date(r.dueOn()),
                    r.status().name(), text("committee.status." + r.status().name()), r.overdue(asOf));
        }

        /** Items to put to the committee: follow-up of the last meeting, then what is overdue or off track. */
        private List<String> agenda(List<IndicatorRow> framework, PreviousMeeting previous) {
            List<String> items = new ArrayList<>();
            if (previous != null) {
                items.add(text("brief.agenda.followUp", previous.date()));
            }
            committees.recommendations(scope, province.code()).stream().filter(r -> r.overdue(asOf))
                    .forEach(r -> items.add(text("brief.agenda.overdue", name(r.textFr(), r.textAr()), r.ownerInstitution(),
                            date(r.dueOn()))));
            framework.stream().filter(row -> "OFF_TRACK".equals(row.status()))
                    .forEach(row -> items.add(text(row.programmeStatus() ? "brief.agenda.offTrackProgramme" : "brief.agenda.offTrack",
                            row.code(), row.label(), row.actual(), row.target())));
            if (items.size() == (previous == null ? 0 : 1)) {
                items.add(text("brief.agenda.nothingLate"));
            }
            items.add(text("brief.agenda.consultation"));
            return items;
        }

        /** A day as the reader writes it ("31 mars 2024", "31 مارس 2024"): no digits-and-hyphens for bidi to reorder. */
        private String date(LocalDate day) {
            return day == null ? NONE : DateTimeFormatter.ofPattern("d MMMM yyyy", rtl ? ARABIC_MOROCCO : Locale.FRENCH).format(day);
        }

        /** A published count as the brief writes it: "< 5" when suppressed. */
        private String shown(PublishedCount count) {
            return count.suppressed() ? text("disclosure.suppressed") : count(count.perturbed());
        }

        private Option base() {
            return Charts.base(rtl).setAnimation(false);
        }

        private String name(String french, String arabic) {
            return Wording.name(french, arabic, locale);
        }

        private String text(String key, Object... arguments) {
            return wording.text(key, locale, arguments);
        }
    }

    private Optional<PublishedRate> rate(List<ParticipationRate> rates, Semester semester) {
        return rates.stream().filter(r -> semester.code().equals(r.semester())).findFirst()
                .map(r -> disclosure.rate(r, Audience.PROTECTED));
    }

    /** {@code filters} and only the participants whose {@code dimension} is unknown ({@code value} in the mart's terms). */
    private static Map<ParticipationDimension, List<Object>> unknown(Map<ParticipationDimension, List<Object>> filters,
            ParticipationDimension dimension, String value) {
        Map<ParticipationDimension, List<Object>> narrowed = new EnumMap<>(filters);
        narrowed.put(dimension, List.of(value));
        return narrowed;
    }

    /** The charts' options as one JSON object, safe inside a script element: no {@code <} survives as such. */
    private static String json(Map<String, String> charts) {
        return charts.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}")).replace("<", "\\u003c");
    }

    private static String count(long value) {
        return Numbers.count(value);
    }

    private static String decimal(Double value) {
        return Numbers.decimal(value, 1);
    }

    private static String percent(Double value) {
        return Numbers.percent(value);
    }

    private static String index(Double value) {
        return Numbers.decimal(value, 2);
    }

    private static String mad(BigDecimal amount) {
        return amount == null ? Numbers.count(0) : Numbers.decimal(amount, 0);
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    private static Double round2(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
