package ma.tadafor.dashboard.closure;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.wording.Numbers;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedActual;
import ma.tadafor.dashboard.disclosure.PublishedRevision;
import ma.tadafor.data.closure.Closure;
import ma.tadafor.data.closure.ClosureStore;
import ma.tadafor.data.closure.Revision;
import ma.tadafor.data.closure.RevisionQueries;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.data.user.UserAccount;
import ma.tadafor.data.user.UserStore;

/**
 * What the pages and the brief show of closures, in the reader's language: the seal of a closed
 * province-semester, and its revisions since approval worded, each figure through the disclosure
 * layer like the API's ({@code GET /api/v1/closures/{id}/revisions}).
 */
@Component
public class ClosureReadings {

    /** The day of an approval is Morocco's, like the committee's dates. */
    private static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    private final ClosureStore store;
    private final RevisionQueries revisions;
    private final Disclosure disclosure;
    private final UserStore users;
    private final TerritoryQueries territories;
    private final Wording wording;

    ClosureReadings(ClosureStore store, RevisionQueries revisions, Disclosure disclosure, UserStore users,
            TerritoryQueries territories, Wording wording) {
        this.store = store;
        this.revisions = revisions;
        this.disclosure = disclosure;
        this.users = users;
        this.territories = territories;
        this.wording = wording;
    }

    /** The seal of a scope lying in one closed province-semester (the province or one of its communes); none otherwise. */
    public Optional<Seal> seal(String scopeKey, String semester) {
        List<String> province = Closures.provinceOf(scopeKey);
        if (province == null || semester == null) {
            return Optional.empty();
        }
        return store.current(province.get(0), semester).filter(c -> c.status() == Closure.Status.APPROVED).map(this::seal);
    }

    /** The seal of an approved closure (null for one that is not). */
    public Seal seal(Closure closure) {
        if (closure.approvedAt() == null) {
            return null;
        }
        String by = users.find(closure.approvedBy()).map(UserAccount::displayName).orElse(closure.approvedBy());
        return new Seal(closure.id(), closure.provinceCode(), closure.semester(), by,
                LocalDate.ofInstant(closure.approvedAt(), MOROCCO));
    }

    /** The revisions of a closure as of the last refresh, worded for {@code locale}, published for {@code audience}. */
    public List<RevisionLine> revisions(long closureId, Audience audience, Locale locale) {
        return revisions.of(closureId).stream().map(revision -> {
            PublishedRevision published = disclosure.revision(revision, audience);
            return new RevisionLine(figure(revision, locale), shown(published.approved(), locale),
                    shown(published.now(), locale), Disclosure.itemsBeside(revision.items(), published.suppressed(), audience).stream()
                            .map(i -> new RevisionLine.Item(i.sourceId(), i.itemId(), text("closure.change." + i.change(), locale)))
                            .toList());
        }).toList();
    }

    private String figure(Revision revision, Locale locale) {
        if (revision.indicatorCode() != null) {
            return revision.indicatorCode() + " · " + scopeName(revision.scope(), locale);
        }
        String value = revision.breakdownValue();
        String what = switch (revision.breakdown()) {
            case "total" -> scopeName(revision.scope(), locale);
            case "commune" -> territories.find(Territory.Level.COMMUNE, value).map(t -> name(t, locale)).orElse(value);
            case "mechanism" -> label("mechanism." + value, value, locale);
            case "gender" -> label("gender." + value, value, locale);
            case "ageBand" -> label("ageBand." + value, value, locale);
            case "disability" -> label("disability." + value, value, locale);
            case "role" -> label("role." + value, value, locale);
            default -> value;
        };
        return text("closure.revision.participants", locale) + " · " + what;
    }

    private String scopeName(String scopeKey, Locale locale) {
        String[] levelAndCode = scopeKey.split(":", 2);
        Territory.Level level = levelAndCode[0].equals("commune") ? Territory.Level.COMMUNE : Territory.Level.PROVINCE;
        return territories.find(level, levelAndCode[1]).map(t -> name(t, locale)).orElse(scopeKey);
    }

    private static String name(Territory territory, Locale locale) {
        return Wording.name(territory.nameFr(), territory.nameAr(), locale);
    }

    private String shown(PublishedActual figure, Locale locale) {
        if (figure.suppressed()) {
            return text("disclosure.suppressed", locale);
        }
        return Numbers.figure(figure.value(), null);
    }

    private String label(String key, String fallback, Locale locale) {
        return fallback == null ? Numbers.NONE : wording.textOr(key, fallback, locale);
    }

    private String text(String key, Locale locale) {
        return wording.text(key, locale);
    }
}
