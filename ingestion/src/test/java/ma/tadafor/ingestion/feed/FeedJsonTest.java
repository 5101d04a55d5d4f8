package ma.tadafor.ingestion.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStatus;
import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.activity.Association;
import ma.tadafor.data.activity.Funding;
import ma.tadafor.data.activity.Gender;
import ma.tadafor.data.activity.Initiator;
import ma.tadafor.data.activity.LocalizedText;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.data.activity.Role;
import ma.tadafor.data.activity.Theme;

class FeedJsonTest {

    private final FeedJson json = new FeedJson();

    /** The example of PORTAL_FEED.md, verbatim. */
    private static final String CONTRACT_EXAMPLE = """
            {
              "communeCode": "05.091.01.07",
              "generatedAt": "2024-06-30T12:00:00Z",
              "items": [
                {
                  "id": "petition-2024-017",
                  "updatedAt": "2024-03-02T10:15:00Z",
                  "deleted": false,
                  "mechanism": "PETITION",
                  "status": "ADMISSIBLE",
                  "startDate": "2024-03-01",
                  "endDate": null,
                  "title": {"fr": "Éclairage public du douar", "ar": "الإنارة العمومية للدوار"},
                  "theme": "INFRASTRUCTURE",
                  "initiator": "CITIZENS",
                  "participation": [
                    {"gender": "F", "ageBand": "18-24", "disability": false, "role": "CITIZEN", "count": 12},
                    {"gender": "M", "ageBand": "35-59", "disability": true,  "role": "CITIZEN", "count": 1},
                    {"gender": "U", "ageBand": "UNKNOWN", "disability": null, "role": "CITIZEN", "count": 3}
                  ],
                  "funding": null,
                  "associations": [],
                  "indhProjectRef": null
                }
              ],
              "nextPageToken": "eyJ1IjoiMjAyNC0wMy0wMlQxMDoxNTowMFoiLCJpIjoicGV0aXRpb24tMjAyNC0wMTcifQ"
            }""";

    @Test
    void readsTheContractsExample() {
        FeedPage page = json.readPage(CONTRACT_EXAMPLE);

        assertThat(page.communeCode()).isEqualTo("05.091.01.07");
        assertThat(page.nextPageToken()).startsWith("eyJ1");
        assertThat(page.entries()).singleElement().isInstanceOfSatisfying(FeedEntry.Valid.class, valid -> {
            Activity activity = valid.activity();
            assertThat(activity.id()).isEqualTo("petition-2024-017");
            assertThat(activity.updatedAt()).isEqualTo(Instant.parse("2024-03-02T10:15:00Z"));
            assertThat(activity.mechanism()).isEqualTo(Mechanism.PETITION);
            assertThat(activity.title().ar()).isEqualTo("الإنارة العمومية للدوار");
            assertThat(activity.participation()).containsExactly(
                    new ParticipationCell(Gender.F, AgeBand.AGE_18_24, false, Role.CITIZEN, 12),
                    new ParticipationCell(Gender.M, AgeBand.AGE_35_59, true, Role.CITIZEN, 1),
                    new ParticipationCell(Gender.U, AgeBand.UNKNOWN, null, Role.CITIZEN, 3));
            assertThat(activity.participants()).isEqualTo(16);
        });
    }

    @Test
    void whatTheSimulatorWritesTheConnectorReadsBack() {
        Activity activity = new Activity("coco-2024-003", Instant.parse("2024-02-03T09:00:00Z"),
                Mechanism.CO_CONSTRUCTION_PROJECT, ActivityStatus.ACCEPTED, LocalDate.parse("2024-02-01"),
                LocalDate.parse("2024-09-30"), new LocalizedText("Puits du douar", "بئر الدوار"), Theme.WATER_SANITATION,
                Initiator.ASSOCIATION, List.of(new ParticipationCell(Gender.F, AgeBand.AGE_60_PLUS, null, Role.ASSOCIATION_MEMBER, 4)),
                new Funding(new BigDecimal("200000.50"), new BigDecimal("50000"), new BigDecimal("150000"), BigDecimal.ZERO),
                List.of(new Association("asso-12", "Association Al Amal")), "INDH-05.091-2023-014");

        String body = json.write(json.page("05.091.01.07", "2024-06-30T12:00:00Z", List.of(json.item(activity),
                json.tombstone("petition-2023-001", "2024-02-04T00:00:00Z")), null));
        FeedPage page = json.readPage(body);

        assertThat(page.nextPageToken()).isNull();
        assertThat(page.entries()).hasSize(2);
        assertThat(((FeedEntry.Valid) page.entries().get(0)).activity()).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(activity);
        assertThat(page.entries().get(1)).isInstanceOfSatisfying(FeedEntry.Withdrawn.class, withdrawn ->
                assertThat(withdrawn.withdrawal().updatedAt()).isEqualTo(Instant.parse("2024-02-04T00:00:00Z")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            unknown mechanism      | "mechanism": "PETITON"                         | mechanism: "PETITON" is not a known Mechanism | unknownValue
            unknown status         | "status": "DONE"                               | status: "DONE" is not a known ActivityStatus | unknownValue
            unknown theme          | "theme": "SPORT"                               | theme: "SPORT" is not a known Theme | unknownValue
            negative count         | "participation": [{"gender": "F", "ageBand": "18-24", "disability": false, "role": "CITIZEN", "count": -2}] | participation[0].count: -2 is not an integer from 1 to 1000000 | count
            non-integer count      | "participation": [{"gender": "F", "ageBand": "18-24", "disability": false, "role": "CITIZEN", "count": 2.5}] | participation[0].count: 2.5 is not an integer | count
            zero count             | "participation": [{"gender": "F", "ageBand": "18-24", "disability": false, "role": "CITIZEN", "count": 0}] | participation[0].count: 0 is not an integer | count
            too big a count        | "participation": [{"gender": "F", "ageBand": "18-24", "disability": false, "role": "CITIZEN", "count": 1000001}] | participation[0].count: 1000001 | count
            unknown gender         | "participation": [{"gender": "X", "ageBand": "18-24", "disability": false, "role": "CITIZEN", "count": 2}] | participation[0].gender: "X" is not a known Gender | unknownValue
            unknown age band       | "participation": [{"gender": "F", "ageBand": "18-34", "disability": false, "role": "CITIZEN", "count": 2}] | participation[0].ageBand: "18-34" is not one of | unknownValue
            text disability        | "participation": [{"gender": "F", "ageBand": "18-24", "disability": "no", "role": "CITIZEN", "count": 2}] | participation[0].disability: must be true, false or null | notBoolean
            end before start       | "startDate": "2024-03-01", "endDate": "2024-02-01" | endDate: 2024-02-01 is before startDate 2024-03-01 | endBeforeStart
            bad date               | "startDate": "01/03/2024"                      | startDate: "01/03/2024" is not a date | date
            bad updatedAt          | "updatedAt": "yesterday"                       | updatedAt: "yesterday" is not an ISO-8601 instant | instant
            negative funding       | "funding": {"tadaforMad": -5}                  | funding.tadaforMad: -5 is not an amount ≥ 0 | amount
            participation missing  | "participation": null                          | participation: must be an array | notAnArray
            title too long         | "title": {"fr": "%s"}                           | title.fr: longer than 500 characters | tooLong
            """)
    void anItemThatBreaksARuleIsSetAsideWithItsReason(String rule, String override, String reason, String code) {
        String item = validItem("item-1", override.formatted("x".repeat(501)));

        FeedPage page = json.readPage(page(item, validItem("item-2", "")));

        assertThat(page.entries().get(0)).isInstanceOfSatisfying(FeedEntry.Invalid.class, invalid -> {
            assertThat(invalid.itemId()).isEqualTo("item-1");
            assertThat(invalid.reason()).contains(reason);
            assertThat(QuarantineReason.of(invalid.reason())).as("the pages word it")
                    .hasValueSatisfying(known -> assertThat(known.code()).isEqualTo(code));
            assertThat(invalid.rawText()).contains("\"item-1\"");
        });
        assertThat(page.entries().get(1)).as("the rest of the page stands").isInstanceOf(FeedEntry.Valid.class);
    }

    @Test
    void anItemWithoutIdIsSetAside() {
        String item = validItem("x", "").replace("\"id\": \"x\",", "");

        FeedPage page = json.readPage(page(item));

        assertThat(page.entries().get(0)).isInstanceOfSatisfying(FeedEntry.Invalid.class, invalid -> {
            assertThat(invalid.itemId()).isNull();
            assertThat(invalid.reason()).startsWith("id:");
            assertThat(QuarantineReason.of(invalid.reason())).contains(new QuarantineReason("idLength", "id", ""));
        });
    }

    @Test
    void anItemWithTooManyCellsIsSetAside() {
        String cell = "{\"gender\": \"F\", \"ageBand\": \"18-24\", \"disability\": false, \"role\": \"CITIZEN\", \"count\": 1}";
        String cells = String.join(",", java.util.Collections.nCopies(10_001, cell));

        FeedPage page = json.readPage(page(validItem("big", "\"participation\": [" + cells + "]")));

        assertThat(((FeedEntry.Invalid) page.entries().get(0)).reason()).isEqualTo("participation: 10001 cells, more than 10000");
        assertThat(QuarantineReason.of("participation: 10001 cells, more than 10000"))
                .contains(new QuarantineReason("tooManyCells", "participation", "10001"));
        assertThat(QuarantineReason.of("proposal: publishedAt: 'hier' is not a date and time"))
                .as("the Decidim mapping's").contains(new QuarantineReason("instant", "publishedAt", "hier"));
        assertThat(QuarantineReason.of("something no rule says")).isEmpty();
    }

    @Test
    void aBodyThatIsNotAFeedPageFailsTheWholePage() {
        assertThatThrownBy(() -> json.readPage("<html><body>Service Unavailable</body></html>"))
                .isInstanceOf(MalformedPageException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> json.readPage("{\"error\": \"maintenance\"}"))
                .isInstanceOf(MalformedPageException.class).hasMessageContaining("no items array");
        assertThatThrownBy(() -> json.readPage("")).isInstanceOf(MalformedPageException.class);
    }

    /** A valid item; {@code override} replaces the fields it names (later keys win in Jackson). */
    private static String validItem(String id, String override) {
        return """
                {"id": "%s", "updatedAt": "2024-03-02T10:15:00Z", "deleted": false, "mechanism": "CITIZEN_MEETING",
                 "status": "HELD", "startDate": "2024-03-01", "endDate": null, "title": null, "theme": "HEALTH",
                 "initiator": "COMMUNE", "participation": [], "funding": null, "associations": [], "indhProjectRef": null
                 %s}""".formatted(id, override.isEmpty() ? "" : ", " + override);
    }

    private static String page(String... items) {
        return "{\"communeCode\": \"05.091.01.07\", \"generatedAt\": \"2024-06-30T12:00:00Z\", \"items\": ["
                + String.join(",", items) + "], \"nextPageToken\": null}";
    }
}
