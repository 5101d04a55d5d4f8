package ma.tadafor.ingestion.demo;

import static java.time.ZoneOffset.UTC;
import static ma.tadafor.data.activity.ActivityStatus.ACCEPTED;
import static ma.tadafor.data.activity.ActivityStatus.CANCELLED;
import static ma.tadafor.data.activity.ActivityStatus.CLOSED;
import static ma.tadafor.data.activity.ActivityStatus.HELD;
import static ma.tadafor.data.activity.ActivityStatus.IMPLEMENTED;
import static ma.tadafor.data.activity.ActivityStatus.IN_PROGRESS;
import static ma.tadafor.data.activity.ActivityStatus.ON_AGENDA;
import static ma.tadafor.data.activity.ActivityStatus.PLANNED;
import static ma.tadafor.data.activity.ActivityStatus.REJECTED;
import static ma.tadafor.data.activity.ActivityStatus.SUBMITTED;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStatus;
import ma.tadafor.data.activity.Association;
import ma.tadafor.data.activity.Funding;
import ma.tadafor.data.activity.Initiator;
import ma.tadafor.data.activity.LocalizedText;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.data.activity.Theme;
import ma.tadafor.data.indh.IndhProject;

/**
 * One commune's demo feed, generated day by day and served in feed order, (updatedAt, id).
 * An activity is published when it starts (a planned meeting up to {@link #MAX_NOTICE_DAYS} before),
 * and only its latest version is kept; so once generation has passed a day, every pending item
 * updated before that day minus the notice can be served. Memory holds only pending items.
 */
final class CommuneActivities implements Iterator<Activity> {

    static final Comparator<Activity> FEED_ORDER =
            Comparator.comparing(Activity::updatedAt).thenComparing(Activity::id);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 6, 30);
    /** The portals were last read then: no item is updated after it. */
    static final Instant CUTOFF = Instant.parse("2025-07-15T00:00:00Z");
    /** Activities a day per unit of scale in an average commune, tuned for the cells-per-scale figure. */
    private static final double BASE_RATE = 0.5;
    /** Volume grows by this share a year after the programme's start. */
    private static final double GROWTH = 0.2;
    private static final LocalDate PROGRAMME_START = LocalDate.of(2022, 9, 1);
    /** Co-construction funding and participatory budgets start in 2024 (programme timeline, Jan–Jun 2024). */
    private static final LocalDate FUNDING_START = LocalDate.of(2024, 1, 1);
    private static final int MAX_NOTICE_DAYS = 14;
    private static final double INDH_LINK_SHARE = 0.4;
    private static final double CONVERGENCE_SHARE = 0.08;
    private static final Set<Mechanism> CONVERGENT = EnumSet.of(Mechanism.CITIZEN_MEETING, Mechanism.DIALOGUE_SPACE,
            Mechanism.CONSULTATIVE_OPINION, Mechanism.PARTICIPATORY_BUDGET, Mechanism.IEECAG_SESSION);
    private static final Set<Mechanism> DIGITAL = EnumSet.of(Mechanism.SUGGESTION, Mechanism.INFORMATION_REQUEST,
            Mechanism.DIGITAL_CONSULTATION, Mechanism.SATISFACTION_SURVEY);
    /**
     * Planted outliers, so that the data-quality page has some to show (docs/TRUST.md, "Outliers"): about
     * one commune in four reports its first suggestion with participants at this many times their number,
     * as a portal keying 80 for 2 would. Suggestions are the most frequent mechanism, so even the tests'
     * small demo has the history to judge them by. Chosen from the commune's code, never from the random
     * draws, so that everything else generated stays as it was; their titles say they are planted.
     */
    static final int PLANTED_FACTOR = 40;
    private static final Mechanism PLANTED_MECHANISM = Mechanism.SUGGESTION;
    private static final int PLANTED_ONE_COMMUNE_IN = 4;
    private static final Mechanism[] MECHANISMS = Mechanism.values();
    private static final Theme[] THEMES = Theme.values();
    private static final Initiator[] INITIATORS = Initiator.values();
    private static final ActivityStatus[] SUGGESTION_ANSWERS = {ACCEPTED, REJECTED, CLOSED};
    private static final double[] SUGGESTION_ANSWER_WEIGHTS = Seeds.cumulative(30, 10, 60);

    private final DemoCommune commune;
    private final double scale;
    private final CommuneProfile profile;
    private final SplittableRandom random;
    private final ParticipationSampler sampler;
    private final List<IndhProject> projects;
    private final List<Association> associations;
    private final PriorityQueue<Activity> pending = new PriorityQueue<>(FEED_ORDER);
    private final boolean plantsOutlier;
    private boolean planted;
    private final int[] sequence = new int[MECHANISMS.length];
    private int sequenceYear;
    private LocalDate day;
    private Instant servable;
    // The activity being built: its latest status and when the portal published that.
    private ActivityStatus status;
    private Instant updatedAt;

    CommuneActivities(long seed, double scale, DemoCommune commune) {
        this.commune = commune;
        this.scale = scale;
        this.profile = CommuneProfile.of(seed, commune);
        this.random = Seeds.random(seed, "activities", commune.code());
        this.sampler = new ParticipationSampler(profile);
        this.projects = Stream.concat(IndhPortfolio.provinceWide(seed, commune.provinceCode()).stream(),
                IndhPortfolio.ofCommune(seed, commune).stream()).toList();
        this.associations = Associations.pool(seed, commune);
        this.plantsOutlier = Math.floorMod(commune.code().hashCode(), PLANTED_ONE_COMMUNE_IN) == 0;
        this.day = commune.joined();
        this.servable = servableBefore(day);
    }

    @Override
    public boolean hasNext() {
        while (!day.isAfter(LAST_DAY) && (pending.isEmpty() || !pending.peek().updatedAt().isBefore(servable))) {
            generate(day);
            day = day.plusDays(1);
            servable = servableBefore(day);
        }
        return !pending.isEmpty();
    }

    @Override
    public Activity next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    /** Items generated from {@code nextDay} on are all updated at or after this instant. */
    private static Instant servableBefore(LocalDate nextDay) {
        return nextDay.minusDays(MAX_NOTICE_DAYS).atStartOfDay(UTC).toInstant();
    }

    private void generate(LocalDate today) {
        long months = ChronoUnit.MONTHS.between(commune.joined(), today);
        int count = poisson(rate(today, months));
        if (count == 0) {
            return;
        }
        double[] mechanismWeights = mechanismWeights(today, months);
        for (int i = 0; i < count; i++) {
            pending.add(activity(today, mechanismWeights));
        }
    }

    private double rate(LocalDate today, long months) {
        // Pilots were coached closely from the start; extension communes ramp up over half a year.
        double ramp = commune.pilot() ? (months < 6 ? 1.3 : 1.0) : Math.min(1.0, 0.4 + 0.1 * months);
        double years = ChronoUnit.DAYS.between(PROGRAMME_START, today) / 365.25;
        double weekday = today.getDayOfWeek().getValue() >= 6 ? 0.3 : 1.0;
        double season = today.getMonth() == Month.AUGUST ? 0.6 : 1.0;
        return BASE_RATE * scale * profile.activityLevel() * ramp * (1 + GROWTH * years) * weekday * season;
    }

    private double[] mechanismWeights(LocalDate today, long months) {
        double[] weights = new double[MECHANISMS.length];
        for (Mechanism mechanism : MECHANISMS) {
            double weight = MechanismSpec.of(mechanism).weight();
            if ((mechanism == Mechanism.CO_CONSTRUCTION_PROJECT || mechanism == Mechanism.PARTICIPATORY_BUDGET)
                    && today.isBefore(FUNDING_START)) {
                weight = 0;
            } else if (mechanism == Mechanism.TRAINING && months < 6) {
                weight *= 3; // officials and staff are trained first
            } else if (DIGITAL.contains(mechanism) && months < 4) {
                weight *= 0.25; // the model portal goes live a few months in
            }
            weights[mechanism.ordinal()] = weight;
        }
        return Seeds.cumulative(weights);
    }

    private Activity activity(LocalDate start, double[] mechanismWeights) {
        Mechanism mechanism = MECHANISMS[Seeds.pick(random, mechanismWeights)];
        MechanismSpec spec = MechanismSpec.of(mechanism);
        Theme drawnTheme = THEMES[Seeds.pick(random, spec.themes())];
        IndhProject project = indhLink(mechanism, drawnTheme, start);
        Theme theme = project == null ? drawnTheme : project.theme();
        Initiator initiator = INITIATORS[Seeds.pick(random, spec.initiators())];
        LocalDate end = endDate(mechanism, start);
        lifecycle(mechanism, start, end);
        List<ParticipationCell> participation = status == PLANNED || status == CANCELLED ? List.of()
                : participation(spec);
        boolean plant = plantsOutlier && !planted && mechanism == PLANTED_MECHANISM && !participation.isEmpty();
        planted |= plant;
        return new Activity(nextId(mechanism, spec, start), updatedAt, mechanism, status, start, end,
                plant ? plantedTitle(Titles.pick(random, mechanism, theme)) : Titles.pick(random, mechanism, theme),
                theme, initiator, plant ? planted(participation) : participation,
                mechanism == Mechanism.CO_CONSTRUCTION_PROJECT ? funding(project) : null,
                associations(mechanism, initiator), project == null ? null : project.ref());
    }

    private List<ParticipationCell> participation(MechanismSpec spec) {
        int people = Seeds.skewed(random, spec.minPeople(), spec.maxPeople());
        return random.nextDouble() < profile.unknownOnlyShare() ? ParticipationSampler.unknown(people)
                : sampler.sample(random, spec, people);
    }

    private static List<ParticipationCell> planted(List<ParticipationCell> cells) {
        return cells.stream().map(c -> new ParticipationCell(c.gender(), c.ageBand(), c.disability(), c.role(),
                c.count() * PLANTED_FACTOR)).toList();
    }

    private static LocalizedText plantedTitle(LocalizedText title) {
        return new LocalizedText(title.fr() + " (valeur atypique plantée, démo)", title.ar() + " (قيمة شاذة مزروعة، عرض)");
    }

    /** Consultations, surveys, budgets and co-construction projects span weeks to months. */
    private LocalDate endDate(Mechanism mechanism, LocalDate start) {
        return switch (mechanism) {
            case DIGITAL_CONSULTATION -> start.plusDays(random.nextInt(14, 61));
            case SATISFACTION_SURVEY -> start.plusDays(random.nextInt(14, 46));
            case PARTICIPATORY_BUDGET -> start.plusDays(random.nextInt(30, 121));
            case CO_CONSTRUCTION_PROJECT -> start.plusDays(random.nextInt(60, 301));
            case TRAINING -> random.nextInt(3) == 0 ? start.plusDays(random.nextInt(1, 3)) : null;
            default -> null;
        };
    }

    /** Walks the mechanism's life cycle as far as the cutoff lets it: the status is the last step reached. */
    private void lifecycle(Mechanism mechanism, LocalDate start, LocalDate end) {
        updatedAt = at(start, 8, 20);
        switch (mechanism) {
            case PETITION -> {
                status = SUBMITTED;
                PetitionLifecycle.Step next;
                while ((next = PetitionLifecycle.next(status, random)) != null && step(next)) {
                    // walks on until the petition stops or the cutoff comes
                }
            }
            case CONSULTATIVE_OPINION -> {
                status = SUBMITTED;
                if (random.nextDouble() < 0.8 && step(ON_AGENDA, 10, 60)) {
                    step(random.nextDouble() < 0.7 ? ACCEPTED : REJECTED, 5, 30);
                }
            }
            case SUGGESTION -> {
                status = SUBMITTED;
                if (random.nextDouble() < 0.6) {
                    step(SUGGESTION_ANSWERS[Seeds.pick(random, SUGGESTION_ANSWER_WEIGHTS)], 2, 30);
                }
            }
            case INFORMATION_REQUEST -> {
                status = SUBMITTED;
                if (random.nextDouble() < 0.85) {
                    step(random.nextDouble() < 0.85 ? CLOSED : REJECTED, 3, 40);
                }
            }
            case DIGITAL_CONSULTATION, SATISFACTION_SURVEY -> {
                status = IN_PROGRESS;
                closeAfter(end);
            }
            case PARTICIPATORY_BUDGET -> {
                status = IN_PROGRESS;
                if (closeAfter(end) && random.nextDouble() < 0.5) {
                    step(IMPLEMENTED, 60, 240);
                }
            }
            case CO_CONSTRUCTION_PROJECT -> {
                status = SUBMITTED;
                boolean accepted = random.nextDouble() < 0.8;
                if (step(accepted ? ACCEPTED : REJECTED, 15, 60) && accepted && step(IN_PROGRESS, 10, 60)) {
                    int left = daysUntil(end);
                    step(IMPLEMENTED, left, left + 30);
                }
            }
            default -> meeting(start);
        }
    }

    /** Meetings, sessions and trainings: announced, then held (and reported) or cancelled. */
    private void meeting(LocalDate date) {
        // Meetings of the last fortnight are often still shown as announced when the portals are read.
        double announcedOnly = date.isAfter(LAST_DAY.minusDays(15)) ? 0.5 : 0.02;
        int notice = random.nextInt(1, MAX_NOTICE_DAYS + 1);
        if (random.nextDouble() < announcedOnly && !date.minusDays(notice).isBefore(commune.joined())) {
            status = PLANNED;
            updatedAt = at(date.minusDays(notice), 9, 18);
        } else if (random.nextDouble() < 0.04) {
            status = CANCELLED;
        } else {
            status = HELD;
            // Reported hours to days after the meeting; some reports are completed later.
            updatedAt = at(date, 10, 18).plusSeconds(3600L * Seeds.skewed(random, 2, 96));
            if (random.nextDouble() < 0.1) {
                step(HELD, 3, 30);
            }
        }
    }

    private boolean closeAfter(LocalDate end) {
        int left = daysUntil(end);
        return step(CLOSED, left + 1, left + 10);
    }

    /** Moves to {@code next} some days later, unless that is past the cutoff. */
    private boolean step(ActivityStatus next, int minDays, int maxDays) {
        return step(new PetitionLifecycle.Step(next, minDays, maxDays));
    }

    private boolean step(PetitionLifecycle.Step next) {
        Instant then = next.after(updatedAt, random);
        if (then.isAfter(CUTOFF)) {
            return false;
        }
        status = next.status();
        updatedAt = then;
        return true;
    }

    private int daysUntil(LocalDate date) {
        return (int) Math.max(1, ChronoUnit.DAYS.between(LocalDate.ofInstant(updatedAt, UTC), date));
    }

    private Instant at(LocalDate date, int fromHour, int toHour) {
        return date.atStartOfDay(UTC).toInstant().plusSeconds(random.nextInt(fromHour * 3600, toHour * 3600));
    }

    /** Co-construction projects often, and a few other activities, line up with an INDH project. */
    private IndhProject indhLink(Mechanism mechanism, Theme theme, LocalDate start) {
        if (mechanism == Mechanism.CO_CONSTRUCTION_PROJECT) {
            return random.nextDouble() < INDH_LINK_SHARE ? project(null, start) : null;
        }
        return CONVERGENT.contains(mechanism) && random.nextDouble() < CONVERGENCE_SHARE ? project(theme, start) : null;
    }

    /** A project of the commune or its province on {@code theme} (any if null), started or due within a year. */
    private IndhProject project(Theme theme, LocalDate start) {
        LocalDate horizon = start.plusYears(1);
        int matches = 0;
        for (IndhProject project : projects) {
            if (fits(project, theme, horizon)) {
                matches++;
            }
        }
        int chosen = matches == 0 ? -1 : random.nextInt(matches);
        for (IndhProject project : projects) {
            if (fits(project, theme, horizon) && chosen-- == 0) {
                return project;
            }
        }
        return null;
    }

    private static boolean fits(IndhProject project, Theme theme, LocalDate horizon) {
        return (theme == null || project.theme() == theme) && project.startDate().isBefore(horizon);
    }

    private Funding funding(IndhProject project) {
        long total = 1000L * Seeds.skewed(random, 50, 600);
        long indh = project == null ? 0 : hundreds(total * random.nextDouble(0.2, 0.5));
        long communeShare = hundreds(total * random.nextDouble(0.1, 0.3));
        long other = random.nextDouble() < 0.3 ? hundreds(total * random.nextDouble(0.02, 0.1)) : 0;
        return new Funding(BigDecimal.valueOf(total - indh - communeShare - other), BigDecimal.valueOf(communeShare),
                BigDecimal.valueOf(indh), BigDecimal.valueOf(other));
    }

    private static long hundreds(double mad) {
        return Math.round(mad / 100) * 100;
    }

    private List<Association> associations(Mechanism mechanism, Initiator initiator) {
        int count = switch (mechanism) {
            case CO_CONSTRUCTION_PROJECT -> random.nextInt(1, 4);
            case DIALOGUE_SPACE -> random.nextInt(2, 7);
            default -> initiator == Initiator.ASSOCIATION ? 1 : 0;
        };
        return count == 0 ? List.of()
                : random.ints(0, associations.size()).distinct().limit(count).mapToObj(associations::get).toList();
    }

    /** Ids number a mechanism's items per year, in the order they started: {@code petition-2024-017}. */
    private String nextId(Mechanism mechanism, MechanismSpec spec, LocalDate start) {
        if (start.getYear() != sequenceYear) {
            Arrays.fill(sequence, 0);
            sequenceYear = start.getYear();
        }
        int number = ++sequence[mechanism.ordinal()];
        StringBuilder id = new StringBuilder(spec.idPrefix().length() + 10)
                .append(spec.idPrefix()).append('-').append(sequenceYear).append('-');
        if (number < 100) {
            id.append('0');
        }
        if (number < 10) {
            id.append('0');
        }
        return id.append(number).toString();
    }

    private int poisson(double mean) {
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double threshold = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > threshold) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
