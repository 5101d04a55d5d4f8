package ma.tadafor.dashboard.wording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    /** The isolates and the narrow no-break space made visible: [ ] and _. */
    private static String seen(String written) {
        return written.replace('\u2068', '[').replace('\u2069', ']').replace('\u202F', '_').replace('\u00A0', ' ');
    }

    @Test
    void groupsOfThreeWithANarrowNoBreakSpaceInsideIsolates() {
        assertThat(seen(Numbers.count(3052))).isEqualTo("[3_052]");
        assertThat(seen(Numbers.count(209104))).isEqualTo("[209_104]");
        assertThat(seen(Numbers.count(1234567))).isEqualTo("[1_234_567]");
        assertThat(seen(Numbers.count(999))).isEqualTo("[999]");
        assertThat(seen(Numbers.count(-4500))).isEqualTo("[-4_500]");
    }

    @Test
    void aDecimalCommaAndRoundingHalfUp() {
        assertThat(seen(Numbers.decimal(12.25, 1))).isEqualTo("[12,3]");
        assertThat(seen(Numbers.decimal(0.2, 2))).isEqualTo("[0,20]");
        assertThat(seen(Numbers.decimal(40000.0, 0))).isEqualTo("[40_000]");
        assertThat(seen(Numbers.percent(28.04))).isEqualTo("[28,0] %");
        assertThat(seen(Numbers.change(2.5, " pts"))).isEqualTo("[+2,5] pts");
        assertThat(seen(Numbers.change(-2.5, " pts"))).isEqualTo("[-2,5] pts");
    }

    @Test
    void anIndicatorsFigureFollowsItsUnit() {
        assertThat(seen(Numbers.figure(1500.0, "count"))).isEqualTo("[1_500]");
        assertThat(seen(Numbers.figure(10.5, "count"))).isEqualTo("[10,5]");
        assertThat(seen(Numbers.figure(28.0, "percent"))).isEqualTo("[28,0]");
        assertThat(Numbers.figure(null, "count")).isEqualTo("–");
    }

    @Test
    void onlyWesternDigits() {
        assertThat(Numbers.decimal(1234567.89, 2)).doesNotContainPattern("[\u0660-\u0669\u06F0-\u06F9]");
    }
}
