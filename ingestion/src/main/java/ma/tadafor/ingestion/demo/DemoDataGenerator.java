package ma.tadafor.ingestion.demo;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.indh.IndhProject;

/**
 * Deterministic demo data for the programme's communes: portal-feed activities from each commune's
 * joining date to 30 June 2025, and the INDH projects they converge with.
 *
 * <p>Everything depends only on (seed, scale) and the commune (or province) asked for, never on the
 * order or company it is asked in. {@code scale} multiplies the number of activities, not their sizes:
 * the 60 programme communes yield about {@value #PROGRAMME_CELLS_PER_SCALE} participation cells per unit
 * of scale; {@link #scaleFor} picks the scale for a target on any set of communes.
 */
public final class DemoDataGenerator {

    /** Participation cells the 60 programme communes yield at scale 1 (measured over ten seeds, ±5 %). */
    public static final long PROGRAMME_CELLS_PER_SCALE = 200_000;
    /** No generated item is updated after this instant: the portals were last read then. */
    public static final Instant CUTOFF = CommuneActivities.CUTOFF;

    private final long seed;
    private final double scale;

    public DemoDataGenerator(long seed, double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite: " + scale);
        }
        this.seed = seed;
        this.scale = scale;
    }

    /**
     * The commune's activities in feed order, (updatedAt, id), each item once in its latest version.
     * Generated lazily: only items not yet servable are held in memory.
     */
    public Stream<Activity> activities(DemoCommune commune) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                new CommuneActivities(seed, scale, commune),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    /**
     * The INDH projects of the communes' provinces, ordered by ref: the province-wide ones (null
     * communeCode) and each commune's own. Every {@code indhProjectRef} of these communes' activities
     * names one of them.
     */
    public List<IndhProject> indhProjects(List<DemoCommune> communes) {
        Stream<IndhProject> provinceWide = communes.stream().map(DemoCommune::provinceCode).distinct()
                .flatMap(province -> IndhPortfolio.provinceWide(seed, province).stream());
        Stream<IndhProject> communal = communes.stream()
                .flatMap(commune -> IndhPortfolio.ofCommune(seed, commune).stream());
        return Stream.concat(provinceWide, communal).distinct()
                .sorted(Comparator.comparing(IndhProject::ref)).toList();
    }

    /**
     * The scale at which {@code communes} yield about {@code targetCells} participation cells, measured by
     * generating them once at scale 1 (cells grow linearly with scale).
     */
    public static double scaleFor(long targetCells, long seed, List<DemoCommune> communes) {
        DemoDataGenerator unit = new DemoDataGenerator(seed, 1.0);
        long cells = communes.stream().flatMap(unit::activities).mapToLong(a -> a.participation().size()).sum();
        if (cells == 0) {
            throw new IllegalArgumentException("these communes yield no participation at all");
        }
        return (double) targetCells / cells;
    }
}
