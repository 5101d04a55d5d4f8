package ma.tadafor.data.committee;

/** Who came to a meeting from one institution, counted by sex (counts, not names). */
public record Attendance(String institution, int women, int men) {
}
