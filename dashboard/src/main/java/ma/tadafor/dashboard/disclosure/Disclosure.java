package ma.tadafor.dashboard.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ma.tadafor.analytics.indicators.StatusThresholds;
import ma.tadafor.dashboard.analytics.AnalyticsProperties;
import ma.tadafor.data.mart.ExactCount;
import ma.tadafor.data.closure.Revision;
import ma.tadafor.data.mart.IndicatorActual;
import ma.tadafor.data.mart.LineageItem;
import ma.tadafor.data.mart.ParticipationFigures;
import ma.tadafor.data.mart.ParticipationQueries;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.mart.ParticipationRate;
import ma.tadafor.data.quality.CommuneQuality;
import ma.tadafor.data.quality.Outlier;
import ma.tadafor.data.territory.TerritorialScope;

/**
 * The one disclosure layer (docs/PRIVACY.md): every figure made of participant counts goes through
 * here before anyone but the administrator sees it. It decides from the data an answer is made of,
 * never from the request's shape: each count is perturbed by the noise its own records' cell key
 * gives ({@link PerturbationTable}) and suppressed under 5, at every level of territory, with the
 * personal dimensions grouped, filtered or implied alike; shares, rates, indices and indicator
 * statuses are computed from protected counts only.
 */
@Component
public class Disclosure {

    public static final String METHOD = "cell-key-perturbation";

    private final ParticipationQueries participation;
    private final StatusThresholds thresholds;

    Disclosure(ParticipationQueries participation, AnalyticsProperties analytics) {
        this.participation = participation;
        this.thresholds = analytics.status().thresholds();
    }

    /** What every answer says of its figures: {@code {"protected": …, "method": …}}. */
    public static Map<String, Object> describe(Audience audience) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("protected", !audience.exact());
        description.put("method", audience.exact() ? "exact" : METHOD);
        return description;
    }

    public PublishedCount count(ExactCount count, Audience audience) {
        return audience.exact() ? new PublishedCount(count.value(), false) : PerturbationTable.protect(count);
    }

    /**
     * Participation for a question, within {@code scope}. A protected audience may only ask the
     * questions of {@link QuerySpace}: anything else is refused, naming the rule.
     */
    public PublishedParticipation participation(ParticipationQuery query, TerritorialScope scope, Audience audience) {
        if (!audience.exact()) {
            QuerySpace.check(query);
        }
        return published(participation.participation(query, scope), audience);
    }

    /**
     * Participation for a question an indicator's definition asks (the IATI file's breakdowns), at
     * national scope: its filters may list values, as definitions do, so it is not held to the query
     * space; it leaves the platform, so it is always protected.
     */
    public PublishedParticipation ofIndicatorDefinition(ParticipationQuery query) {
        return published(participation.participation(query, TerritorialScope.NATIONAL), Audience.PROTECTED);
    }

    private PublishedParticipation published(ParticipationFigures figures, Audience audience) {
        List<PublishedParticipation.Row> rows = new ArrayList<>(figures.rows().size());
        int suppressed = 0;
        for (ParticipationFigures.Row row : figures.rows()) {
            PublishedCount participants = count(row.participants(), audience);
            if (participants.suppressed()) {
                suppressed++;
            }
            rows.add(new PublishedParticipation.Row(row.dimensions(), participants,
                    participants.suppressed() ? null : row.activities()));
        }
        return new PublishedParticipation(rows, count(figures.totalParticipants(), audience), figures.totalActivities(),
                suppressed, !audience.exact());
    }

    /** A scope's participation against the census, every share and index from protected counts. */
    public PublishedRate rate(ParticipationRate rate, Audience audience) {
        PublishedCount participants = count(rate.participants(), audience);
        Double womenShare = PublishedCount.percent(count(rate.women(), audience), count(rate.knownGender(), audience));
        Double youthShare = PublishedCount.percent(count(rate.youth(), audience), count(rate.knownAge(), audience));
        Double disabilityShare = PublishedCount.percent(count(rate.disabled(), audience),
                count(rate.knownDisability(), audience));
        Long population = rate.population();
        Double per1000 = participants.suppressed() || population == null || population <= 0 ? null
                : participants.perturbed() * 1000.0 / population;
        return new PublishedRate(rate.semester(), participants, population, per1000, womenShare,
                index(womenShare, rate.womenPopulationShare()), youthShare, index(youthShare, rate.youthPopulationShare()),
                disabilityShare, index(disabilityShare, rate.disabilityPrevalence()));
    }

    /** A commune's completeness: shares of unknown values among its participants, from protected counts. */
    public PublishedCompleteness completeness(CommuneQuality commune, Audience audience) {
        PublishedCount participants = count(commune.participants(), audience);
        return new PublishedCompleteness(participants,
                PublishedCount.percent(count(commune.unknownGender(), audience), participants),
                PublishedCount.percent(count(commune.unknownAge(), audience), participants),
                PublishedCount.percent(count(commune.unknownDisability(), audience), participants));
    }

    /**
     * An outlier's figures: an item's participants and a commune semester's are counts like any other,
     * and so is the median they are set against (with the cell key of the history it is the median of);
     * the score is the administrator's only (docs/PRIVACY.md, "Outliers").
     */
    public PublishedOutlier outlier(Outlier outlier, Audience audience) {
        return new PublishedOutlier(count(outlier.value(), audience), count(outlier.expected(), audience),
                audience.exact() ? outlier.score() : null);
    }

    /**
     * An indicator's actual against its target: counts of participants protected like any other
     * count (however narrow the indicator's definition), shares from protected terms, and the status
     * from what is published, so that it tells no more than the figure.
     */
    public PublishedActual actual(IndicatorActual actual, Double target, Audience audience) {
        boolean protect = !audience.exact() && actual.ofParticipants() && actual.value() != null;
        PublishedCount numerator = term(actual.numerator(), actual.numeratorKey(), protect);
        PublishedCount denominator = term(actual.denominator(), actual.denominatorKey(), protect);
        if (!protect) {
            return new PublishedActual(actual.value(), false, status(actual.value(), target), numerator, denominator);
        }
        if (actual.share()) {
            Double share = PublishedCount.percent(numerator, denominator);
            return new PublishedActual(share, share == null && (numerator.suppressed() || denominator.suppressed()),
                    status(share, target), numerator, denominator);
        }
        PublishedCount count = PerturbationTable.protect(exact(actual.value(), actual.numeratorKey()));
        Long shown = count.value();
        return new PublishedActual(shown == null ? null : shown.doubleValue(), count.suppressed(),
                status((double) count.perturbed(), target), null, null);
    }

    /** A share's term as the share is published: protected when the share is, else as the mart has it (null: none). */
    private static PublishedCount term(Double value, Integer key, boolean protect) {
        if (value == null) {
            return null;
        }
        return protect ? PerturbationTable.protect(exact(value, key)) : new PublishedCount(Math.round(value), false);
    }

    /** As the refresh's status (ma.tadafor.analytics.indicators.IndicatorActuals), of a published actual. */
    private String status(Double actual, Double target) {
        if (actual == null || target == null) {
            return "NO_DATA";
        }
        double achieved = target == 0 ? Double.POSITIVE_INFINITY : actual / target;
        return achieved >= thresholds.onTrack() ? "ON_TRACK" : achieved >= thresholds.atRisk() ? "AT_RISK" : "OFF_TRACK";
    }

    /**
     * A revision of a closed semester: the approved figure and the current one, each through the same
     * path as any figure of its kind (a count protected by its own cell key, an indicator as
     * {@link #actual}), so that their difference is that of two protected figures, never an exact count.
     */
    public PublishedRevision revision(Revision revision, Audience audience) {
        return new PublishedRevision(actual(revision.approved(), null, audience), actual(revision.now(), null, audience));
    }

    /**
     * The items a figure is made of, as they may be listed beside it: none beside a suppressed figure
     * for a protected audience. Items are listed because they count in the figure, so four of them
     * under a "< 5" would give it back exactly (a lineage, a revision since approval alike).
     */
    public static <T> List<T> itemsBeside(List<T> items, boolean figureSuppressed, Audience audience) {
        return figureSuppressed && !audience.exact() ? List.of() : items;
    }

    /**
     * An item of a figure's lineage: its total participants published like any count; for the
     * administrator, also what it adds to the figure and its cells. Others never get an item's part
     * of a filtered figure nor its personal breakdown, which, summed over the items, would give the
     * exact figure back (docs/PRIVACY.md).
     */
    public Map<String, Object> lineageItem(LineageItem item, Audience audience) {
        Map<String, Object> published = new LinkedHashMap<>();
        PublishedCount participants = count(item.participants(), audience);
        published.put("participants", participants.value());
        if (participants.suppressed()) {
            published.put("suppressed", true);
        }
        if (audience.exact()) {
            published.put("contribution", item.contribution());
            if (item.contributionDenominator() != null) {
                published.put("contributionDenominator", item.contributionDenominator());
            }
            published.put("cells", item.cells());
        }
        return published;
    }

    private static ExactCount exact(Double value, Integer key) {
        return new ExactCount(value == null ? 0 : Math.round(value), key == null ? 0 : key);
    }

    private static Double index(Double share, Double populationShare) {
        return share == null || populationShare == null || populationShare <= 0 ? null : share / populationShare;
    }
}
