package ma.tadafor.dashboard.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.committee.Recommendation;
import ma.tadafor.data.mail.MailKind;
import ma.tadafor.data.mail.OutboxStore;
import ma.tadafor.data.mail.OutgoingMail;
import ma.tadafor.data.territory.ProgrammeMember;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * Reminders of the committees' open recommendations: one when a recommendation falls due within
 * the reminder window (two weeks), one when it is overdue, to the province's members and the
 * users who keep its committee and asked for reminders. Each is queued once per recommendation,
 * due date and address, so a due date moved later is reminded again, and nothing else is.
 */
final class Reminders {

    private final CommitteeStore committees;
    private final TerritoryQueries territories;
    private final Recipients recipients;
    private final OutboxStore outbox;
    private final Wording wording;
    private final MailProperties properties;
    private final Clock clock;

    Reminders(CommitteeStore committees, TerritoryQueries territories, Recipients recipients, OutboxStore outbox,
              Wording wording, MailProperties properties, Clock clock) {
        this.committees = committees;
        this.territories = territories;
        this.recipients = recipients;
        this.outbox = outbox;
        this.wording = wording;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues the reminders due today; answers how many messages. */
    int queueDue() {
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plus(properties.reminderWindow());
        Set<String> provinces = territories.programmeMembers().stream().map(ProgrammeMember::provinceCode)
                .collect(Collectors.toCollection(TreeSet::new));
        int queued = 0;
        for (String code : provinces) {
            Territory province = territories.find(Territory.Level.PROVINCE, code).orElseThrow();
            List<Recommendation> due = committees.recommendations(TerritorialScope.of(Set.of(), Set.of(code), Set.of()), code)
                    .stream().filter(r -> r.dueBy(horizon)).toList();
            if (due.isEmpty()) {
                continue;
            }
            List<Recipient> to = recipients.ofReminders(province);
            for (Recommendation recommendation : due) {
                for (Recipient recipient : to) {
                    if (outbox.queue(reminder(province, recommendation, recipient, recommendation.overdue(today)),
                            clock.instant())) {
                        queued++;
                    }
                }
            }
        }
        return queued;
    }

    private OutgoingMail reminder(Territory province, Recommendation recommendation, Recipient recipient, boolean overdue) {
        String lang = recipient.lang();
        String stage = overdue ? "overdue" : "due";
        String text = Wording.name(recommendation.textFr(), recommendation.textAr(), Wording.of(lang));
        String name = Wording.name(province.nameFr(), province.nameAr(), Wording.of(lang));
        String due = recommendation.dueOn().toString();
        String link = properties.link("/committees/" + province.code() + "/recommendations/" + recommendation.id());
        return new OutgoingMail("REMINDER recommendation:" + recommendation.id() + " " + stage + " " + due + " to:"
                + recipient.email().toLowerCase(Locale.ROOT), MailKind.REMINDER, recipient.email(), lang,
                wording.text("mail.reminder." + stage + ".subject", Wording.of(lang), name, due),
                wording.text("mail.reminder." + stage + ".body", Wording.of(lang), name, due, text, recommendation.ownerInstitution())
                        + (link.isEmpty() ? "" : "\n\n" + link) + "\n\n" + wording.text("mail.footer", Wording.of(lang)),
                List.of());
    }
}
