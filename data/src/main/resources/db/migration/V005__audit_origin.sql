-- Where an audited action came from (the client's address), for the security audit log.
ALTER TABLE audit_event ADD COLUMN origin VARCHAR;
CREATE INDEX audit_event_at ON audit_event (occurred_at);
