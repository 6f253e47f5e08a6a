-- Documents for parents (templates as data, every generated PDF stored with its SHA-256), the
-- "Kam se obrátit" (where to turn) guide's institutions, and incidents of discrimination and
-- barriers with their evidence files and actions. Binary data is BLOB (SQLite) / BYTEA (PostgreSQL).

-- A template is (code, language, version); editing creates a new version, the newest one is used.
-- The body is plain text with {{placeholders}}; a blank line separates paragraphs.
CREATE TABLE document_templates (
  id {{pk}},
  code TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('cs', 'rom', 'en')),
  version INTEGER NOT NULL CHECK (version >= 1),
  title TEXT NOT NULL,
  addressee TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (code, language, version)
);

CREATE TABLE documents (
  id {{pk}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  template_code TEXT NOT NULL,
  template_language TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  title TEXT NOT NULL,
  school_id BIGINT REFERENCES schools(id),
  -- an enrollment case (built elsewhere); a plain number until that table exists
  enrollment_case_id BIGINT,
  -- the placeholder values used, as JSON
  fields TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
-- @sqlite
  pdf BLOB NOT NULL
-- @postgresql
  pdf BYTEA NOT NULL
-- @all
);
CREATE INDEX documents_person ON documents(person_id, created_at);

-- Institutions of the guide, per language; a Romani row may leave fields empty (Czech is shown).
CREATE TABLE guide_institutions (
  id {{pk}},
  code TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('cs', 'rom')),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  what_they_do TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (code, language)
);

CREATE TABLE incidents (
  id {{pk}},
  version INTEGER NOT NULL DEFAULT 1,
  team_id BIGINT NOT NULL REFERENCES teams(id),
  occurred_on TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('discouraged_from_enrolling', 'refused', 'separate_class_or_building',
    'questionable_diagnostic_referral', 'harassment', 'antigypsyism_at_office', 'other')),
  school_id BIGINT REFERENCES schools(id),
  institution TEXT,
  description TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (school_id IS NOT NULL OR institution IS NOT NULL)
);
CREATE INDEX incidents_team ON incidents(team_id, occurred_on);
CREATE INDEX incidents_school ON incidents(school_id);

CREATE TABLE incident_people (
  incident_id BIGINT NOT NULL REFERENCES incidents(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (incident_id, person_id)
);
CREATE INDEX incident_people_person ON incident_people(person_id);

CREATE TABLE incident_evidence (
  id {{pk}},
  incident_id BIGINT NOT NULL REFERENCES incidents(id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'text/plain')),
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
-- @sqlite
  data BLOB NOT NULL
-- @postgresql
  data BYTEA NOT NULL
-- @all
);
CREATE INDEX incident_evidence_incident ON incident_evidence(incident_id);

CREATE TABLE incident_actions (
  id {{pk}},
  incident_id BIGINT NOT NULL REFERENCES incidents(id),
  version INTEGER NOT NULL DEFAULT 1,
  type TEXT NOT NULL CHECK (type IN ('complaint_csi', 'ombudsman', 'founder', 'appeal', 'other')),
  taken_on TEXT,
  deadline TEXT,
  outcome TEXT,
  outcome_on TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX incident_actions_incident ON incident_actions(incident_id);
CREATE INDEX incident_actions_deadline ON incident_actions(deadline);
