package ma.tadafor.data.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import ma.tadafor.data.Rows;
import ma.tadafor.data.Transactions;

/**
 * The outbox ({@code outbox_message}, {@code outbox_attachment}): a message is written here, with
 * its attachments, before anything tries to send it, and keeps its state afterwards. Queuing is
 * idempotent on the message's key; sending reads what is due and records each attempt.
 */
public final class OutboxStore {

    /** A message due an attempt, with what it takes to send it. */
    public record DueMail(long id, String to, String subject, String body, int attempts, List<Attachment> attachments) {
    }

    private final DataSource dataSource;

    public OutboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues the message unless one with its key is already in the outbox; answers whether it was queued. */
    public boolean queue(OutgoingMail mail, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Long id = null;
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox_message (dedup_key, kind, recipient, lang, subject, body, status, attempts,
                                                    queued_at, next_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT (dedup_key) DO NOTHING RETURNING id""")) {
                    insert.setString(1, mail.dedupKey());
                    insert.setString(2, mail.kind().name());
                    insert.setString(3, mail.to());
                    insert.setString(4, mail.lang());
                    insert.setString(5, mail.subject());
                    insert.setString(6, mail.body());
                    insert.setObject(7, utc(now));
                    insert.setObject(8, utc(now));
                    try (ResultSet row = insert.executeQuery()) {
                        if (row.next()) {
                            id = row.getLong(1);
                        }
                    }
                }
                if (id != null) {
                    try (PreparedStatement attach = connection.prepareStatement(
                            "INSERT INTO outbox_attachment VALUES (?, ?, ?, ?, ?)")) {
                        for (int i = 0; i < mail.attachments().size(); i++) {
                            Attachment attachment = mail.attachments().get(i);
                            attach.setLong(1, id);
                            attach.setInt(2, i);
                            attach.setString(3, attachment.name());
                            attach.setString(4, attachment.contentType());
                            attach.setBytes(5, attachment.content());
                            attach.executeUpdate();
                        }
                    }
                }
                connection.commit();
                connection.setAutoCommit(true);
                return id != null;
            } catch (SQLException | RuntimeException e) {
                Transactions.rollBack(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("queuing mail " + mail.dedupKey() + " failed: " + e.getMessage(), e);
        }
    }

    /** Messages pending or to retry whose next attempt is due, oldest first. */
    public List<DueMail> due(Instant now, int limit) {
        List<DueMail> due = new ArrayList<>();
        Rows.each(dataSource, """
                SELECT id, recipient, subject, body, attempts FROM outbox_message
                WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT ?""", List.of(utc(now), limit),
                row -> due.add(new DueMail(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getInt(5), new ArrayList<>())), "reading the mail due");
        for (DueMail mail : due) {
            Rows.each(dataSource, """
                    SELECT name, content_type, content FROM outbox_attachment WHERE message_id = ? ORDER BY position""",
                    List.of(mail.id()), row -> mail.attachments().add(new Attachment(row.getString(1), row.getString(2),
                            row.getBytes(3))), "reading a message's attachments");
        }
        return due;
    }

    public void sent(long id, int attempts, Instant at) {
        update("""
                UPDATE outbox_message SET status = 'SENT', attempts = ?, sent_at = ?, next_attempt_at = NULL WHERE id = ?""",
                attempts, utc(at), id);
    }

    /** Records a failed attempt: tried again at {@code nextAttempt}, or given up ({@code FAILED}) when it is null. */
    public void failed(long id, int attempts, String error, Instant nextAttempt) {
        update("""
                UPDATE outbox_message SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?""",
                nextAttempt == null ? MailStatus.FAILED.name() : MailStatus.RETRYING.name(), attempts, error,
                nextAttempt == null ? null : utc(nextAttempt), id);
    }

    /** A page of the outbox, newest first. */
    public List<OutboxMessage> page(int offset, int size) {
        Map<Long, OutboxMessage> messages = new LinkedHashMap<>();
        Rows.each(dataSource, """
                SELECT id, kind, recipient, lang, subject, status, attempts, queued_at, next_attempt_at, sent_at, last_error
                FROM outbox_message ORDER BY queued_at DESC, id DESC LIMIT ? OFFSET ?""", List.of(size, offset),
                row -> messages.put(row.getLong(1), new OutboxMessage(row.getLong(1), MailKind.valueOf(row.getString(2)),
                        row.getString(3), row.getString(4), row.getString(5), MailStatus.valueOf(row.getString(6)),
                        row.getInt(7), instant(row, 8), instant(row, 9), instant(row, 10), row.getString(11),
                        new ArrayList<>())), "reading the outbox");
        if (!messages.isEmpty()) {
            Rows.each(dataSource, """
                    SELECT message_id, name, content_type, octet_length(content) FROM outbox_attachment
                    WHERE message_id BETWEEN ? AND ? ORDER BY message_id, position""",
                    List.of(messages.keySet().stream().min(Long::compare).orElseThrow(),
                            messages.keySet().stream().max(Long::compare).orElseThrow()), row -> {
                        OutboxMessage message = messages.get(row.getLong(1));
                        if (message != null) {
                            message.attachments().add(new AttachmentInfo(row.getString(2), row.getString(3), row.getLong(4)));
                        }
                    }, "reading the outbox's attachments");
        }
        return List.copyOf(messages.values());
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    update.setNull(i + 1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    update.setObject(i + 1, parameters[i]);
                }
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording a sending attempt failed: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
