-- Where alerts are e-mailed when SMTP delivery is configured.
ALTER TABLE app_user ADD COLUMN email TEXT CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+$');
