package ma.tadafor.dashboard.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A half-year as the results framework counts it: {@code 2024S1} is January–June 2024. It owns its
 * code; how a reader says it ("1er semestre 2024", "الأسدس الأول 2024") is {@code Wording.semester}'s.
 * A package of its own: the reports, closures, mails and the wording all use it, and it uses none of them.
 */
public record Semester(int year, int half) {

    public static Semester of(LocalDate day) {
        return new Semester(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
    }

    /** Every semester from the one holding {@code first} to the one holding {@code last}. */
    public static List<Semester> between(LocalDate first, LocalDate last) {
        List<Semester> semesters = new ArrayList<>();
        for (Semester s = of(first); !s.start().isAfter(last); s = s.next()) {
            semesters.add(s);
        }
        return semesters;
    }

    /** {@code 2024S1}, or empty when the text is not a semester. */
    public static Optional<Semester> parse(String code) {
        if (code == null || !code.matches("\\d{4}S[12]")) {
            return Optional.empty();
        }
        return Optional.of(new Semester(Integer.parseInt(code.substring(0, 4)), code.charAt(5) - '0'));
    }

    public Semester previous() {
        return half == 2 ? new Semester(year, 1) : new Semester(year - 1, 2);
    }

    public Semester next() {
        return half == 1 ? new Semester(year, 2) : new Semester(year + 1, 1);
    }

    public LocalDate start() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    public LocalDate end() {
        return start().plusMonths(6).minusDays(1);
    }

    public String code() {
        return year + "S" + half;
    }
}
