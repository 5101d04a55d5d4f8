package ma.tadafor.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import ma.tadafor.dashboard.period.Semester;

/** The one refusal of a semester, which the API, the pages, the brief and the governor's home share. */
class ReportingScopesTest {

    @Test
    void aSemesterIsReadFromItsCode() {
        assertThat(ReportingScopes.semester("semester", "2024S2")).isEqualTo(new Semester(2024, 2));
        assertThat(ReportingScopes.semester("semester", " 2025S1 ")).isEqualTo(new Semester(2025, 1));
    }

    @Test
    void aMissingSemesterIsAskedForAndAMalformedOneQuoted() {
        for (String missing : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> ReportingScopes.semester("semester", missing)).isInstanceOfSatisfying(
                    InvalidParameterException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("semester");
                        assertThat(e.getMessage()).isEqualTo("give a semester such as 2024S1");
                    });
        }
        assertThatThrownBy(() -> ReportingScopes.semester("covered", "2024S3")).isInstanceOfSatisfying(
                InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("covered");
                    assertThat(e.getMessage()).isEqualTo("'2024S3' is not a semester such as 2024S1");
                });
    }
}
