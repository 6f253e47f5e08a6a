-- Security (issue 8): second factor (TOTP) with recovery codes and login challenges, and
-- encryption at rest for special-category data.
--
-- special_category.value and .note now hold ciphertext ("enc1:..." from security::Cipher): the
-- CHECK on value moves into the application (PersonService validates the answer before it is
-- encrypted). Rows written before this migration are encrypted when the server starts
-- (security::encrypt_pending), because the key is never in the database.
-- @sqlite
CREATE TABLE special_category_enc (
  id INTEGER PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id),
  category TEXT NOT NULL CHECK (category IN ('roma_minority', 'disability', 'health')),
  value TEXT NOT NULL,
  note TEXT,
  recorded_on TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  consent_id BIGINT REFERENCES consents(id),
  created_at TEXT NOT NULL
);
INSERT INTO special_category_enc (id, person_id, category, value, note, recorded_on, recorded_by, consent_id, created_at)
  SELECT id, person_id, category, value, note, recorded_on, recorded_by, consent_id, created_at FROM special_category;
DROP TABLE special_category;
ALTER TABLE special_category_enc RENAME TO special_category;
CREATE INDEX special_category_person ON special_category(person_id);
-- @postgresql
ALTER TABLE special_category DROP CONSTRAINT special_category_value_check;
-- @all

-- One authenticator per user. secret: the base32 TOTP secret, encrypted. confirmed_at NULL while
-- the enrolment waits for its first code. last_step: the time step of the last accepted code, so
-- that a code cannot be used twice.
CREATE TABLE user_totp (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  secret TEXT NOT NULL,
  confirmed_at TEXT,
  last_step BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

-- Single-use recovery codes (80 random bits each), stored as SHA-256 only.
CREATE TABLE recovery_codes (
  id {{pk}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  code_hash TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);

-- A password accepted, the second factor awaited: the challenge token (SHA-256 only) lives five
-- minutes and allows five attempts; it is not a session and opens nothing else.
CREATE TABLE login_challenges (
  id {{pk}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX login_challenges_user ON login_challenges(user_id);
