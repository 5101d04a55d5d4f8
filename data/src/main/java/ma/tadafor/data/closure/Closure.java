package ma.tadafor.data.closure;

import java.time.Instant;

/**
 * A province's semester proposed for closing, approved by its committee (its figures frozen from
 * then on) or reopened by the administrator with a reason.
 */
public record Closure(long id, String provinceCode, String semester, Status status, String proposedBy,
                      Instant proposedAt, String approvedBy, Instant approvedAt, String reopenedBy, Instant reopenedAt,
                      String reopenReason) {

    public enum Status {
        PROPOSED, APPROVED, REOPENED
    }

    static final String COLUMNS = """
            id, province_code, semester, status, proposed_by, proposed_at, approved_by, approved_at, reopened_by,
            reopened_at, reopen_reason""";

    static Closure read(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Closure(row.getLong(1), row.getString(2), row.getString(3), Status.valueOf(row.getString(4)),
                row.getString(5), instant(row, 6), row.getString(7), instant(row, 8), row.getString(9), instant(row, 10),
                row.getString(11));
    }

    private static Instant instant(java.sql.ResultSet row, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime at = row.getObject(column, java.time.OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
