package ma.tadafor.dashboard.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.dashboard.ExternalCommand;
import ma.tadafor.dashboard.committee.Committees;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedActual;
import ma.tadafor.dashboard.report.BriefSemesters;
import ma.tadafor.dashboard.report.MeetingBriefJob;
import ma.tadafor.dashboard.report.ReportProperties;
import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.committee.MeetingBriefStore;
import ma.tadafor.data.mail.MailKind;
import ma.tadafor.data.mail.OutboxStore;
import ma.tadafor.data.mail.OutgoingMail;
import ma.tadafor.data.mail.SubscriptionStore;
import ma.tadafor.data.mart.IndicatorFigure;
import ma.tadafor.data.mart.IndicatorQueries;
import ma.tadafor.data.quality.LatePortals;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.data.user.UserStore;

/**
 * Mail as its recipients get it: a real SMTP server (GreenMail) on 127.0.0.1, read back message by
 * message, attachments included, with the PDFs read by poppler's pdftotext. The jobs are the
 * application's own classes over its warehouse, built here with clocks the tests move (two weeks
 * before a meeting, a due date, a semester) and a sender pointed at this test's server, which the
 * test stops and starts again to see a failed send retried.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailTest extends DemoApplicationTest {

    private static final String AZILAL = "/api/v1/committees/05.081";
    private static final String MEMBER_FR = "secretariat.azilal@example.ma";
    private static final String MEMBER_AR = "gouverneur.azilal@example.ma";
    private static final String CABINET = "cabinet.azilal@example.ma";
    private static final String PROGRAMME = "programme@example.ma";
    /** Bidi controls pdftotext puts around right-to-left runs: not part of the text. */
    private static final String BIDI_CONTROLS = "[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]";

    @Autowired
    private MeetingBriefStore meetings;
    @Autowired
    private MeetingBriefJob briefJob;
    @Autowired
    private BriefSemesters briefSemesters;
    @Autowired
    private TerritoryQueries territories;
    @Autowired
    private CommitteeStore committees;
    @Autowired
    private SubscriptionStore subscriptions;
    @Autowired
    private UserStore users;
    @Autowired
    private OutboxStore outbox;
    @Autowired
    private Wording wording;
    @Autowired
    private ReportProperties reports;
    @Autowired
    private IndicatorQueries indicators;
    @Autowired
    private Disclosure disclosure;
    @Autowired
    private HikariDataSource warehouse;

    private final MailProperties properties = new MailProperties("Observatoire Tadafor <observatoire@tadafor.invalid>",
            Duration.ZERO, 3, Duration.ofMinutes(1), Duration.ofHours(1), "-", Period.ofDays(14),
            URI.create("https://observatoire.example.ma/"));

    private GreenMail smtp;
    private int smtpPort;

    @BeforeAll
    void anSmtpServerAndAzilalsCommitteeWithAddresses() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        smtpPort = smtp.getSmtp().getPort();
        assertThat(send("POST", AZILAL + "/members", "gov-azilal", """
                {"institution": "Province d'Azilal", "role": "CHAIR", "personName": "Le gouverneur",
                 "email": "%s", "lang": "ar"}""".formatted(MEMBER_AR)).statusCode()).isEqualTo(201);
        assertThat(send("POST", AZILAL + "/members", "gov-azilal", """
                {"institution": "Division de l'action sociale", "role": "SECRETARIAT", "email": "%s", "lang": "fr"}"""
                .formatted(MEMBER_FR)).statusCode()).isEqualTo(201);
        // a member without an address gets nothing, and is no error
        assertThat(send("POST", AZILAL + "/members", "gov-azilal", """
                {"institution": "Commune de Demnate", "role": "COMMUNE"}""").statusCode()).isEqualTo(201);
    }

    @AfterAll
    void stopTheServer() {
        smtp.stop();
    }

    @Test
    void aMembersAddressAndLanguageAreCheckedAndKept() throws Exception {
        HttpResponse bad = status("POST", AZILAL + "/members", "gov-azilal", """
                {"institution": "X", "role": "NGO", "email": "two@example.ma, three@example.ma"}""");
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.body()).contains("\"parameter\":\"email\"");
        HttpResponse language = status("POST", AZILAL + "/members", "gov-azilal", """
                {"institution": "X", "role": "NGO", "email": "ngo@example.ma", "lang": "en"}""");
        assertThat(language.code()).isEqualTo(400);
        assertThat(language.body()).contains("\"parameter\":\"lang\"");
        assertThat(items(get(AZILAL + "/members", "gov-azilal"))).anySatisfy(member -> {
            assertThat(member.get("email")).isEqualTo(MEMBER_AR);
            assertThat(member.get("lang")).isEqualTo("ar");
        });
        // readers outside the committee see no addresses
        assertThat(items(get(AZILAL + "/members", "dgct"))).isNotEmpty()
                .allSatisfy(member -> assertThat(member.get("email")).isNull());
    }

    @Test
    void aPlannedMeetingsBriefReachesEachMemberInTheirLanguageTwoWeeksBeforeAndOnce() throws Exception {
        awaitMarts();
        Number meeting = plan("2031-03-20");
        String semester = briefSemester("2031-03-20");

        briefs(clockOn("2031-03-05")).queueDue();
        sender(clockOn("2031-03-05")).sendDue();
        assertThat(received(MEMBER_FR)).as("15 days before").noneMatch(m -> subject(m).contains("2031-03-20"));

        assertThat(briefs(clockOn("2031-03-06")).queueDue()).isGreaterThanOrEqualTo(2);
        sender(clockOn("2031-03-06")).sendDue();

        MimeMessage french = only(received(MEMBER_FR), "2031-03-20");
        assertThat(subject(french)).isEqualTo("Note au comité de Azilal — réunion du 2031-03-20");
        Part frenchPdf = pdf(french);
        assertThat(frenchPdf.getFileName()).isEqualTo("note-comite-05.081-" + semester + "-fr.pdf");
        assertThat(text(frenchPdf)).contains("Note au comité technique d’orientation et de suivi",
                "1. Progrès des communes partenaires", wording.semester(semester, Locale.FRENCH));
        assertThat(body(french)).contains("Elle porte sur le " + wording.semester(semester, Locale.FRENCH) + ".",
                "https://observatoire.example.ma/committees/05.081/meetings/" + meeting);

        MimeMessage arabic = only(received(MEMBER_AR), "2031-03-20");
        assertThat(subject(arabic)).startsWith("مذكرة إلى لجنة ").endsWith("2031-03-20");
        Part arabicPdf = pdf(arabic);
        assertThat(arabicPdf.getFileName()).endsWith("-ar.pdf");
        assertThat(text(arabicPdf).replaceAll(BIDI_CONTROLS, "")).contains("مذكرة إلى اللجنة التقنية للتوجيه والتتبع",
                "مقترح جدول الأعمال").doesNotContain("Progrès des communes partenaires");

        // the next checks, and a restarted application (new jobs), send nothing more
        briefs(clockOn("2031-03-07")).queueDue();
        briefs(clockOn("2031-03-19")).queueDue();
        sender(clockOn("2031-03-19")).sendDue();
        assertThat(received(MEMBER_FR).stream().filter(m -> subject(m).contains("2031-03-20"))).hasSize(1);
        assertThat(received(MEMBER_AR).stream().filter(m -> subject(m).contains("2031-03-20"))).hasSize(1);

        Map<String, Object> recorded = outboxItem(MEMBER_FR, "2031-03-20").orElseThrow();
        assertThat(recorded).containsEntry("kind", "BRIEF").containsEntry("status", "SENT").containsEntry("attempts", 1);
        assertThat(recorded.get("sentAt")).isNotNull();
        assertThat((List<?>) recorded.get("attachments")).singleElement().satisfies(attachment -> {
            assertThat(((Map<?, ?>) attachment).get("contentType")).isEqualTo("application/pdf");
            assertThat(((Number) ((Map<?, ?>) attachment).get("size")).longValue()).isGreaterThan(10_000);
        });
    }

    @Test
    void theBriefIsMailedOnRequestByThoseWhoKeepTheCommitteeOnceToEachAddress() throws Exception {
        awaitMarts();
        Number meeting = plan("2031-09-10");
        String path = AZILAL + "/meetings/" + meeting + "/brief-mail";
        assertThat(status("POST", path, "gov-beni-mellal", null).code()).isEqualTo(403);
        assertThat(status("POST", path, "dgct", null).code()).isEqualTo(403);
        assertThat(status("POST", path, "focal-kasba-tadla", null).code()).isEqualTo(403);
        assertThat(status("POST", AZILAL + "/meetings/999999999/brief-mail", "gov-azilal", null).code()).isEqualTo(404);
        HttpResponse unknown = status("POST", "/api/v1/committees/05.999/meetings/" + meeting + "/brief-mail", "admin", null);
        assertThat(unknown.code()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"parameter\":\"provinceCode\"");

        HttpResponse accepted = status("POST", path, "gov-azilal", null);
        assertThat(accepted.code()).isEqualTo(202);
        assertThat(((Number) json.readValue(accepted.body(), Map.class).get("queued")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Number) object(send("POST", path, "enabel", null)).get("queued")).intValue())
                .as("asked again: already queued to each").isZero();
        sender(Clock.system(Committees.ZONE)).sendDue();
        String laterSemester = briefSemester("2031-09-10");
        assertThat(text(pdf(only(received(MEMBER_FR), "2031-09-10")))).contains(wording.semester(laterSemester, Locale.FRENCH))
                .doesNotContain(laterSemester);
        assertThat(pdf(only(received(MEMBER_AR), "2031-09-10")).getContentType()).startsWith("application/pdf");
    }

    @Test
    void recommendationsFallingDueAndOverdueAreRemindedToMembersAndSubscribedGovernors() throws Exception {
        assertThat(send("PUT", "/api/v1/me/subscriptions", "gov-azilal", """
                {"email": "%s", "lang": "ar", "briefs": false, "reminders": true, "alerts": true}""".formatted(CABINET))
                .statusCode()).isEqualTo(200);
        Number meeting = plan("2031-01-15");
        String text = "Publier le budget citoyen de la commune d'Azilal " + meeting;
        assertThat(send("POST", AZILAL + "/recommendations", "gov-azilal", """
                {"meetingId": %s, "textFr": "%s", "textAr": "نشر الميزانية المواطنة لجماعة أزيلال",
                 "ownerInstitution": "Commune d'Azilal", "dueOn": "2031-06-30"}""".formatted(meeting, text)).statusCode())
                .isEqualTo(201);

        reminders(clockOn("2031-06-01")).queueDue();
        sender(clockOn("2031-06-01")).sendDue();
        assertThat(received(MEMBER_FR)).as("a month before").noneMatch(m -> body(m).contains(text));

        assertThat(reminders(clockOn("2031-06-20")).queueDue()).isGreaterThanOrEqualTo(3);
        sender(clockOn("2031-06-20")).sendDue();
        MimeMessage due = only(received(MEMBER_FR), "2031-06-30");
        assertThat(subject(due)).isEqualTo("Recommandation à échéance le 2031-06-30 — comité de Azilal");
        assertThat(body(due)).contains("« " + text + " »", "Commune d'Azilal");
        assertThat(body(only(received(MEMBER_AR), "2031-06-30"))).contains("نشر الميزانية المواطنة لجماعة أزيلال");
        assertThat(subject(only(received(CABINET), "2031-06-30"))).startsWith("توصية يحل أجلها في 2031-06-30");

        assertThat(reminders(clockOn("2031-06-21")).queueDue()).as("the next day").isZero();

        reminders(clockOn("2031-07-02")).queueDue();
        sender(clockOn("2031-07-02")).sendDue();
        assertThat(received(MEMBER_FR).stream().filter(m -> subject(m).equals(
                "Recommandation en retard depuis le 2031-06-30 — comité de Azilal"))).hasSize(1);
        assertThat(received(CABINET).stream().filter(m -> subject(m).contains("2031-06-30"))).hasSize(2);
    }

    @Test
    void subscriptionsAreEachUsersAndChecked() throws Exception {
        assertThat(object(get("/api/v1/me/subscriptions", "dgct"))).containsEntry("briefs", false)
                .containsEntry("alerts", false).containsEntry("lang", "fr");
        HttpResponse noAddress = status("PUT", "/api/v1/me/subscriptions", "dgct", """
                {"lang": "fr", "briefs": true, "reminders": false, "alerts": false}""");
        assertThat(noAddress.code()).isEqualTo(400);
        assertThat(noAddress.body()).contains("\"parameter\":\"email\"");
        HttpResponse header = status("PUT", "/api/v1/me/subscriptions", "dgct", """
                {"email": "dgct@example.ma\\r\\nBcc: everyone@example.ma", "lang": "fr", "briefs": true}""");
        assertThat(header.code()).isEqualTo(400);
        assertThat(header.body()).contains("\"parameter\":\"email\"");
        assertThat(status("PUT", "/api/v1/me/subscriptions", "dgct", """
                {"email": "dgct@example.ma", "lang": "de", "briefs": true}""").body()).contains("\"parameter\":\"lang\"");
        assertThat(object(send("PUT", "/api/v1/me/subscriptions", "dgct", """
                {"email": "dgct@example.ma", "lang": "ar", "briefs": true}""")))
                .containsEntry("email", "dgct@example.ma").containsEntry("lang", "ar").containsEntry("briefs", true)
                .as("left out: not received").containsEntry("reminders", false).containsEntry("alerts", false);
        assertThat(object(get("/api/v1/me/subscriptions", "dgct"))).containsEntry("email", "dgct@example.ma");
        assertThat(object(get("/api/v1/me/subscriptions", "enabel")).get("email")).isNotEqualTo("dgct@example.ma");
    }

    @Test
    void programmeManagersAreAlertedOnceWhenAnIndicatorTurnsOffTrackWithProtectedFigures() throws Exception {
        awaitMarts();
        subscribeProgrammeManager();
        Transition transition = offTrackTransition();

        alerts(clockOn(transition.semesterEnd())).queueDue();
        sender(clockOn(transition.semesterEnd())).sendDue();

        MimeMessage alert = only(received(PROGRAMME), "Indicateur " + transition.code() + " hors trajectoire ("
                + wording.semester(transition.semester(), Locale.FRENCH) + ")");
        Matcher value = Pattern.compile("valeur publiée ([^,]+), cible").matcher(body(alert));
        assertThat(value.find()).as(body(alert)).isTrue();
        String published = value.group(1).strip();
        assertThat(published.equals("< 5") || published.equals("—") || !published.matches("[1-4]"))
                .as("no exact count from 1 to 4: " + published).isTrue();
        assertThat(received(CABINET)).as("a governor is not alerted").noneMatch(m -> subject(m).startsWith("Indicateur")
                || subject(m).startsWith("المؤشر"));

        assertThat(alerts(clockOn(transition.semesterEnd())).queueDue()).as("checked again").isZero();
        sender(clockOn(transition.semesterEnd())).sendDue();
        assertThat(received(PROGRAMME).stream().filter(m -> subject(m).contains("Indicateur " + transition.code() + " ")
                && subject(m).contains(wording.semester(transition.semester(), Locale.FRENCH)))).hasSize(1);
    }

    @Test
    void aCommunesPortalLatePastTheThresholdIsAlertedOnce() throws Exception {
        awaitDemoPulls();
        subscribeProgrammeManager();
        Clock fourDaysLater = Clock.fixed(Instant.now().plus(Duration.ofDays(4)), Committees.ZONE);
        assertThat(new LatePortals(warehouse).asOf(Instant.now())).as("just pulled").isEmpty();

        alerts(fourDaysLater).queueDue();
        sender(fourDaysLater).sendDue();
        MimeMessage late = only(received(PROGRAMME), "Portail de Kasba Tadla en retard");
        assertThat(body(late)).contains("(05.091.01.07)", "72 heures", "https://observatoire.example.ma/quality");

        assertThat(alerts(fourDaysLater).queueDue()).isZero();
    }

    @Test
    void aFailedSendIsRetriedUntilTheServerReturnsAndGivenUpOnlyAfterTheLastAttempt() throws Exception {
        Instant start = Instant.now();
        sender(at(start)).sendDue(); // what others queued goes first
        smtp.stop();
        try {
            queue("given-up@example.ma", "Essai abandonné", start);
            sender(at(start)).sendDue();
            assertThat(outboxItem("given-up@example.ma", "Essai abandonné").orElseThrow())
                    .containsEntry("status", "RETRYING").containsEntry("attempts", 1);
            sender(at(start.plus(Duration.ofMinutes(2)))).sendDue();
            sender(at(start.plus(Duration.ofMinutes(10)))).sendDue();
            Map<String, Object> givenUp = outboxItem("given-up@example.ma", "Essai abandonné").orElseThrow();
            assertThat(givenUp).containsEntry("status", "FAILED").containsEntry("attempts", 3);
            assertThat((String) givenUp.get("lastError")).contains("Connect");

            queue("retried@example.ma", "Essai repris", start.plus(Duration.ofMinutes(10)));
            sender(at(start.plus(Duration.ofMinutes(10)))).sendDue();
            assertThat(outboxItem("retried@example.ma", "Essai repris").orElseThrow())
                    .containsEntry("status", "RETRYING").containsEntry("attempts", 1);
        } finally {
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        sender(at(start.plus(Duration.ofMinutes(10)))).sendDue();
        assertThat(outboxItem("retried@example.ma", "Essai repris").orElseThrow()).as("not due again yet")
                .containsEntry("status", "RETRYING");
        sender(at(start.plus(Duration.ofMinutes(12)))).sendDue();
        assertThat(outboxItem("retried@example.ma", "Essai repris").orElseThrow()).containsEntry("status", "SENT")
                .containsEntry("attempts", 2);
        assertThat(received("retried@example.ma")).singleElement().satisfies(m -> assertThat(body(m)).contains("corps"));
        assertThat(received("given-up@example.ma")).isEmpty();
        assertThat(outboxItem("given-up@example.ma", "Essai abandonné").orElseThrow()).containsEntry("status", "FAILED");
    }

    @Test
    void theOutboxIsTheAdministratorsOnlyAndPagedNewestFirst() throws Exception {
        queue("order-1@example.ma", "Premier", Instant.parse("2040-01-01T00:00:00Z"));
        queue("order-2@example.ma", "Second", Instant.parse("2040-01-02T00:00:00Z"));
        List<Map<String, Object>> newest = items(get("/api/v1/admin/outbox?page=0&size=2", "admin"));
        assertThat(newest).extracting(m -> m.get("to")).containsExactly("order-2@example.ma", "order-1@example.ma");
        assertThat(status("GET", "/api/v1/admin/outbox", "enabel", null).code()).isEqualTo(403);
        HttpResponse size = status("GET", "/api/v1/admin/outbox?size=0", "admin", null);
        assertThat(size.code()).isEqualTo(400);
        assertThat(size.body()).contains("\"parameter\":\"size\"");
    }

    // ---- the jobs, as the application builds them, with this test's clocks and server

    private Recipients recipients() {
        return new Recipients(committees, subscriptions, users);
    }

    private BriefMailing briefs(Clock clock) {
        return new BriefMailing(meetings, briefJob, territories, recipients(), outbox, wording, properties,
                reports, clock);
    }

    private Reminders reminders(Clock clock) {
        return new Reminders(committees, territories, recipients(), outbox, wording, properties, clock);
    }

    private Alerts alerts(Clock clock) {
        return new Alerts(indicators, disclosure, new LatePortals(warehouse), recipients(), outbox, wording,
                properties, clock);
    }

    private OutboxSender sender(Clock clock) {
        JavaMailSenderImpl server = new JavaMailSenderImpl();
        server.setHost("127.0.0.1");
        server.setPort(smtpPort);
        return new OutboxSender(outbox, server, properties, clock);
    }

    private void queue(String to, String subject, Instant at) {
        assertThat(outbox.queue(new OutgoingMail("TEST " + to + " " + at, MailKind.ALERT, to, "fr", subject, "corps",
                List.of()), at)).isTrue();
    }

    private void subscribeProgrammeManager() throws Exception {
        assertThat(send("PUT", "/api/v1/me/subscriptions", "enabel", """
                {"email": "%s", "lang": "fr", "briefs": false, "reminders": false, "alerts": true}""".formatted(PROGRAMME))
                .statusCode()).isEqualTo(200);
    }

    /** An indicator whose published status is OFF_TRACK in a semester and was not in the one before (the demo has some). */
    private record Transition(String code, String semester, String semesterEnd) {
    }

    private Transition offTrackTransition() {
        List<String> semesters = new ArrayList<>();
        for (int year = 2022; year <= 2026; year++) {
            semesters.add(year + "S1");
            semesters.add(year + "S2");
        }
        for (int i = semesters.size() - 1; i > 0; i--) {
            Map<String, String> before = new java.util.HashMap<>();
            indicators.indicators("programme", semesters.get(i - 1)).forEach(f -> before.put(f.code(), status(f)));
            for (IndicatorFigure figure : indicators.indicators("programme", semesters.get(i))) {
                if ("OFF_TRACK".equals(status(figure)) && !"OFF_TRACK".equals(before.get(figure.code()))) {
                    String semester = semesters.get(i);
                    return new Transition(figure.code(), semester, semester.endsWith("S1")
                            ? semester.substring(0, 4) + "-06-30" : semester.substring(0, 4) + "-12-31");
                }
            }
        }
        throw new AssertionError("the demo's marts have no indicator turning OFF_TRACK");
    }

    private String status(IndicatorFigure figure) {
        PublishedActual actual = disclosure.actual(figure.actual(), figure.target(), Audience.PROTECTED);
        return actual.status();
    }

    // ---- reading the mail

    private List<MimeMessage> received(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).map(Address::toString).anyMatch(address::equals);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage only(List<MimeMessage> messages, String inSubject) {
        List<MimeMessage> matching = messages.stream().filter(m -> subject(m).contains(inSubject)).toList();
        assertThat(matching).as("messages whose subject holds " + inSubject).hasSize(1);
        return matching.get(0);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text part of a message, attachments apart. */
    private static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return text;
            }
            Multipart parts = (Multipart) content;
            for (int i = 0; i < parts.getCount(); i++) {
                Part part = parts.getBodyPart(i);
                if (part.getContent() instanceof Multipart nested) {
                    for (int j = 0; j < nested.getCount(); j++) {
                        if (nested.getBodyPart(j).isMimeType("text/plain")) {
                            return (String) nested.getBodyPart(j).getContent();
                        }
                    }
                } else if (part.isMimeType("text/plain") && part.getFileName() == null) {
                    return (String) part.getContent();
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Part pdf(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        List<Part> attachments = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                attachments.add(parts.getBodyPart(i));
            }
        }
        assertThat(attachments).hasSize(1);
        Part pdf = attachments.get(0);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        return pdf;
    }

    private static String text(Part pdf) throws Exception {
        byte[] bytes = pdf.getInputStream().readAllBytes();
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Path file = Files.createTempFile("mailed-brief-", ".pdf");
        Path out = Files.createTempFile("mailed-brief-", ".txt");
        try {
            Files.write(file, bytes);
            assertThat(ExternalCommand.run(new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(out.toFile()), Duration.ofMinutes(1)))
                    .isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.delete(file);
            Files.delete(out);
        }
    }

    // ---- the API

    private record HttpResponse(int code, String body) {
    }

    private HttpResponse status(String method, String path, String user, String body) throws Exception {
        java.net.http.HttpResponse<String> response = body == null && method.equals("GET") ? get(path, user)
                : send(method, path, user, body);
        return new HttpResponse(response.statusCode(), response.body());
    }

    /** The semester a brief of Azilal's meeting on {@code day} covers: the latest with participation before it. */
    private String briefSemester(String day) {
        return briefSemesters.before(territories.find(Territory.Level.PROVINCE, "05.081").orElseThrow(), LocalDate.parse(day)).code();
    }

    private Number plan(String day) throws Exception {
        java.net.http.HttpResponse<String> planned = send("POST", AZILAL + "/meetings", "gov-azilal", """
                {"kind": "ORDINARY", "mode": "IN_PERSON", "plannedOn": "%s", "place": "Azilal"}""".formatted(day));
        assertThat(planned.statusCode()).isEqualTo(201);
        return (Number) object(planned).get("id");
    }

    private Optional<Map<String, Object>> outboxItem(String to, String inSubject) throws Exception {
        return items(get("/api/v1/admin/outbox?page=0&size=500", "admin")).stream()
                .filter(m -> to.equals(m.get("to")) && ((String) m.get("subject")).contains(inSubject)).findFirst();
    }

    private static Clock clockOn(String day) {
        return Clock.fixed(Instant.parse(day + "T08:00:00Z"), Committees.ZONE);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, Committees.ZONE);
    }
}
