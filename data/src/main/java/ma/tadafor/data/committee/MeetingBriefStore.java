package ma.tadafor.data.committee;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import ma.tadafor.data.Rows;

/**
 * The briefs attached to meetings ({@code meeting_brief}): the PDFs themselves and what they are.
 * Reads by meeting are called once the caller's right to read that meeting has been checked.
 */
public final class MeetingBriefStore {

    /** A meeting not yet held, planned on a day. */
    public record PlannedMeeting(long id, String provinceCode, LocalDate plannedOn) {
    }

    private final DataSource dataSource;

    public MeetingBriefStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Meetings not held, planned from {@code from} to {@code to} (inclusive), missing their French or Arabic brief. */
    public List<PlannedMeeting> lackingBriefs(LocalDate from, LocalDate to) {
        return planned(from, to, "AND (SELECT count(*) FROM meeting_brief b WHERE b.meeting_id = m.id) < 2");
    }

    /** Meetings not held, planned from {@code from} to {@code to} (inclusive). */
    public List<PlannedMeeting> planned(LocalDate from, LocalDate to) {
        return planned(from, to, "");
    }

    private List<PlannedMeeting> planned(LocalDate from, LocalDate to, String condition) {
        List<PlannedMeeting> meetings = new ArrayList<>();
        Rows.each(dataSource, """
                SELECT m.id, m.province_code, m.planned_on FROM meeting m
                WHERE m.held_on IS NULL AND m.planned_on BETWEEN ? AND ? %s
                ORDER BY m.planned_on, m.id""".formatted(condition), List.of(from, to),
                row -> meetings.add(new PlannedMeeting(row.getLong(1), row.getString(2), row.getObject(3, LocalDate.class))),
                "reading the planned meetings");
        return meetings;
    }

    /** The briefs of the meetings of a province, by meeting then language. */
    public List<MeetingBrief> briefs(String provinceCode) {
        List<MeetingBrief> briefs = new ArrayList<>();
        Rows.each(dataSource, """
                SELECT b.meeting_id, b.lang, b.semester, b.generated_at FROM meeting_brief b
                JOIN meeting m ON m.id = b.meeting_id WHERE m.province_code = ? ORDER BY b.meeting_id, b.lang""",
                List.of(provinceCode), row -> briefs.add(new MeetingBrief(row.getLong(1), row.getString(2),
                        row.getString(3), row.getObject(4, OffsetDateTime.class).toInstant())),
                "reading the meetings' briefs");
        return briefs;
    }

    public Optional<byte[]> pdf(long meetingId, String lang) {
        List<byte[]> pdf = new ArrayList<>();
        Rows.each(dataSource, "SELECT pdf FROM meeting_brief WHERE meeting_id = ? AND lang = ?", List.of(meetingId, lang),
                row -> pdf.add(row.getBytes(1)), "reading a meeting's brief");
        return pdf.stream().findFirst();
    }

    /** Keeps the brief unless the meeting already has one in that language; answers whether it was kept. */
    public boolean attach(MeetingBrief brief, byte[] pdf) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO meeting_brief VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setLong(1, brief.meetingId());
            insert.setString(2, brief.lang());
            insert.setString(3, brief.semester());
            insert.setObject(4, OffsetDateTime.ofInstant(brief.generatedAt(), ZoneOffset.UTC));
            insert.setBytes(5, pdf);
            return insert.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("attaching a brief to meeting " + brief.meetingId() + " failed: "
                    + e.getMessage(), e);
        }
    }
}
