package ma.tadafor.dashboard.overview;

import static ma.tadafor.data.mart.ParticipationDimension.AGE_BAND;
import static ma.tadafor.data.mart.ParticipationDimension.COMMUNE;
import static ma.tadafor.data.mart.ParticipationDimension.DISABILITY;
import static ma.tadafor.data.mart.ParticipationDimension.GENDER;
import static ma.tadafor.data.mart.ParticipationDimension.MECHANISM;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import ma.tadafor.dashboard.disclosure.PublishedCount;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.wording.Numbers;
import ma.tadafor.data.mart.ParticipationDimension;

/**
 * The overview's headline figures of a semester, each beside the previous semester's and the
 * change: communes active, activities, participants, the shares of women, youth and persons with
 * a disability, petitions and participatory budgets. A figure that is one participation figure
 * links to its lineage ("where does this number come from?").
 */
@Component
class Headlines {

    /** A headline figure; {@code lineage}: its lineage page, when it is one participation figure. */
    record Headline(String key, String label, String value, String previous, String change, String lineage) {
    }

    /**
     * The participation filter (API name and value) of each headline figure that is one participation
     * figure, or of its items: communes and activities are counted from the same items as the
     * participants. The youth share spans two age bands, which a lineage (one value a filter) cannot ask.
     */
    private static final Map<String, List<String>> LINEAGE = Map.of("communes", List.of(), "activities", List.of(),
            "participants", List.of(), "women", List.of("gender", "F"), "disability", List.of("disability", "YES"),
            "petitions", List.of("mechanism", "PETITION"), "budgets", List.of("mechanism", "PARTICIPATORY_BUDGET"));

    List<Headline> of(ParticipationInView view, String semester) {
        String previous = ViewFilters.previous(semester);
        Map<String, PublishedParticipation> now = new LinkedHashMap<>();
        Map<String, PublishedParticipation> before = new LinkedHashMap<>();
        for (ParticipationDimension dimension : List.of(COMMUNE, GENDER, AGE_BAND, DISABILITY, MECHANISM)) {
            now.put(dimension.apiName(), view.participation(List.of(dimension), semester));
            before.put(dimension.apiName(), view.participation(List.of(dimension), previous));
        }
        List<Headline> headline = new ArrayList<>();
        headline.add(count(view, "communes", communesActive(now), communesActive(before)));
        headline.add(count(view, "activities", now.get("commune").totalActivities(), before.get("commune").totalActivities()));
        headline.add(count(view, "participants", now.get("commune").total(), before.get("commune").total()));
        headline.add(share(view, "women", now.get("gender"), before.get("gender"), GENDER, "F"::equals, "U"::equals));
        headline.add(share(view, "youth", now.get("ageBand"), before.get("ageBand"), AGE_BAND,
                band -> band.equals("18-24") || band.equals("25-34"), "UNKNOWN"::equals));
        headline.add(share(view, "disability", now.get("disability"), before.get("disability"), DISABILITY,
                "YES"::equals, "UNKNOWN"::equals));
        headline.add(count(view, "petitions", activities(now.get("mechanism"), "PETITION"),
                activities(before.get("mechanism"), "PETITION")));
        headline.add(count(view, "budgets", activities(now.get("mechanism"), "PARTICIPATORY_BUDGET"),
                activities(before.get("mechanism"), "PARTICIPATORY_BUDGET")));
        return headline.stream().map(h -> LINEAGE.containsKey(h.key()) ? new Headline(h.key(), h.label(), h.value(),
                h.previous(), h.change(), lineage(view, LINEAGE.get(h.key()), semester)) : h).toList();
    }

    /** The lineage page of the view's participation in {@code semester}, narrowed by {@code filter} (name, value). */
    private static String lineage(ParticipationInView view, List<String> filter, String semester) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/lineage").queryParam("scope", view.scope().key())
                .queryParam("semester", semester);
        ViewFilters filters = view.filters();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("mechanism", filters.mechanism());
        values.put("gender", filters.gender());
        values.put("ageBand", filters.ageBand());
        values.put("disability", filters.disability() == null ? null : filters.disability().equals("true") ? "YES" : "NO");
        if (!filter.isEmpty()) {
            values.put(filter.get(0), filter.get(1));
        }
        values.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value);
            }
        });
        return uri.encode().build().toUriString();
    }

    private static Headline count(ParticipationInView view, String key, PublishedCount now, PublishedCount before) {
        String change = now.suppressed() || before.suppressed() || before.perturbed() == 0 ? null
                : Numbers.change((now.perturbed() - before.perturbed()) * 100.0 / before.perturbed(), " %");
        return new Headline(key, view.text("overview.headline." + key),
                now.suppressed() ? PublishedCount.SUPPRESSED : Numbers.count(now.perturbed()),
                before.suppressed() ? PublishedCount.SUPPRESSED : Numbers.count(before.perturbed()), change, null);
    }

    private static Headline count(ParticipationInView view, String key, long now, long before) {
        String change = before == 0 ? null : Numbers.change((now - before) * 100.0 / before, " %");
        return new Headline(key, view.text("overview.headline." + key), Numbers.count(now), Numbers.count(before), change,
                null);
    }

    /**
     * A share of participants of known value, from the published rows: "< 5" when a count it is
     * made of is suppressed, since a share and its total would give the count back.
     */
    private static Headline share(ParticipationInView view, String key, PublishedParticipation now,
            PublishedParticipation before, ParticipationDimension dimension, Predicate<String> counted,
            Predicate<String> unknown) {
        Double nowShare = share(now, dimension, counted, unknown);
        Double beforeShare = share(before, dimension, counted, unknown);
        return new Headline(key, view.text("overview.headline." + key),
                nowShare == null && hasSuppressed(now, dimension, counted) ? PublishedCount.SUPPRESSED
                        : Numbers.percent(nowShare), Numbers.percent(beforeShare),
                nowShare == null || beforeShare == null ? null
                        : Numbers.change(nowShare - beforeShare, " " + view.text("overview.points")), null);
    }

    private static Double share(PublishedParticipation figures, ParticipationDimension dimension,
            Predicate<String> counted, Predicate<String> unknown) {
        long part = 0;
        long known = 0;
        for (PublishedParticipation.Row row : figures.rows()) {
            String value = String.valueOf(row.value(dimension));
            if (!unknown.test(value)) {
                if (row.participants().suppressed()) {
                    return null;
                }
                known += row.participants().perturbed();
                if (counted.test(value)) {
                    part += row.participants().perturbed();
                }
            }
        }
        return known == 0 ? null : part * 100.0 / known;
    }

    private static boolean hasSuppressed(PublishedParticipation figures, ParticipationDimension dimension,
            Predicate<String> counted) {
        return figures.rows().stream().anyMatch(row -> counted.test(String.valueOf(row.value(dimension)))
                && row.participants().suppressed());
    }

    /** Communes with at least one activity: a commune has a row only then. */
    private static long communesActive(Map<String, PublishedParticipation> figures) {
        return figures.get("commune").rows().size();
    }

    /** Activities of a mechanism; those of a row whose participants are suppressed are not shown. */
    private static long activities(PublishedParticipation figures, String mechanism) {
        return figures.rows().stream().filter(row -> mechanism.equals(row.value(MECHANISM)) && row.activities() != null)
                .mapToLong(PublishedParticipation.Row::activities).sum();
    }
}
