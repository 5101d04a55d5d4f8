package ma.tadafor.data.committee;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import ma.tadafor.data.Transactions;
import ma.tadafor.data.territory.TerritorialScope;

/**
 * The provincial steering committees: members, meetings, recommendations and their follow-up.
 * Every read takes the caller's scope and answers nothing for a province it does not cover
 * whole (a commune's focal point does not read the province's committee). Writers are called
 * once the caller's right to change that province's committee has been checked.
 */
public final class CommitteeStore {

    private final DataSource dataSource;

    public CommitteeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // ---- reads, through the scope

    public List<CommitteeMember> members(TerritorialScope scope, String provinceCode) {
        return query("""
                SELECT x.id, x.province_code, x.institution, x.committee_role, x.person_name, x.contact, x.email, x.lang
                FROM committee_member x JOIN province p ON p.code = x.province_code
                WHERE x.province_code = ? AND %s ORDER BY x.id""", scope, provinceCode, rows ->
                new CommitteeMember(rows.getLong(1), rows.getString(2), rows.getString(3),
                        CommitteeRole.valueOf(rows.getString(4)), rows.getString(5), rows.getString(6), rows.getString(7),
                        rows.getString(8)));
    }

    /** The province's meetings, oldest first. */
    public List<Meeting> meetings(TerritorialScope scope, String provinceCode) {
        Map<Long, List<AgendaItem>> agenda = children(scope, provinceCode, """
                SELECT c.meeting_id, c.text_fr, c.text_ar FROM meeting_agenda_item c""", "c.position",
                rows -> new AgendaItem(rows.getString(2), rows.getString(3)));
        Map<Long, List<Attendance>> attendance = children(scope, provinceCode, """
                SELECT c.meeting_id, c.institution, c.women, c.men FROM meeting_attendance c""", "c.institution",
                rows -> new Attendance(rows.getString(2), rows.getInt(3), rows.getInt(4)));
        Map<Long, List<MeetingDocument>> documents = children(scope, provinceCode, """
                SELECT c.meeting_id, c.title, c.url FROM meeting_document c""", "c.position",
                rows -> new MeetingDocument(rows.getString(2), rows.getString(3)));
        return query("""
                SELECT m.id, m.province_code, m.kind, m.mode, m.planned_on, m.held_on, m.place, m.minutes_fr, m.minutes_ar
                FROM meeting m JOIN province p ON p.code = m.province_code
                WHERE m.province_code = ? AND %s ORDER BY coalesce(m.held_on, m.planned_on), m.id""", scope, provinceCode,
                rows -> {
                    long id = rows.getLong(1);
                    return new Meeting(id, rows.getString(2), MeetingKind.valueOf(rows.getString(3)),
                            MeetingMode.valueOf(rows.getString(4)), rows.getObject(5, LocalDate.class),
                            rows.getObject(6, LocalDate.class), rows.getString(7), rows.getString(8), rows.getString(9),
                            agenda.getOrDefault(id, List.of()), attendance.getOrDefault(id, List.of()),
                            documents.getOrDefault(id, List.of()));
                });
    }

    public Optional<Meeting> meeting(TerritorialScope scope, String provinceCode, long id) {
        return meetings(scope, provinceCode).stream().filter(m -> m.id() == id).findFirst();
    }

    /**
     * The province's recommendations in the order they were issued. One due at the next meeting
     * takes the date of the first meeting after the one that issued it, once that is planned.
     */
    public List<Recommendation> recommendations(TerritorialScope scope, String provinceCode) {
        Map<Long, List<RecommendationLink>> links = children(scope, provinceCode, """
                SELECT c.recommendation_id, c.kind, c.ref FROM recommendation_link c""", "c.kind, c.ref",
                rows -> new RecommendationLink(RecommendationLink.Kind.valueOf(rows.getString(2)), rows.getString(3)),
                "recommendation");
        Map<Long, List<FollowUpNote>> notes = children(scope, provinceCode, """
                SELECT c.recommendation_id, c.id, c.noted_on, c.text, c.evidence, c.status, c.author, c.recorded_at
                FROM recommendation_note c""", "c.noted_on, c.id",
                rows -> new FollowUpNote(rows.getLong(2), rows.getObject(3, LocalDate.class), rows.getString(4),
                        rows.getString(5), rows.getString(6) == null ? null : RecommendationStatus.valueOf(rows.getString(6)),
                        rows.getString(7), instant(rows, 8)),
                "recommendation");
        return query("""
                SELECT r.id, r.province_code, r.meeting_id, coalesce(m.held_on, m.planned_on), r.text_fr, r.text_ar,
                       r.owner_institution,
                       CASE WHEN r.due_next_meeting THEN (
                           SELECT min(coalesce(n.held_on, n.planned_on)) FROM meeting n
                           WHERE n.province_code = r.province_code AND n.id <> m.id
                             AND coalesce(n.held_on, n.planned_on) > coalesce(m.held_on, m.planned_on))
                       ELSE r.due_on END,
                       coalesce(r.due_next_meeting, false), r.status, r.closed_on, r.created_at, r.updated_at
                FROM recommendation r
                JOIN meeting m ON m.id = r.meeting_id
                JOIN province p ON p.code = r.province_code
                WHERE r.province_code = ? AND %s ORDER BY coalesce(m.held_on, m.planned_on), r.id""", scope, provinceCode,
                rows -> {
                    long id = rows.getLong(1);
                    return new Recommendation(id, rows.getString(2), rows.getLong(3), rows.getObject(4, LocalDate.class),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getObject(8, LocalDate.class),
                            rows.getBoolean(9), RecommendationStatus.valueOf(rows.getString(10)),
                            rows.getObject(11, LocalDate.class), instant(rows, 12), instant(rows, 13),
                            links.getOrDefault(id, List.of()), notes.getOrDefault(id, List.of()));
                });
    }

    public Optional<Recommendation> recommendation(TerritorialScope scope, String provinceCode, long id) {
        return recommendations(scope, provinceCode).stream().filter(r -> r.id() == id).findFirst();
    }

    /** Whether an INDH project with this ref is the province's (its own, or one of its communes'). */
    public boolean indhProjectOf(String provinceCode, String ref) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM indh_project WHERE ref = ? AND province_code = ?")) {
            query.setString(1, ref);
            query.setString(2, provinceCode);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading INDH project " + ref + " failed: " + e.getMessage(), e);
        }
    }

    // ---- writes

    public long addMember(CommitteeMember member) {
        return inTransaction(connection -> insertReturningId(connection, """
                INSERT INTO committee_member (province_code, institution, committee_role, person_name, contact, email, lang)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""", member.provinceCode(), member.institution(),
                member.role().name(), member.personName(), member.contact(), member.email(), member.lang()));
    }

    public boolean removeMember(String provinceCode, long id) {
        return inTransaction(connection -> execute(connection,
                "DELETE FROM committee_member WHERE id = ? AND province_code = ?", id, provinceCode) > 0);
    }

    /** Plans a meeting with its agenda (attendance and documents usually come later); returns its id. */
    public long planMeeting(Meeting meeting) {
        return inTransaction(connection -> {
            long id = insertReturningId(connection, """
                    INSERT INTO meeting (province_code, kind, mode, planned_on, held_on, place, minutes_fr, minutes_ar)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", meeting.provinceCode(), meeting.kind().name(),
                    meeting.mode().name(), meeting.plannedOn(), meeting.heldOn(), meeting.place(), meeting.minutesFr(),
                    meeting.minutesAr());
            writeChildren(connection, id, meeting);
            return id;
        });
    }

    /** Replaces everything about an existing meeting of that province with {@code meeting}. */
    public void saveMeeting(Meeting meeting) {
        inTransaction(connection -> {
            execute(connection, """
                    UPDATE meeting SET kind = ?, mode = ?, planned_on = ?, held_on = ?, place = ?, minutes_fr = ?, minutes_ar = ?
                    WHERE id = ? AND province_code = ?""", meeting.kind().name(), meeting.mode().name(), meeting.plannedOn(),
                    meeting.heldOn(), meeting.place(), meeting.minutesFr(), meeting.minutesAr(), meeting.id(),
                    meeting.provinceCode());
            for (String table : List.of("meeting_agenda_item", "meeting_attendance", "meeting_document")) {
                execute(connection, "DELETE FROM " + table + " WHERE meeting_id = ?", meeting.id());
            }
            writeChildren(connection, meeting.id(), meeting);
            return null;
        });
    }

    /** Records a new recommendation (its meeting belongs to its province: checked by the caller). */
    public long addRecommendation(Recommendation recommendation) {
        return inTransaction(connection -> {
            long id = insertReturningId(connection, """
                    INSERT INTO recommendation (province_code, meeting_id, text_fr, text_ar, owner_institution, due_on,
                        due_next_meeting, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, now(), now()) RETURNING id""", recommendation.provinceCode(),
                    recommendation.meetingId(), recommendation.textFr(), recommendation.textAr(),
                    recommendation.ownerInstitution(), recommendation.dueNextMeeting() ? null : recommendation.dueOn(),
                    recommendation.dueNextMeeting(), recommendation.status().name());
            for (RecommendationLink link : recommendation.links()) {
                execute(connection, "INSERT OR IGNORE INTO recommendation_link VALUES (?, ?, ?)", id, link.kind().name(),
                        link.ref());
            }
            return id;
        });
    }

    /**
     * Saves the changed fields of a recommendation and, in the same transaction, the follow-up
     * note that goes with the change (if any).
     */
    public void followUp(Recommendation changed, FollowUpNote note) {
        inTransaction(connection -> {
            execute(connection, """
                    UPDATE recommendation SET text_fr = ?, text_ar = ?, owner_institution = ?, due_on = ?,
                        due_next_meeting = ?, status = ?, closed_on = ?, updated_at = now()
                    WHERE id = ? AND province_code = ?""", changed.textFr(), changed.textAr(), changed.ownerInstitution(),
                    changed.dueNextMeeting() ? null : changed.dueOn(), changed.dueNextMeeting(), changed.status().name(),
                    changed.closedOn(), changed.id(), changed.provinceCode());
            if (note != null) {
                execute(connection, """
                        INSERT INTO recommendation_note (recommendation_id, noted_on, text, evidence, author, status, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, now())""", changed.id(), note.notedOn(), note.text(), note.evidence(),
                        note.author(), note.status() == null ? null : note.status().name());
            }
            return null;
        });
    }

    // ---- plumbing

    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> List<T> query(String sql, TerritorialScope scope, String provinceCode, RowMapper<T> mapper) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(provinceCode);
        String scoped = sql.formatted(scope.provinceCondition("p", parameters));
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(scoped)) {
            bind(query, parameters.toArray());
            List<T> result = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the committee of " + provinceCode + " failed: " + e.getMessage(), e);
        }
    }

    private <T> Map<Long, List<T>> children(TerritorialScope scope, String provinceCode, String select, String order,
                                            RowMapper<T> mapper) {
        return children(scope, provinceCode, select, order, mapper, "meeting");
    }

    /** Rows of a child table whose first column is the parent's id, grouped by it, for one province in scope. */
    private <T> Map<Long, List<T>> children(TerritorialScope scope, String provinceCode, String select, String order,
                                            RowMapper<T> mapper, String parent) {
        String parentColumn = parent + "_id";
        String sql = select + " JOIN " + parent + " o ON o.id = c." + parentColumn
                + " JOIN province p ON p.code = o.province_code WHERE o.province_code = ? AND %s ORDER BY c."
                + parentColumn + ", " + order;
        Map<Long, List<T>> grouped = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        query(sql, scope, provinceCode, row -> rows.add(new Object[] {row.getLong(1), mapper.map(row)}));
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            T child = (T) row[1];
            grouped.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(child);
        }
        return grouped;
    }

    private static void writeChildren(Connection connection, long meetingId, Meeting meeting) throws SQLException {
        for (int i = 0; i < meeting.agenda().size(); i++) {
            AgendaItem item = meeting.agenda().get(i);
            execute(connection, "INSERT INTO meeting_agenda_item VALUES (?, ?, ?, ?)", meetingId, i + 1, item.textFr(),
                    item.textAr());
        }
        for (Attendance attendance : meeting.attendance()) {
            execute(connection, "INSERT INTO meeting_attendance VALUES (?, ?, ?, ?)", meetingId, attendance.institution(),
                    attendance.women(), attendance.men());
        }
        for (int i = 0; i < meeting.documents().size(); i++) {
            MeetingDocument document = meeting.documents().get(i);
            execute(connection, "INSERT INTO meeting_document VALUES (?, ?, ?, ?)", meetingId, i + 1, document.title(),
                    document.url());
        }
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                Transactions.rollBack(connection, e);
                throw e;
            }
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("changing a committee failed: " + e.getMessage(), e);
        }
    }

    private static long insertReturningId(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
