package ma.tadafor.ingestion.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ma.tadafor.data.activity.Activity;

/** The programme communes' demo feeds at scale 1, generated once for all the tests that only read them. */
final class DemoFeed {

    static final long SEED = 42;
    static final DemoDataGenerator GENERATOR = new DemoDataGenerator(SEED, 1.0);
    private static final Map<DemoCommune, List<Activity>> BY_COMMUNE = generate(GENERATOR);

    private DemoFeed() {
    }

    static Map<DemoCommune, List<Activity>> byCommune() {
        return BY_COMMUNE;
    }

    static Map<DemoCommune, List<Activity>> generate(DemoDataGenerator generator) {
        return generate(generator, ProgrammeCommunes.all());
    }

    static Map<DemoCommune, List<Activity>> generate(DemoDataGenerator generator, List<DemoCommune> communes) {
        Map<DemoCommune, List<Activity>> feeds = new LinkedHashMap<>();
        communes.forEach(commune -> feeds.put(commune, generator.activities(commune).toList()));
        return feeds;
    }

    static List<DemoCommune> reversedCommunes() {
        List<DemoCommune> reversed = new ArrayList<>(ProgrammeCommunes.all());
        Collections.reverse(reversed);
        return reversed;
    }

    static long cells(Map<DemoCommune, List<Activity>> feeds) {
        return feeds.values().stream().flatMap(List::stream).mapToLong(a -> a.participation().size()).sum();
    }
}
