package ma.tadafor.dashboard.publicdata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedActual;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.closure.Closure;
import ma.tadafor.data.closure.ClosureStore;
import ma.tadafor.data.mart.IndicatorFigure;
import ma.tadafor.data.mart.IndicatorQueries;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.ProgrammeMember;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * What the public may see (docs/PUBLIC.md), decided here once for the pages, the API and the open
 * data: the figures of a province's semester its committee approved (a closure APPROVED), of its
 * programme communes only, each one a province's or a programme commune's, protected for the
 * strictest audience by the disclosure layer. Every answer is kept in the {@link MartCache}, which
 * a refresh, an approval and a reopening empty.
 */
@Component
public class PublicFigures {

    private final ClosureStore closures;
    private final TerritoryQueries territories;
    private final IndicatorQueries indicators;
    private final Disclosure disclosure;
    private final MartCache cache;

    PublicFigures(ClosureStore closures, TerritoryQueries territories, IndicatorQueries indicators, Disclosure disclosure,
            MartCache cache) {
        this.closures = closures;
        this.territories = territories;
        this.indicators = indicators;
        this.disclosure = disclosure;
        this.cache = cache;
    }

    /**
     * An indicator of a province's approved semester as published: its definition and the province's
     * target, its protected actual. Never judged by the programme's target as the signed-in results
     * page is where the province has none: the programme's figures of a semester include provinces
     * that have not approved it.
     */
    public record PublicIndicator(IndicatorFigure definition, PublishedActual actual) {

        /** The status against the province's target; {@code NO_TARGET} when it has none. */
        public String status() {
            return definition.target() == null ? "NO_TARGET" : actual.status();
        }
    }

    /** The approved semesters, newest first, with the provinces that approved each. */
    public SortedMap<String, SortedSet<String>> approved() {
        return cache.get(List.of("public-approved"), () -> {
            SortedMap<String, SortedSet<String>> approved = new TreeMap<>(Collections.reverseOrder());
            for (Closure closure : closures.approved()) {
                approved.computeIfAbsent(closure.semester(), s -> new TreeSet<>()).add(closure.provinceCode());
            }
            return Collections.unmodifiableSortedMap(approved);
        });
    }

    /** The approved semesters of a province, newest first. */
    public List<String> semestersOf(String provinceCode) {
        return approved().entrySet().stream().filter(e -> e.getValue().contains(provinceCode)).map(Map.Entry::getKey).toList();
    }

    /** The provinces with at least one approved semester. */
    public SortedSet<String> provinces() {
        return approved().values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean published(String provinceCode, String semester) {
        return approved().getOrDefault(semester, Collections.emptySortedSet()).contains(provinceCode);
    }

    /** The programme's communes of a province, in code order. */
    public List<Commune> communes(String provinceCode) {
        return cache.get(List.of("public-communes", provinceCode), () -> List.copyOf(territories.communes(
                TerritorialScope.of(Set.of(), Set.of(provinceCode), Set.of()), true)));
    }

    /**
     * Participation for a question already checked by {@link #check}: within the programme's communes
     * of the provinces that approved its semester, protected for the public.
     */
    public PublishedParticipation participation(ParticipationQuery query) {
        String semester = (String) query.filters().get(ParticipationDimension.SEMESTER).get(0);
        return disclosure.participation(query, scope(semester), Audience.PROTECTED);
    }

    /** A province's or a commune's participation in an approved semester, grouped by {@code groupBy} (null: the total). */
    public PublishedParticipation participation(String provinceCode, String communeCode, String semester,
            ParticipationDimension groupBy) {
        Map<ParticipationDimension, List<Object>> filters = communeCode == null
                ? Map.of(ParticipationDimension.PROVINCE, List.of(provinceCode), ParticipationDimension.SEMESTER, List.of(semester))
                : Map.of(ParticipationDimension.COMMUNE, List.of(communeCode), ParticipationDimension.SEMESTER, List.of(semester));
        return participation(check(new ParticipationQuery(groupBy == null ? List.of() : List.of(groupBy), filters, null, null)));
    }

    /**
     * A question the public may ask: one approved semester (the latest approved if none is given), and
     * one province that approved it, one of its programme communes, or none (then every province that
     * approved it); every figure is made of the programme communes of provinces that approved the
     * semester, nothing else.
     *
     * @throws InvalidParameterException naming the parameter that asks for something unpublished
     */
    public ParticipationQuery check(ParticipationQuery query) {
        if (approved().isEmpty()) {
            throw new InvalidParameterException("semester", "no committee has approved a semester yet: nothing is published");
        }
        List<Object> semesters = query.filters().get(ParticipationDimension.SEMESTER);
        if (semesters == null) {
            Map<ParticipationDimension, List<Object>> filters = new LinkedHashMap<>(query.filters());
            filters.put(ParticipationDimension.SEMESTER, List.of(approved().firstKey()));
            return check(new ParticipationQuery(query.groupBy(), filters, query.from(), query.to()));
        }
        if (semesters.size() != 1 || !approved().containsKey((String) semesters.get(0))) {
            throw new InvalidParameterException("semester", "give one semester its committee approved, one of "
                    + approved().keySet());
        }
        String semester = (String) semesters.get(0);
        List<Object> provinces = query.filters().get(ParticipationDimension.PROVINCE);
        List<Object> communes = query.filters().get(ParticipationDimension.COMMUNE);
        if (provinces != null) {
            for (Object province : provinces) {
                if (!published(String.valueOf(province), semester)) {
                    throw new InvalidParameterException("province", "'" + province + "' has no approved figures for "
                            + semester + "; provinces published: " + approved().get(semester));
                }
            }
        }
        if (communes != null) {
            for (Object commune : communes) {
                String code = String.valueOf(commune);
                if (!published(code.substring(0, 6), semester)
                        || communes(code.substring(0, 6)).stream().noneMatch(c -> c.code().equals(code))) {
                    throw new InvalidParameterException("commune", "'" + code + "' is not a programme commune of a province "
                            + "that approved " + semester);
                }
            }
        }
        return query;
    }

    /** The indicators of a province's approved semester, each actual protected against the province's target. */
    public List<PublicIndicator> indicators(String provinceCode, String semester) {
        if (!published(provinceCode, semester)) {
            return List.of();
        }
        return cache.get(List.of("public-indicators", provinceCode, semester), () -> indicators
                .indicators("province:" + provinceCode, semester).stream()
                .map(figure -> new PublicIndicator(figure, disclosure.actual(figure.actual(), figure.target(), Audience.PROTECTED)))
                .toList());
    }

    /** The programme's communes of the provinces that approved {@code semester}: nothing else is counted. */
    private TerritorialScope scope(String semester) {
        Set<String> provinces = approved().getOrDefault(semester, Collections.emptySortedSet());
        Set<String> communes = territories.programmeMembers().stream().filter(m -> provinces.contains(m.provinceCode()))
                .map(ProgrammeMember::communeCode).collect(Collectors.toSet());
        return TerritorialScope.of(Set.of(), Set.of(), communes);
    }
}
