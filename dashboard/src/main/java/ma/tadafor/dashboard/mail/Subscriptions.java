package ma.tadafor.dashboard.mail;

import java.time.Clock;

import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.committee.Committees;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.mail.EmailAddress;
import ma.tadafor.data.mail.Subscription;
import ma.tadafor.data.mail.SubscriptionStore;

/** What each signed-in user receives by mail, as they set it on their account page or through {@code /me/subscriptions}. */
@Service
public class Subscriptions {

    /** The API's and the form's shape; in a request, a kind left out is not received. */
    public record SubscriptionView(String email, String lang, Boolean briefs, Boolean reminders, Boolean alerts) {
    }

    private final SubscriptionStore store;
    private final AuditLog audit;
    private final Clock clock = Clock.system(Committees.ZONE);

    Subscriptions(SubscriptionStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** The user's choice; nothing received, in French, until they make one. */
    public SubscriptionView of(SignedInUser user) {
        return store.find(user.getUsername()).map(s -> new SubscriptionView(s.email().isEmpty() ? null : s.email(), s.lang(), s.briefs(), s.reminders(),
                s.alerts())).orElse(new SubscriptionView(null, "fr", false, false, false));
    }

    /** Saves the choice: any kind received needs a valid address; the language is fr or ar. */
    public SubscriptionView save(SignedInUser user, SubscriptionView request) {
        String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
        if (email != null && !EmailAddress.valid(email)) {
            throw new InvalidParameterException("email", "one address, such as name@example.ma");
        }
        String lang = request.lang() == null || request.lang().isBlank() ? "fr" : request.lang();
        if (!EmailAddress.LANGUAGES.contains(lang)) {
            throw new InvalidParameterException("lang", "fr or ar");
        }
        Subscription subscription = new Subscription(user.getUsername(), email == null ? "" : email, lang,
                Boolean.TRUE.equals(request.briefs()), Boolean.TRUE.equals(request.reminders()),
                Boolean.TRUE.equals(request.alerts()));
        if (email == null && (subscription.briefs() || subscription.reminders() || subscription.alerts())) {
            throw new InvalidParameterException("email", "an address is needed to receive anything");
        }
        store.save(subscription, clock.instant());
        audit.record("MAIL_SUBSCRIPTION_CHANGED", user.getUsername(), "briefs " + subscription.briefs() + ", reminders "
                + subscription.reminders() + ", alerts " + subscription.alerts() + ", " + lang);
        return of(user);
    }
}
