package ma.tadafor.dashboard.disclosure;

import static ma.tadafor.data.mart.ParticipationDimension.COMMUNE;
import static ma.tadafor.data.mart.ParticipationDimension.DISABILITY;
import static ma.tadafor.data.mart.ParticipationDimension.SEMESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.data.mart.ParticipationQuery;

class QuerySpaceTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"-, -", "-, 2024-03-31", "2024-03-01, 2024-03-31", "2024-01-01, 2024-06-30",
            "2024-07-01, 2024-12-31", "2024-01-01, 2024-12-31", "-, 2024-02-29"})
    void aMonthASemesterAYearOrEverythingUpToAMonthsEndMayBeAsked(String from, String to) {
        assertThatCode(() -> QuerySpace.check(query(Map.of(), from, to))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"2024-03-01, 2024-03-30, from", "2024-03-02, 2024-03-31, from",
            "-, 2024-03-30, to", "2024-01-01, -, from", "2024-02-01, 2024-07-31, from", "2024-01-01, 2025-12-31, from",
            "2024-03-01, 2024-04-30, from"})
    void anyOtherWindowIsRefusedNamingTheRule(String from, String to, String parameter) {
        assertThatThrownBy(() -> QuerySpace.check(query(Map.of(), from, to)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.getMessage()).contains("one calendar month");
                });
    }

    @Test
    void aFilterTakesOneValue() {
        assertThatCode(() -> QuerySpace.check(query(Map.of(DISABILITY, List.of("YES")), null, null)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> QuerySpace.check(query(Map.of(COMMUNE, List.of("05.091.01.07", "05.091.01.01")), null, null)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("commune"))
                .hasMessageContaining("one value");
    }

    @Test
    void aPeriodIsGivenOnceNotAsASemesterAndAWindow() {
        assertThatThrownBy(() -> QuerySpace.check(query(Map.of(SEMESTER, List.of("2024S1")), null, "2024-03-31")))
                .hasMessageContaining("not both");
    }

    private static ParticipationQuery query(Map<ma.tadafor.data.mart.ParticipationDimension, List<Object>> filters,
            String from, String to) {
        return new ParticipationQuery(List.of(), filters, from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to));
    }
}
