package ma.tadafor.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.dashboard.committee.Committees;
import ma.tadafor.dashboard.period.Semester;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The default semester of a brief and of the governor's home page: the latest semester with
 * participation ended before the day, not the calendar's last one, checked against what the
 * participation API publishes; and the brief printed without a semester covers it.
 */
class BriefSemestersTest extends DemoApplicationTest {

    @Autowired
    private BriefSemesters semesters;
    @Autowired
    private TerritoryQueries territories;
    @Autowired
    private Wording wording;

    @BeforeEach
    void marts() {
        awaitMarts();
    }

    @Test
    void theLatestSemesterWithParticipationEndedBeforeTheDayNotTheCalendarsLast() throws Exception {
        Territory beniMellal = territories.find(Territory.Level.PROVINCE, "05.091").orElseThrow();
        List<String> reported = reported("05.091");
        assertThat(reported).as("the demo's semesters with participation").contains("2024S1", "2024S2");

        LocalDate today = Committees.today();
        String calendars = Semester.of(today).previous().code();
        String latest = reported.stream().filter(s -> s.compareTo(calendars) <= 0).reduce((a, b) -> b).orElseThrow();
        assertThat(semesters.before(beniMellal, today).code()).isEqualTo(latest);
        if (!reported.contains(calendars)) {
            assertThat(latest).as("the calendar's last semester has no data: not it").isNotEqualTo(calendars);
        }
        assertThat(semesters.before(beniMellal, LocalDate.of(2025, 1, 20)).code()).as("a meeting in January 2025")
                .isEqualTo("2024S2");
        assertThat(semesters.before(beniMellal, LocalDate.of(2024, 7, 1)).code()).as("on the first day of a semester")
                .isEqualTo("2024S1");
    }

    @Test
    void withoutAnyParticipationTheCalendarsLastSemester() {
        // Chichaoua (Marrakech-Safi) lies outside the programme's five regions.
        Territory outside = territories.find(Territory.Level.PROVINCE, "07.161").orElseThrow();
        assertThat(semesters.before(outside, LocalDate.of(2025, 3, 1)).code()).isEqualTo("2024S2");
    }

    @Test
    void theBriefPrintedWithoutASemesterCoversTheDefaultOne() throws Exception {
        Territory beniMellal = territories.find(Territory.Level.PROVINCE, "05.091").orElseThrow();
        String semester = semesters.before(beniMellal, Committees.today()).code();
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(uri("/api/v1/reports/committee-brief?province=05.091&lang=fr")
                .toString())).header("Authorization", basic("gov-beni-mellal", PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(PdfText.of(pdf.body()).replaceAll("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", ""))
                .contains(wording.semester(semester, Locale.FRENCH));
    }

    /** The semesters with participants in the province, oldest first, as a protected reader gets them from the API. */
    private List<String> reported(String province) throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) object(get(
                "/api/v1/participation?groupBy=semester&province=" + province, "gov-beni-mellal")).get("rows");
        return rows.stream().filter(row -> Boolean.TRUE.equals(row.get("suppressed"))
                        || row.get("participants") instanceof Number n && n.longValue() > 0)
                .map(row -> (String) row.get("semester")).sorted().toList();
    }
}
