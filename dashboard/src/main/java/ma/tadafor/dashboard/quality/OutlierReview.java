package ma.tadafor.dashboard.quality;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedOutlier;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.quality.Outlier;
import ma.tadafor.data.quality.OutlierStore;

/**
 * The outliers the refreshes flagged, as the API and the data-quality page show them (figures through
 * the disclosure layer, the reason in the reader's language), and the decisions programme managers
 * take on them (docs/TRUST.md, "Outliers"), audited. The API and the page's forms both decide here.
 */
@Service
class OutlierReview {

    /** A decision's reason is a sentence or two for the audit trail and the page. */
    static final int MAX_REASON = 1000;

    private final OutlierStore store;
    private final Disclosure disclosure;
    private final Wording wording;
    private final AuditLog audit;

    OutlierReview(OutlierStore store, Disclosure disclosure, Wording wording, AuditLog audit) {
        this.store = store;
        this.disclosure = disclosure;
        this.wording = wording;
        this.audit = audit;
    }

    /**
     * One outlier as the API answers it. {@code value} and {@code expected} are null where suppressed
     * ({@code "< 5"} in the reason); {@code score} is null for everyone but the administrator.
     */
    record OutlierView(long id, String kind, String sourceId, String itemId, String communeCode, String communeName,
                       String mechanism, String semester, Long value, Long expected, Double score, String reason,
                       String status, String decidedBy, Instant decidedAt, String decisionReason) {
    }

    /** What a programme manager decides: {@code CONFIRM} (the figure is right) or {@code EXCLUDE} (leave it out). */
    enum Decision {
        CONFIRM(Outlier.Status.CONFIRMED), EXCLUDE(Outlier.Status.EXCLUDED);

        private final Outlier.Status status;

        Decision(Outlier.Status status) {
            this.status = status;
        }

        static Decision parse(String text) {
            for (Decision decision : values()) {
                if (decision.name().equals(text)) {
                    return decision;
                }
            }
            throw new InvalidParameterException("decision", "CONFIRM or EXCLUDE");
        }
    }

    /** @param under a territory code narrowing the caller's scope (null: all of it) */
    List<OutlierView> list(SignedInUser user, String under, String semester, Outlier.Status status, Locale locale) {
        Audience audience = Audience.of(user);
        return store.list(user.scope(), under, semester, status).stream().map(o -> view(o, audience, locale)).toList();
    }

    /** Records a decision (replacing any earlier one); an excluded item leaves the marts at the next refresh. */
    OutlierView decide(long id, String decisionText, String reason, SignedInUser user, Locale locale) {
        Decision decision = Decision.parse(decisionText);
        if (reason == null || reason.isBlank()) {
            throw new InvalidParameterException("reason", "say why: the decision is audited and shown on the data-quality page");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidParameterException("reason", "at most " + MAX_REASON + " characters");
        }
        Outlier outlier = store.find(id)
                .filter(o -> inScope(user, o))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no outlier " + id + " in your scope"));
        if (decision == Decision.EXCLUDE && outlier.kind() == Outlier.Kind.COMMUNE_SEMESTER) {
            // A semester's total is made of items: excluding it whole would drop good items with the bad.
            throw new InvalidParameterException("decision", "a commune's semester total can only be confirmed; "
                    + "exclude the items that make it wrong");
        }
        Outlier decided = store.decide(id, decision.status, user.getUsername(), reason.strip());
        audit.record("OUTLIER_" + decision.status.name(), subject(decided),
                decided.semester() + ": " + reason.strip());
        return view(decided, Audience.of(user), locale);
    }

    /** Commune codes nest: 05.091.01.07 lies in province 05.091 and region 05. */
    private static boolean inScope(SignedInUser user, Outlier outlier) {
        String code = outlier.communeCode();
        return user.scope().covers(code.substring(0, 2), code.substring(0, 6), code);
    }

    /** What the audit trail names: the item (source/item id) or the commune semester. */
    private static String subject(Outlier outlier) {
        return outlier.kind() == Outlier.Kind.ITEM ? outlier.sourceId() + "/" + outlier.itemId()
                : outlier.communeCode() + " " + outlier.semester();
    }

    private OutlierView view(Outlier outlier, Audience audience, Locale locale) {
        PublishedOutlier published = disclosure.outlier(outlier, audience);
        String mechanism = outlier.mechanism() == null ? null
                : wording.textOr("mechanism." + outlier.mechanism(), outlier.mechanism(), locale);
        String reason = wording.text("outlier.reason." + outlier.kind().key() + "." + outlier.basis(), locale,
                published.value().shown(), published.expected().shown(), outlier.history(), mechanism);
        return new OutlierView(outlier.id(), outlier.kind().key(), outlier.sourceId(), outlier.itemId(),
                outlier.communeCode(), Wording.name(outlier.communeNameFr(), outlier.communeNameAr(), locale),
                outlier.mechanism(), outlier.semester(), published.value().value(), published.expected().value(),
                published.score(), reason, outlier.status().name(), outlier.decidedBy(), outlier.decidedAt(),
                outlier.decisionReason());
    }
}
