package ma.tadafor.dashboard.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedActual;
import ma.tadafor.dashboard.disclosure.PublishedCount;
import ma.tadafor.dashboard.period.Semester;
import ma.tadafor.dashboard.wording.Numbers;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.mail.MailKind;
import ma.tadafor.data.mail.OutboxStore;
import ma.tadafor.data.mail.OutgoingMail;
import ma.tadafor.data.mart.IndicatorFigure;
import ma.tadafor.data.mart.IndicatorQueries;
import ma.tadafor.data.quality.CommuneQuality;
import ma.tadafor.data.quality.LatePortals.LatePortal;
import ma.tadafor.data.quality.LatePortals;

/**
 * Alerts to the programme managers who asked for them: an indicator of the programme that turns
 * OFF_TRACK (its status in a semester against the semester before, the current semester and the
 * last one ended), and a commune's portal late past the data-quality threshold. Figures are the
 * published ones, through the disclosure layer for a protected audience, so an alert says no more
 * than the indicators page does to a non-administrator: a small count reads "< 5". Each alert is
 * queued once per indicator and semester, or per commune and day of its last success.
 */
final class Alerts {

    private static final String OFF_TRACK = "OFF_TRACK";

    private final IndicatorQueries indicators;
    private final Disclosure disclosure;
    private final LatePortals portals;
    private final Recipients recipients;
    private final OutboxStore outbox;
    private final Wording wording;
    private final MailProperties properties;
    private final Clock clock;

    Alerts(IndicatorQueries indicators, Disclosure disclosure, LatePortals portals, Recipients recipients,
           OutboxStore outbox, Wording wording, MailProperties properties, Clock clock) {
        this.indicators = indicators;
        this.disclosure = disclosure;
        this.portals = portals;
        this.recipients = recipients;
        this.outbox = outbox;
        this.wording = wording;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues the alerts due; answers how many messages. */
    int queueDue() {
        List<Recipient> to = recipients.ofAlerts();
        if (to.isEmpty()) {
            return 0;
        }
        Semester current = Semester.of(LocalDate.now(clock));
        int queued = 0;
        for (Semester semester : List.of(current.previous(), current)) {
            Map<String, IndicatorFigure> before = indicators.indicators("programme", semester.previous().code()).stream()
                    .collect(Collectors.toMap(IndicatorFigure::code, Function.identity()));
            for (IndicatorFigure figure : indicators.indicators("programme", semester.code())) {
                PublishedActual now = published(figure);
                IndicatorFigure previous = before.get(figure.code());
                if (OFF_TRACK.equals(now.status()) && (previous == null || !OFF_TRACK.equals(published(previous).status()))) {
                    for (Recipient recipient : to) {
                        queued += queue(offTrack(figure, now, semester, recipient));
                    }
                }
            }
        }
        for (LatePortal portal : portals.asOf(clock.instant())) {
            for (Recipient recipient : to) {
                queued += queue(late(portal, recipient));
            }
        }
        return queued;
    }

    private PublishedActual published(IndicatorFigure figure) {
        return disclosure.actual(figure.actual(), figure.target(), Audience.PROTECTED);
    }

    private OutgoingMail offTrack(IndicatorFigure figure, PublishedActual actual, Semester semester, Recipient recipient) {
        String lang = recipient.lang();
        String label = Wording.name(figure.labelFr(), figure.labelAr(), Wording.of(lang));
        String body = wording.text("mail.alert.offTrack.body", Wording.of(lang), figure.code(), label, wording.semester(semester, Wording.of(lang)),
                actual.suppressed() ? PublishedCount.SUPPRESSED : Numbers.figure(actual.value(), figure.unit()),
                Numbers.figure(figure.target(), figure.unit()))
                + (figure.demo() ? "\n" + wording.text("mail.alert.demo", Wording.of(lang)) : "");
        return alert("indicator:" + figure.code() + " programme " + semester.code() + " OFF_TRACK", recipient,
                wording.text("mail.alert.offTrack.subject", Wording.of(lang), figure.code(), wording.semester(semester, Wording.of(lang))), body,
                "/results/indicators/" + figure.code());
    }

    private OutgoingMail late(LatePortal portal, Recipient recipient) {
        String lang = recipient.lang();
        String name = Wording.name(portal.nameFr(), portal.nameAr(), Wording.of(lang));
        String since = portal.lastSuccessAt().atZone(clock.getZone()).toLocalDate().toString();
        return alert("portal:" + portal.communeCode() + " late since:" + portal.lastSuccessAt(), recipient,
                wording.text("mail.alert.late.subject", Wording.of(lang), name),
                wording.text("mail.alert.late.body", Wording.of(lang), name, portal.communeCode(), since,
                        String.valueOf(CommuneQuality.STALE_AFTER_HOURS)), "/quality");
    }

    private OutgoingMail alert(String about, Recipient recipient, String subject, String body, String path) {
        String link = properties.link(path);
        return new OutgoingMail("ALERT " + about + " to:" + recipient.email().toLowerCase(Locale.ROOT), MailKind.ALERT,
                recipient.email(), recipient.lang(), subject, body + (link.isEmpty() ? "" : "\n\n" + link) + "\n\n"
                + wording.text("mail.footer", Wording.of(recipient.lang())), List.of());
    }

    private int queue(OutgoingMail mail) {
        return outbox.queue(mail, clock.instant()) ? 1 : 0;
    }
}
