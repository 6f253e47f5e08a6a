-- The case registry (issue 3): families, people, relationships, contacts, ESF+ participation,
-- consents, special-category data (GDPR art. 9, its own table), merges with undo.
-- search_text holds fold_for_search() of the names (lower case, no diacritics), maintained on write;
-- sort_key holds the hex of an ICU cs_CZ sort key, so that plain byte order is Czech order on both
-- databases without depending on the server's locale.

ALTER TABLE users ADD COLUMN special_category_access INTEGER NOT NULL DEFAULT 0 CHECK (special_category_access IN (0, 1));

CREATE TABLE families (
  id {{pk}},
  version INTEGER NOT NULL DEFAULT 1,
  name TEXT NOT NULL,
  team_id BIGINT NOT NULL REFERENCES teams(id),
  keyworker_id BIGINT REFERENCES users(id),
  status TEXT NOT NULL CHECK (status IN ('referred', 'active', 'paused', 'closed')),
  closed_reason TEXT,
  street TEXT,
  house_number TEXT,
  district TEXT,
  postal_code TEXT,
  kod_adm BIGINT,
  legal_hold INTEGER NOT NULL DEFAULT 0 CHECK (legal_hold IN (0, 1)),
  search_text TEXT NOT NULL DEFAULT '',
  sort_key TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX families_team ON families(team_id);
CREATE INDEX families_district ON families(district);
CREATE INDEX families_keyworker ON families(keyworker_id);
CREATE INDEX families_status ON families(status);
-- The list orders. On SQLite they cover every list filter, so that a search matching few families
-- scans one index in order instead of visiting every table row in sort order (measured: 1.1 s ->
-- 0.1 s on 40,000 families). PostgreSQL scans and sorts instead, and caps index rows at ~2.7 kB,
-- which a long search_text could exceed: there the indexes hold the order columns only.
-- @sqlite
CREATE INDEX families_list_name ON families(sort_key, id, search_text, team_id, district, status, keyworker_id);
CREATE INDEX families_list_updated ON families(updated_at, id, search_text, team_id, district, status, keyworker_id);
-- @postgresql
CREATE INDEX families_list_name ON families(sort_key, id);
CREATE INDEX families_list_updated ON families(updated_at, id);
-- @all

CREATE TABLE people (
  id {{pk}},
  version INTEGER NOT NULL DEFAULT 1,
  family_id BIGINT NOT NULL REFERENCES families(id),
  role TEXT NOT NULL CHECK (role IN ('child', 'adult')),
  given_names TEXT NOT NULL,
  surname TEXT NOT NULL,
  preferred_name TEXT,
  birth_date TEXT NOT NULL,
  gender TEXT NOT NULL CHECK (gender IN ('female', 'male', 'non_binary', 'not_stated')),
  rodne_cislo TEXT,
  nationality TEXT,
  education_isced INTEGER CHECK (education_isced BETWEEN 0 AND 8),
  labour_status TEXT,
  phones TEXT NOT NULL DEFAULT '[]',
  email TEXT,
  preferred_language TEXT NOT NULL DEFAULT 'cs',
  interpreter_needed INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1)),
  name_folded TEXT NOT NULL,
  search_text TEXT NOT NULL DEFAULT '',
  sort_key TEXT NOT NULL DEFAULT '',
  merged_into BIGINT REFERENCES people(id),
  anonymised_at TEXT,
  legal_hold INTEGER NOT NULL DEFAULT 0 CHECK (legal_hold IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX people_family ON people(family_id);
CREATE INDEX people_rodne_cislo ON people(rodne_cislo);
CREATE INDEX people_duplicate ON people(birth_date, name_folded);
-- @sqlite
CREATE INDEX people_list ON people(sort_key, id, search_text, family_id, merged_into);
-- @postgresql
CREATE INDEX people_list ON people(sort_key, id);
-- @all

CREATE TABLE relationships (
  id {{pk}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  other_person_id BIGINT NOT NULL REFERENCES people(id),
  type TEXT NOT NULL CHECK (type IN ('mother', 'father', 'legal_guardian', 'grandparent', 'sibling', 'other')),
  legal_representative INTEGER NOT NULL DEFAULT 0 CHECK (legal_representative IN (0, 1)),
  created_at TEXT NOT NULL,
  CHECK (person_id <> other_person_id)
);
CREATE INDEX relationships_person ON relationships(person_id);
CREATE INDEX relationships_other ON relationships(other_person_id);

CREATE TABLE contacts (
  id {{pk}},
  family_id BIGINT NOT NULL REFERENCES families(id),
  date TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('home_visit', 'phone', 'meeting', 'accompaniment', 'message', 'other')),
  worker_id BIGINT REFERENCES users(id),
  worker TEXT NOT NULL,
  summary TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX contacts_family ON contacts(family_id, date);

CREATE TABLE contact_people (
  contact_id BIGINT NOT NULL REFERENCES contacts(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (contact_id, person_id)
);
CREATE INDEX contact_people_person ON contact_people(person_id);

CREATE TABLE participations (
  id {{pk}},
  version INTEGER NOT NULL DEFAULT 1,
  person_id BIGINT NOT NULL REFERENCES people(id),
  entry_date TEXT NOT NULL,
  exit_date TEXT,
  exit_reason TEXT,
  third_country_national TEXT NOT NULL DEFAULT 'not_stated',
  foreign_background TEXT NOT NULL DEFAULT 'not_stated',
  housing_exclusion TEXT NOT NULL DEFAULT 'not_stated',
  rural TEXT NOT NULL DEFAULT 'not_stated',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX participations_person ON participations(person_id);

CREATE TABLE consents (
  id {{pk}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  purpose TEXT NOT NULL CHECK (purpose IN ('casework', 'school_sharing', 'funder_reporting', 'publication', 'special_category')),
  school TEXT,
  given_by TEXT NOT NULL CHECK (given_by IN ('self', 'legal_representative')),
  representative_id BIGINT REFERENCES people(id),
  given_on TEXT NOT NULL,
  form TEXT NOT NULL CHECK (form IN ('signed_paper', 'recorded_verbal')),
  expires_on TEXT,
  withdrawn_on TEXT,
  withdraw_reason TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX consents_person ON consents(person_id, purpose);

-- Art. 9 data: only with consent (yes/no values), readable only with the user flag, every read audited.
CREATE TABLE special_category (
  id {{pk}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  category TEXT NOT NULL CHECK (category IN ('roma_minority', 'disability', 'health')),
  value TEXT NOT NULL CHECK (value IN ('yes', 'no', 'refused', 'not_stated')),
  note TEXT,
  recorded_on TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  consent_id BIGINT REFERENCES consents(id),
  created_at TEXT NOT NULL
);
CREATE INDEX special_category_person ON special_category(person_id);

-- A merge moves every record of the duplicate to the survivor; `moved` (JSON) lists the moved
-- row ids per table so that an undo within 30 days can move exactly those back.
CREATE TABLE merges (
  id {{pk}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  duplicate_id BIGINT NOT NULL REFERENCES people(id),
  moved TEXT NOT NULL,
  merged_at TEXT NOT NULL,
  merged_by TEXT NOT NULL,
  undo_until TEXT NOT NULL,
  undone_at TEXT
);
CREATE INDEX merges_person ON merges(person_id);

-- The hex sort keys must compare byte by byte whatever the database's default collation is.
-- @postgresql
ALTER TABLE families ALTER COLUMN sort_key TYPE TEXT COLLATE "C";
ALTER TABLE people ALTER COLUMN sort_key TYPE TEXT COLLATE "C";
-- @all
