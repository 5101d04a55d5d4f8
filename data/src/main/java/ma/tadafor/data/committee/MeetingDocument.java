package ma.tadafor.data.committee;

/** A document tabled at a meeting (presentation, report, attendance sheet), by its address. */
public record MeetingDocument(String title, String url) {
}
