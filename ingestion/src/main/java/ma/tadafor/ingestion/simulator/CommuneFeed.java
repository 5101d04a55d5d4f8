package ma.tadafor.ingestion.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.PetitionLifecycle;
import ma.tadafor.ingestion.demo.Seeds;

/**
 * A commune's feed: every item in its latest version, in feed order (updatedAt, id). A change
 * supersedes the item's version in place and appends the new one, stamped by the feed's clock,
 * which starts at the generator's cutoff and only moves forward; so the list stays in feed order
 * and a page is found by binary search. Thread-safe: one lock per commune.
 */
final class CommuneFeed {

    private final String communeCode;
    private final long seed;
    private final ItemJson itemJson;
    private final List<ItemVersion> versions = new ArrayList<>();
    private Instant clock = DemoDataGenerator.CUTOFF;
    private int touches;

    private CommuneFeed(String communeCode, long seed, ItemJson itemJson) {
        this.communeCode = communeCode;
        this.seed = seed;
        this.itemJson = itemJson;
    }

    /** The generator's items, less a share withdrawn right after the cutoff and served as tombstones. */
    static CommuneFeed materialise(DemoDataGenerator generator, DemoCommune commune, SimulatorSettings settings,
            ItemJson itemJson) {
        CommuneFeed feed = new CommuneFeed(commune.code(), settings.seed(), itemJson);
        List<String> withdrawn = new ArrayList<>();
        generator.activities(commune).forEachOrdered(activity -> {
            if (Draws.item(settings.seed(), "tombstone", commune.code(), activity.id()) < settings.tombstoneRate()) {
                withdrawn.add(activity.id());
            } else {
                feed.versions.add(ItemVersion.of(activity, itemJson,
                        Malformation.of(settings.seed(), settings.malformedItemRate(), commune.code(), activity.id())));
            }
        });
        for (String id : withdrawn) {
            feed.versions.add(ItemVersion.tombstone(id, feed.tick(), 1, itemJson));
        }
        return feed;
    }

    /**
     * The page the query asks for. Right after choosing it, {@code changes} of its items that were
     * never changed get a new version, as a portal edited while a client pages through it: they come
     * again on a later page.
     */
    synchronized Page page(FeedQuery query, int changes) {
        int next = first(version -> (query.updatedSince() == null || !version.updatedAt.isBefore(query.updatedSince()))
                && (query.after() == null || version.isAfter(query.after())));
        List<ItemVersion> items = new ArrayList<>(Math.min(query.pageSize(), versions.size() - next));
        for (; next < versions.size() && items.size() < query.pageSize(); next++) {
            if (!versions.get(next).superseded) {
                items.add(versions.get(next));
            }
        }
        changeWhilePaging(items, changes);
        boolean more = false;
        for (; next < versions.size() && !more; next++) {
            more = !versions.get(next).superseded;
        }
        PageCursor last = items.isEmpty() ? null : items.get(items.size() - 1).cursor();
        return new Page(items, more ? last : null, clock);
    }

    /** A share {@code fraction} of the activities, drawn anew at each touch, get a new version now. */
    synchronized List<String> touch(double fraction) {
        String purpose = "touch-" + ++touches;
        List<ItemVersion> touched = new ArrayList<>();
        for (ItemVersion version : versions) {
            if (!version.superseded && !version.deleted
                    && Draws.item(seed, purpose, communeCode, version.id) < fraction) {
                touched.add(version);
            }
        }
        List<String> ids = new ArrayList<>(touched.size());
        for (ItemVersion version : touched) {
            supersede(version, version.revised(tick(), itemJson));
            ids.add(version.id);
        }
        return ids;
    }

    /**
     * The portal lives {@code days} more days: its clock moves on and its petitions along their life
     * cycle, each step a new version dated when it happens. A petition's next step is drawn once (from
     * the item and its status), so a step due before the clock's current time never comes: by then
     * the portal had not moved it.
     *
     * @return how many steps were taken
     */
    synchronized int passDays(int days) {
        Instant since = clock;
        Instant until = clock.plus(Duration.ofDays(days));
        List<ItemVersion> steps = new ArrayList<>();
        for (ItemVersion version : versions) {
            if (version.superseded || version.deleted || version.mechanism != Mechanism.PETITION) {
                continue;
            }
            ItemVersion current = version;
            while (true) {
                SplittableRandom random = Seeds.random(seed, "petition-step", communeCode + "/" + current.id + "/" + current.status);
                PetitionLifecycle.Step step = PetitionLifecycle.next(current.status, random);
                Instant at = step == null ? null : step.after(current.updatedAt, random);
                if (at == null || !at.isAfter(since) || at.isAfter(until)) {
                    break;
                }
                current = current.progressed(step.status(), at, itemJson);
                steps.add(current);
            }
        }
        steps.sort(Comparator.comparing((ItemVersion version) -> version.updatedAt).thenComparing(version -> version.id));
        Map<String, ItemVersion> latest = new HashMap<>();
        for (ItemVersion version : versions) {
            if (!version.superseded) {
                latest.put(version.id, version);
            }
        }
        for (ItemVersion step : steps) {
            supersede(latest.get(step.id), step);
            latest.put(step.id, step);
        }
        clock = until;
        return steps.size();
    }

    synchronized void withdraw(String itemId) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            ItemVersion version = versions.get(i);
            if (!version.superseded && version.id.equals(itemId)) {
                if (version.deleted) {
                    throw new IllegalStateException(itemId + " is already withdrawn from " + communeCode);
                }
                supersede(version, version.withdrawn(tick(), itemJson));
                return;
            }
        }
        throw new IllegalArgumentException("no item " + itemId + " in " + communeCode);
    }

    synchronized Instant now() {
        return clock;
    }

    synchronized FeedCounts counts() {
        int items = 0;
        int withdrawn = 0;
        int malformed = 0;
        long cells = 0;
        for (ItemVersion version : versions) {
            if (version.superseded) {
                continue;
            }
            if (version.deleted) {
                withdrawn++;
            } else {
                items++;
                if (version.malformation != null) {
                    malformed++;
                } else {
                    cells += version.cells;
                }
            }
        }
        return new FeedCounts(items, withdrawn, malformed, cells);
    }

    /** A few items of the page, spread over it, among those never changed before (so paging ends). */
    private void changeWhilePaging(List<ItemVersion> served, int changes) {
        List<ItemVersion> unchanged = served.stream()
                .filter(version -> version.revision == 0 && !version.deleted).toList();
        int count = Math.min(changes, unchanged.size());
        for (int i = 0; i < count; i++) {
            ItemVersion version = unchanged.get(i * unchanged.size() / count);
            supersede(version, version.revised(tick(), itemJson));
        }
    }

    private void supersede(ItemVersion current, ItemVersion next) {
        current.superseded = true;
        versions.add(next);
    }

    /** The clock moves one second per change, so every new version is last in feed order. */
    private Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    /** The first index whose version matches; versions match from some index on, in feed order. */
    private int first(Predicate<ItemVersion> matches) {
        int low = 0;
        int high = versions.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (matches.test(versions.get(middle))) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** @param next where the next page starts; null on the last page */
    record Page(List<ItemVersion> items, PageCursor next, Instant generatedAt) {
    }
}
