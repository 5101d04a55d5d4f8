package ma.tadafor.data.closure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import ma.tadafor.data.Rows;
import ma.tadafor.data.Transactions;

/**
 * Semester closures: proposed, approved (which freezes the marts' rows of the province and
 * semester, {@link FrozenMarts#freeze}) and reopened. The web layer checks who may do what.
 */
public final class ClosureStore {

    private final DataSource dataSource;

    public ClosureStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws ClosureConflictException if the semester of that province has a closure not reopened */
    public synchronized Closure propose(String provinceCode, String semester, String by, Instant at) {
        if (current(provinceCode, semester).isPresent()) {
            throw new ClosureConflictException(provinceCode + " " + semester + " already has a closure that is not reopened");
        }
        List<Long> id = new ArrayList<>();
        Rows.each(dataSource, """
                INSERT INTO closure (province_code, semester, status, proposed_by, proposed_at)
                VALUES (?, ?, 'PROPOSED', ?, ?) RETURNING id""", List.of(provinceCode, semester, by, utc(at)),
                row -> id.add(row.getLong(1)), "proposing a closure");
        return find(id.get(0)).orElseThrow();
    }

    /** Approves a proposed closure and freezes its figures as the marts hold them now, in one transaction. */
    public synchronized Closure approve(long id, String by, Instant at) {
        Closure closure = find(id).orElseThrow(() -> new IllegalArgumentException("no closure " + id));
        if (closure.status() != Closure.Status.PROPOSED) {
            throw new ClosureConflictException("closure " + id + " is " + closure.status() + ", not PROPOSED");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE closure SET status = 'APPROVED', approved_by = ?, approved_at = ? WHERE id = ?")) {
                    update.setString(1, by);
                    update.setObject(2, utc(at));
                    update.setLong(3, id);
                    update.executeUpdate();
                }
                FrozenMarts.freeze(connection, id, closure.provinceCode(), closure.semester());
                connection.commit();
            } catch (SQLException e) {
                Transactions.rollBack(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("approving closure " + id + " failed: " + e.getMessage(), e);
        }
        return find(id).orElseThrow();
    }

    /**
     * Reopens an approved or proposed closure: its frozen copy is kept (what was approved stays on
     * record), and the next refresh puts the current figures back in the marts.
     */
    public synchronized Closure reopen(long id, String by, String reason, Instant at) {
        Closure closure = find(id).orElseThrow(() -> new IllegalArgumentException("no closure " + id));
        if (closure.status() == Closure.Status.REOPENED) {
            throw new ClosureConflictException("closure " + id + " is already reopened");
        }
        Rows.each(dataSource, """
                UPDATE closure SET status = 'REOPENED', reopened_by = ?, reopened_at = ?, reopen_reason = ?
                WHERE id = ? RETURNING id""", List.of(by, utc(at), reason, id), row -> { }, "reopening a closure");
        return find(id).orElseThrow();
    }

    public Optional<Closure> find(long id) {
        List<Closure> found = new ArrayList<>();
        Rows.each(dataSource, "SELECT " + Closure.COLUMNS + " FROM closure WHERE id = ?", List.of(id),
                row -> found.add(Closure.read(row)), "reading a closure");
        return found.stream().findFirst();
    }

    /** The closure of a province's semester that is not reopened, if any. */
    public Optional<Closure> current(String provinceCode, String semester) {
        return list(provinceCode, semester).stream().filter(c -> c.status() != Closure.Status.REOPENED).findFirst();
    }

    /** Closures, newest first; either filter may be null. */
    public List<Closure> list(String provinceCode, String semester) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + Closure.COLUMNS + " FROM closure WHERE true");
        if (provinceCode != null) {
            sql.append(" AND province_code = ?");
            parameters.add(provinceCode);
        }
        if (semester != null) {
            sql.append(" AND semester = ?");
            parameters.add(semester);
        }
        sql.append(" ORDER BY id DESC");
        List<Closure> closures = new ArrayList<>();
        Rows.each(dataSource, sql.toString(), parameters, row -> closures.add(Closure.read(row)), "listing closures");
        return closures;
    }

    /** Every approved closure: the province-semesters whose figures are frozen. */
    public List<Closure> approved() {
        List<Closure> closures = new ArrayList<>();
        Rows.each(dataSource, "SELECT " + Closure.COLUMNS + " FROM closure WHERE status = 'APPROVED' ORDER BY id",
                List.of(), row -> closures.add(Closure.read(row)), "listing approved closures");
        return closures;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
