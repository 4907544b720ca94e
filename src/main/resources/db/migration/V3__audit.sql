-- Append-only audit trail; each entry holds the SHA-256 of the previous one (see AuditChain).
CREATE TABLE audit_log (
    seq        BIGINT PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL,
    actor      TEXT        NOT NULL,
    action     TEXT        NOT NULL,
    target     TEXT        NOT NULL,
    outcome    TEXT        NOT NULL CHECK (outcome IN ('OK', 'DENIED', 'FAILED')),
    detail     TEXT        NOT NULL,
    prev_hash  TEXT        NOT NULL,
    hash       TEXT        NOT NULL
);
CREATE INDEX audit_log_by_actor ON audit_log (actor, seq);

-- Updates and deletes are refused by the database itself; tamper tests must disable this trigger first,
-- as an attacker with superuser rights could, and the hash chain still catches them.
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
