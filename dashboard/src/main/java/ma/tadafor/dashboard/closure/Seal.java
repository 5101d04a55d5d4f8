package ma.tadafor.dashboard.closure;

import java.time.LocalDate;

/**
 * What a page or the brief says of a closed province-semester: its figures are those its committee
 * approved, on that day (Morocco's), by that person.
 */
public record Seal(long closureId, String provinceCode, String semester, String approvedBy, LocalDate approvedOn) {
}
