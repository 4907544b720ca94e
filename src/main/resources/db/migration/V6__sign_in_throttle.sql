-- Failed sign-ins are throttled instead of locking accounts (issue 12): per client address (SOURCE), per account
-- from one address (ACCOUNT, keyed by the address and a hash of the username, whether or not it exists) and per
-- account for second-factor confirmations (TOTP). A failure raises the count; blocked_until is when the next
-- attempt is looked at again. Rows are forgotten after a quiet while.
CREATE TABLE auth_throttle (
    scope         TEXT        NOT NULL CHECK (scope IN ('SOURCE', 'ACCOUNT', 'TOTP')),
    throttle_key  TEXT        NOT NULL,
    failures      INTEGER     NOT NULL CHECK (failures > 0),
    last_failure  TIMESTAMPTZ NOT NULL,
    blocked_until TIMESTAMPTZ,
    PRIMARY KEY (scope, throttle_key)
);
CREATE INDEX auth_throttle_by_last_failure ON auth_throttle (last_failure);

-- The hard lock is gone: anyone could lock anyone out, and it told which usernames exist.
ALTER TABLE app_user DROP COLUMN failed_logins, DROP COLUMN locked_until;

-- When (and by whom) a bearer token was revoked: by its holder or by an administrator for every token of a user.
ALTER TABLE api_token ADD COLUMN revoked_at TIMESTAMPTZ, ADD COLUMN revoked_by TEXT;
