-- Rapport schema 7 on SQLite: accounts (A1, A2). A member signs up with an email and a password
-- (credentials), signs in to a session (a token of kind SESSION, sent as a cookie) and creates named
-- API tokens. Tokens from before keep working as API tokens without an id or a name. Secrets are
-- stored only as hashes: SHA-256 for tokens and invite codes, Argon2id for passwords.

ALTER TABLE tokens ADD COLUMN kind TEXT NOT NULL DEFAULT 'API';
ALTER TABLE tokens ADD COLUMN id INTEGER;
ALTER TABLE tokens ADD COLUMN name TEXT;
ALTER TABLE tokens ADD COLUMN created_at INTEGER;
CREATE INDEX tokens_by_member ON tokens (member_id, kind);

-- One account per member; an email (in lower case) belongs to one account.
CREATE TABLE credentials (
  member_id     INTEGER PRIMARY KEY,
  email_key     TEXT    NOT NULL UNIQUE,
  password_hash TEXT    NOT NULL,
  changed_at    INTEGER NOT NULL
);

-- Sign-up refuses an address a member already has, whatever its case.
CREATE INDEX members_by_email ON members (lower(email)) WHERE email IS NOT NULL;

-- Single-use sign-up invite links; created_by is 0 for the administrator, used_by 0 while unused.
CREATE TABLE invite_links (
  id         INTEGER PRIMARY KEY,
  code_hash  TEXT    NOT NULL UNIQUE,
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_by    INTEGER NOT NULL DEFAULT 0,
  used_at    INTEGER
);
