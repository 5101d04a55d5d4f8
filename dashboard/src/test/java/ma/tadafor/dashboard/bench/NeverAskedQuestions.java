package ma.tadafor.dashboard.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.activity.Gender;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.Role;

/**
 * Questions nobody asked before, as the pages and the API allow each role to ask them: a random
 * scope within the caller's, random filters (one value each, as the disclosure layer wants them
 * for everyone but the administrator), a random period among the allowed forms and a random
 * grouping. Every question is drawn until it is one not yet sent in this run, so that no answer
 * can come from the cache: what a user waits for the first time they ask something.
 */
final class NeverAskedQuestions implements LoadTest.Questions {

    /** A signed-in user of the load test: their role, their scope's codes, and how they authenticate. */
    record Asker(String role, String province, String commune, String bearer, String cookie) {
    }

    static final List<String> NAMES = List.of("API participation, new", "overview data, new", "mechanisms data, new",
            "commune data, new", "API indicators, new");

    private static final String[] GROUPINGS = {"region", "province", "commune", "mechanism", "year", "semester", "gender",
            "ageBand", "disability", "role", "cohort"};

    /** Age bands as a URL carries them: "60+" would otherwise arrive as "60 ". */
    private static final List<String> AGE_BANDS = Arrays.stream(AgeBand.values())
            .map(band -> URLEncoder.encode(band.code(), StandardCharsets.UTF_8)).toList();

    private final String base;
    private final List<Asker> askers;
    private final List<String> communes;
    private final List<String> semesters;
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final SplittableRandom[] randoms;

    NeverAskedQuestions(String base, List<Asker> askers, List<String> communes, List<String> semesters, int clients,
            long seed) {
        this.base = base;
        this.askers = List.copyOf(askers);
        this.communes = List.copyOf(communes);
        this.semesters = List.copyOf(semesters);
        SplittableRandom root = new SplittableRandom(seed);
        this.randoms = Stream.generate(root::split).limit(clients).toArray(SplittableRandom[]::new);
    }

    /** How many different questions were sent. */
    int asked() {
        return asked.size();
    }

    @Override
    public LoadTest.Target next(int client, long i) {
        SplittableRandom random = randoms[client];
        for (int attempt = 0; attempt < 1_000; attempt++) {
            Asker asker = askers.get(random.nextInt(askers.size()));
            int kind = random.nextInt(10);
            String name;
            String path;
            if (kind < 5) {
                name = NAMES.get(0);
                path = participation(asker, random);
            } else if (kind < 7) {
                name = NAMES.get(1);
                path = page("/overview/data", asker, random, true);
            } else if (kind < 8) {
                name = NAMES.get(2);
                path = page("/mechanisms/data", asker, random, false);
            } else if (kind < 9) {
                name = NAMES.get(3);
                path = "/commune/data?scope=commune:" + commune(asker, random);
            } else {
                name = NAMES.get(4);
                path = "/api/v1/indicators?scope=" + scope(asker, random) + "&semester=" + pick(semesters, random);
            }
            boolean api = path.startsWith("/api/");
            if (asked.add(asker.role() + " " + path)) {
                return new LoadTest.Target(name, asker.role(), LoadTest.get(base, path, api ? "Authorization" : "Cookie",
                        api ? asker.bearer() : asker.cookie()));
            }
        }
        throw new IllegalStateException("no question left that was not asked: widen the space");
    }

    /** {@code GET /api/v1/participation} with up to three groupings, up to two filters, a scope and a period. */
    private String participation(Asker asker, SplittableRandom random) {
        List<String> groupBy = new ArrayList<>(Arrays.asList(GROUPINGS));
        shuffle(groupBy, random);
        StringJoiner query = new StringJoiner("&", "/api/v1/participation?", "");
        query.add("groupBy=" + String.join(",", groupBy.subList(0, random.nextInt(4))));
        String territory = territoryFilter(asker, random);
        if (territory != null) {
            query.add(territory);
        }
        List<String> filters = new ArrayList<>(List.of(
                "mechanism=" + pick(Arrays.stream(Mechanism.values()).map(Enum::name).toList(), random),
                "gender=" + pick(Arrays.stream(Gender.values()).map(Enum::name).toList(), random),
                "ageBand=" + pick(AGE_BANDS, random),
                "disability=" + (random.nextBoolean() ? "true" : "false"),
                "role=" + pick(Arrays.stream(Role.values()).map(Enum::name).toList(), random),
                "cohort=" + (random.nextBoolean() ? "pilot" : "extension")));
        shuffle(filters, random);
        filters.subList(0, random.nextInt(3)).forEach(query::add);
        String semester = pick(semesters, random);
        int year = Integer.parseInt(semester.substring(0, 4));
        switch (random.nextInt(5)) {
            case 0 -> query.add("semester=" + semester);
            case 1 -> query.add("year=" + year);
            case 2 -> {
                YearMonth month = YearMonth.of(year, (semester.endsWith("S1") ? 1 : 7) + random.nextInt(6));
                query.add("from=" + month.atDay(1) + "&to=" + month.atEndOfMonth());
            }
            case 3 -> {
                LocalDate end = YearMonth.of(year, 1 + random.nextInt(12)).atEndOfMonth();
                query.add("to=" + end);
            }
            default -> {
                // everything, all periods
            }
        }
        return query.toString();
    }

    /** A territory filter within the asker's scope, or none. */
    private String territoryFilter(Asker asker, SplittableRandom random) {
        if (asker.commune() != null) {
            return random.nextBoolean() ? null : "commune=" + asker.commune();
        }
        if (asker.province() != null) {
            return switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> "province=" + asker.province();
                default -> "commune=" + commune(asker, random);
            };
        }
        String commune = pick(communes, random);
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "region=" + commune.substring(0, 2);
            case 2 -> "province=" + commune.substring(0, 6);
            default -> "commune=" + commune;
        };
    }

    /** A chart page's data: a scope, a semester and, for the overview, one personal filter. */
    private String page(String path, Asker asker, SplittableRandom random, boolean personal) {
        StringJoiner query = new StringJoiner("&", path + "?", "");
        query.add("scope=" + scope(asker, random));
        query.add("semester=" + pick(semesters, random));
        if (personal) {
            List<String> filters = List.of("gender=" + pick(Arrays.stream(Gender.values()).map(Enum::name).toList(), random),
                    "ageBand=" + pick(AGE_BANDS, random),
                    "disability=" + (random.nextBoolean() ? "true" : "false"),
                    "mechanism=" + pick(Arrays.stream(Mechanism.values()).map(Enum::name).toList(), random));
            if (random.nextBoolean()) {
                query.add(pick(filters, random));
            }
        } else if (random.nextBoolean()) {
            query.add("mechanism=" + pick(Arrays.stream(Mechanism.values()).map(Enum::name).toList(), random));
        }
        return query.toString();
    }

    /** A scope key within the asker's: the programme, a region, a province or a commune. */
    private String scope(Asker asker, SplittableRandom random) {
        if (asker.commune() != null) {
            return "commune:" + asker.commune();
        }
        if (asker.province() != null) {
            return random.nextInt(3) == 0 ? "province:" + asker.province() : "commune:" + commune(asker, random);
        }
        String commune = pick(communes, random);
        return switch (random.nextInt(4)) {
            case 0 -> "programme";
            case 1 -> "region:" + commune.substring(0, 2);
            case 2 -> "province:" + commune.substring(0, 6);
            default -> "commune:" + commune;
        };
    }

    private String commune(Asker asker, SplittableRandom random) {
        if (asker.commune() != null) {
            return asker.commune();
        }
        if (asker.province() != null) {
            List<String> within = communes.stream().filter(code -> code.startsWith(asker.province() + ".")).toList();
            return pick(within, random);
        }
        return pick(communes, random);
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> void shuffle(List<T> values, SplittableRandom random) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T value = values.get(i);
            values.set(i, values.get(j));
            values.set(j, value);
        }
    }
}
