package ma.tadafor.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.dashboard.closure.ClosureReadings;
import ma.tadafor.dashboard.ExternalCommand;
import ma.tadafor.dashboard.committee.Committees;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.indicators.Standings;
import ma.tadafor.dashboard.period.Semester;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.committee.MeetingBriefStore;
import ma.tadafor.data.convergence.ConvergenceQueries;
import ma.tadafor.data.mart.ParticipationRateQueries;
import ma.tadafor.data.quality.DataQualityQueries;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The committee brief printed by the real Chromium and read back with poppler's pdftotext and
 * pdftoppm (Debian poppler-utils, installed by .ci/run): French headings, Arabic commune names in
 * logical order, charts drawn; the committee's access rules and bad parameters; the job that
 * attaches the briefs two weeks before a planned meeting, driven with a fixed clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitteeBriefTest extends DemoApplicationTest {

    private static final String BRIEF = "/api/v1/reports/committee-brief?province=05.091&semester=2024S1&lang=";
    private static final String BENI_MELLAL = "/api/v1/committees/05.091";
    /** Bidi controls pdftotext puts around right-to-left runs: not part of the text. */
    private static final String BIDI_CONTROLS = "[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]";
    /** The communes chart's bars (Charts.PALETTE[2]) as pdftoppm draws them. */
    private static final int[] BAR_GREEN = {0x00, 0x9E, 0x73};

    @Autowired
    private MeetingBriefStore store;
    @Autowired
    private CommitteeBriefs briefs;
    @Autowired
    private BriefSemesters semesters;
    @Autowired
    private TerritoryQueries territories;
    @Autowired
    private Disclosure disclosure;
    @Autowired
    private ParticipationRateQueries rates;
    @Autowired
    private Standings standings;
    @Autowired
    private Wording wording;
    @Autowired
    private ConvergenceQueries convergence;
    @Autowired
    private DataQualityQueries quality;
    @Autowired
    private CommitteeStore committees;
    @Autowired
    private ClosureReadings closures;

    private String overdueText;

    @BeforeAll
    void aHeldMeetingWithAnOverdueRecommendation() throws Exception {
        awaitMarts();
        Number meeting = (Number) object(send("POST", BENI_MELLAL + "/meetings", "gov-beni-mellal", """
                {"kind": "ORDINARY", "mode": "IN_PERSON", "plannedOn": "2024-01-16", "place": "Béni Mellal",
                 "agenda": [{"textFr": "Bilan du semestre", "textAr": "حصيلة الأسدس"}]}""")).get("id");
        assertThat(send("PATCH", BENI_MELLAL + "/meetings/" + meeting, "gov-beni-mellal",
                "{\"heldOn\": \"2024-01-16\"}").statusCode()).isEqualTo(200);
        overdueText = "Installer l'instance IEECAG de Kasba Tadla " + meeting;
        assertThat(send("POST", BENI_MELLAL + "/recommendations", "gov-beni-mellal", """
                {"meetingId": %s, "textFr": "%s", "textAr": "تفعيل هيئة المساواة بقصبة تادلة", "ownerInstitution": "Commune de Kasba Tadla",
                 "dueOn": "2024-03-31"}""".formatted(meeting, overdueText)).statusCode()).isEqualTo(201);
    }

    @Test
    void theFrenchBriefHasItsSectionsTheOverdueRecommendationOnItsAgendaAndItsCharts() throws Exception {
        HttpResponse<byte[]> response = pdf(BRIEF + "fr", "gov-beni-mellal");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(response.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        keep(response.body(), "fr");
        String text = text(response.body());
        assertThat(text).contains("Note au comité technique d’orientation et de suivi", "1. Progrès des communes partenaires",
                "2. Participation par genre, âge et handicap", "3. Cadre de résultats", "4. Convergence avec l’INDH",
                "5. Qualité des données", "6. Recommandations de la réunion précédente", "7. Proposition d’ordre du jour",
                "Indice de représentation", "Kasba Tadla");
        // issued at the last meeting held, open past its due date: in its table and proposed for the agenda
        assertThat(text.replaceAll("\\s+", " ")).contains("Recommandation échue le 31 mars 2024 : « " + overdueText);
        assertThat(barPixels(response.body())).as("pixels of the communes chart's bars").isGreaterThan(500);
    }

    @Test
    void theArabicBriefNamesTheCommunesInArabicInReadingOrder() throws Exception {
        HttpResponse<byte[]> response = pdf(BRIEF + "ar", "gov-beni-mellal");
        assertThat(response.statusCode()).isEqualTo(200);
        keep(response.body(), "ar");
        String text = text(response.body()).replaceAll(BIDI_CONTROLS, "");
        List<String> arabicNames = items(get("/api/v1/territories/communes?programme=true", "gov-beni-mellal")).stream()
                .filter(c -> "05.091".equals(c.get("provinceCode"))).map(c -> (String) c.get("nameAr")).toList();
        assertThat(arabicNames).isNotEmpty();
        assertThat(text).contains(arabicNames);
        assertThat(text).contains("مذكرة إلى اللجنة التقنية للتوجيه والتتبع", "تقدم الجماعات الشريكة", "مقترح جدول الأعمال");
        assertThat(barPixels(response.body())).as("pixels of the communes chart's bars").isGreaterThan(500);
    }

    /** Whoever prints it, the brief holds protected figures: a count of participants is 0, 5 or more, or "< 5". */
    @Test
    void theBriefsCountsAreProtectedAndItSaysSo() {
        Territory province = territories.find(Territory.Level.PROVINCE, "05.091").orElseThrow();
        TerritorialScope committee = TerritorialScope.of(Set.of(), Set.of(province.code()), Set.of());
        CommitteeBrief.Brief brief = new CommitteeBrief(territories, disclosure, rates, standings, convergence, quality,
                committees, wording, closures).build(province, new Semester(2024, 1), Locale.FRENCH, committee, LocalDate.of(2024, 9, 1));
        assertThat(brief.communes()).isNotEmpty().allSatisfy(commune -> assertThat(List.of(commune.participants(),
                commune.previous())).allSatisfy(CommitteeBriefTest::publishable));
        assertThat(brief.quality()).allSatisfy(commune -> publishable(commune.participants()));
        // the province has no targets of its own in the demo: the programme's, with its projection at the current pace
        assertThat(brief.indicators()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.programmeStatus()).as(row.code()).isTrue();
            assertThat(row.projectedStatus()).as(row.code()).isIn("WILL_MEET", "WILL_MISS", "NO_DATA");
        });
        assertThat(brief.indicators()).anySatisfy(row -> assertThat(row.projectedStatus()).isIn("WILL_MEET", "WILL_MISS"));
        assertThat(brief.indicators()).allSatisfy(row -> assertThat(row.projected() + row.actual() + row.target())
                .doesNotContainPattern("[\u0660-\u0669]"));
        assertThat(briefs.html(province, new Semester(2024, 1), Locale.FRENCH, committee, LocalDate.of(2024, 9, 1)))
                .contains("Chiffres protégés", "un total peut différer légèrement de la somme de ses lignes");
    }

    private static void publishable(String count) {
        assertThat("< 5".equals(count) || Long.parseLong(count.replaceAll("\\D", "")) == 0
                || Long.parseLong(count.replaceAll("\\D", "")) >= 5).as(count).isTrue();
    }

    @Test
    void theCommitteesReadersOnlyAndEachBadParameterNamed() throws Exception {
        assertThat(pdf(BRIEF + "fr", "gov-azilal").statusCode()).isEqualTo(403);
        assertThat(pdf(BRIEF + "fr", "focal-kasba-tadla").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/reports/committee-brief?province=05.999&semester=2024S1&lang=fr", "admin").body())
                .contains("\"parameter\":\"province\"");
        for (String[] bad : new String[][] {{"province=05.999&semester=2024S1&lang=fr", "province"},
                {"province=05.091&semester=2024S3&lang=fr", "semester"}, {"province=05.091&semester=2024S1&lang=en", "lang"},
                {"semester=2024S1&lang=fr", "province"}}) {
            HttpResponse<String> response = get("/api/v1/reports/committee-brief?" + bad[0], "gov-beni-mellal");
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(response.body()).contains("\"parameter\":\"" + bad[1] + "\"");
        }
    }

    @Test
    void withoutChromiumTheBriefSaysWhatIsMissing() {
        ChromiumPdf absent = new ChromiumPdf(new ReportProperties(Path.of("/nonexistent/chromium"), Duration.ofSeconds(5), 1,
                Period.ofDays(14), Duration.ZERO));
        assertThatThrownBy(() -> absent.print("<html></html>")).isInstanceOf(BriefUnavailableException.class)
                .satisfies(e -> assertThat(((BriefUnavailableException) e).messageKey()).isEqualTo("brief.unavailable.chromium"));
    }

    @Test
    void theJobAttachesBothBriefsTwoWeeksBeforeThePlannedMeetingOnce() throws Exception {
        Number meeting = (Number) object(send("POST", BENI_MELLAL + "/meetings", "gov-beni-mellal", """
                {"kind": "ORDINARY", "mode": "IN_PERSON", "plannedOn": "2025-01-20", "place": "Béni Mellal"}""")).get("id");
        ReportProperties properties = new ReportProperties(Path.of("/usr/bin/chromium"), Duration.ofSeconds(120), 2,
                Period.ofDays(14), Duration.ZERO);

        new MeetingBriefJob(store, briefs, territories, semesters, properties, clockOn("2025-01-05")).prepareDue();
        assertThat(briefsOf(meeting)).as("15 days before").isEmpty();

        assertThat(new MeetingBriefJob(store, briefs, territories, semesters, properties, clockOn("2025-01-06")).prepareDue())
                .isGreaterThanOrEqualTo(2);
        List<Map<String, Object>> attached = briefsOf(meeting);
        assertThat(attached).extracting(b -> b.get("lang")).containsExactly("ar", "fr");
        assertThat(attached).extracting(b -> b.get("semester")).containsOnly("2024S2");

        HttpResponse<byte[]> arabic = pdf(BENI_MELLAL + "/meetings/" + meeting + "/briefs/ar", "gov-beni-mellal");
        assertThat(arabic.statusCode()).isEqualTo(200);
        assertThat(text(arabic.body())).as("the semester in words").contains("الأسدس الثاني").doesNotContain("2024S2");
        assertThat(pdf("/api/v1/committees/05.081/meetings/" + meeting + "/briefs/ar", "gov-beni-mellal").statusCode())
                .isEqualTo(403);

        // the next check, and a restarted application (a new job), find nothing left to do
        assertThat(new MeetingBriefJob(store, briefs, territories, semesters, properties, clockOn("2025-01-07")).prepareDue()).isZero();
        assertThat(briefsOf(meeting)).isEqualTo(attached);
    }

    private List<Map<String, Object>> briefsOf(Number meeting) throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attached = (List<Map<String, Object>>) object(get(BENI_MELLAL + "/meetings/" + meeting,
                "gov-beni-mellal")).get("briefs");
        return attached;
    }

    private static Clock clockOn(String day) {
        return Clock.fixed(Instant.parse(day + "T08:00:00Z"), Committees.ZONE);
    }

    private HttpResponse<byte[]> pdf(String path, String user) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Left in target/ for docs/screenshots (docs/COMMITTEES.md says how they are made). */
    private static void keep(byte[] pdf, String lang) throws IOException {
        Files.write(Path.of("target", "committee-brief-" + lang + ".pdf"), pdf);
    }

    private static String text(byte[] pdf) throws Exception {
        return PdfText.of(pdf);
    }

    /** Pixels of the first page, rendered at 50 dpi, in the colour of the communes chart's bars. */
    private static long barPixels(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("brief-", ".pdf");
        try {
            Files.write(file, pdf);
            byte[] ppm = PdfText.run("pdftoppm", "-r", "50", "-f", "1", "-l", "1", file.toString());
            // P6 header: magic, width, height, maxval, each followed by one whitespace
            int offset = 0;
            for (int fields = 0; fields < 4; offset++) {
                if (Character.isWhitespace(ppm[offset])) {
                    fields++;
                }
            }
            long matching = 0;
            for (int i = offset; i + 2 < ppm.length; i += 3) {
                if (near(ppm[i], BAR_GREEN[0]) && near(ppm[i + 1], BAR_GREEN[1]) && near(ppm[i + 2], BAR_GREEN[2])) {
                    matching++;
                }
            }
            return matching;
        } finally {
            Files.delete(file);
        }
    }

    private static boolean near(byte value, int expected) {
        return Math.abs((value & 0xFF) - expected) <= 24;
    }
}
