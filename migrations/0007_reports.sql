-- Funder reporting (issue 6): the project as data (funder, call, period, reporting periods, targets
-- per indicator, the privacy and "supported person" settings) and monitoring reports. A submitted
-- report keeps its frozen document (values, definition versions, counted ids) and its SHA-256:
-- later edits of records never change it.

CREATE TABLE projects (
  id {{pk}},
  version INTEGER NOT NULL DEFAULT 1,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  funder TEXT NOT NULL,
  call_name TEXT NOT NULL,
  registration_number TEXT,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  -- aggregates shown to analysts and in public outputs hide cells below this count
  suppression_threshold INTEGER NOT NULL DEFAULT 5 CHECK (suppression_threshold BETWEEN 1 AND 100),
  -- a participant is a "supported person" after MORE than this much support (OPZ 6 00 00: 40 h, unconfirmed for OPZ+)
  supported_threshold_minutes INTEGER NOT NULL DEFAULT 2400 CHECK (supported_threshold_minutes >= 0),
  -- EECO15 target-group option: the whole operation targets a minority (Roma), so every participant counts
  minority_target_group INTEGER NOT NULL DEFAULT 0 CHECK (minority_target_group IN (0, 1)),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

CREATE TABLE project_periods (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  label TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL
);
CREATE INDEX project_periods_project ON project_periods(project_id, period_from);

CREATE TABLE project_targets (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  indicator_code TEXT NOT NULL,
  target DOUBLE PRECISION NOT NULL CHECK (target >= 0),
  UNIQUE (project_id, indicator_code)
);

CREATE TABLE reports (
  id {{pk}},
  version INTEGER NOT NULL DEFAULT 1,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  submitted_at TEXT,
  submitted_by TEXT,
  -- the frozen document (JSON text) and the SHA-256 of exactly that text
  frozen TEXT,
  sha256 TEXT,
  CHECK (status = 'draft' OR (frozen IS NOT NULL AND sha256 IS NOT NULL))
);
CREATE INDEX reports_project ON reports(project_id, period_from);

-- A submitted report never changes: the database itself refuses edits and deletes of one.
-- @sqlite
CREATE TRIGGER reports_frozen_update BEFORE UPDATE ON reports WHEN OLD.status = 'submitted'
BEGIN SELECT RAISE(ABORT, 'a submitted report is frozen'); END;
CREATE TRIGGER reports_frozen_delete BEFORE DELETE ON reports WHEN OLD.status = 'submitted'
BEGIN SELECT RAISE(ABORT, 'a submitted report is frozen'); END;
-- @postgresql
CREATE FUNCTION reports_frozen() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'submitted' THEN RAISE EXCEPTION 'a submitted report is frozen'; END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER reports_frozen_update BEFORE UPDATE OR DELETE ON reports FOR EACH ROW EXECUTE FUNCTION reports_frozen();
-- @all

-- KREDO's defaults (OPZ+ call No. 44, 1 Oct 2023 - 30 Sep 2025, half-yearly monitoring reports).
-- The targets are placeholders for the coordinator to set from the grant decision.
INSERT INTO projects (code, name, funder, call_name, registration_number, period_from, period_to, updated_at, updated_by)
VALUES ('KREDO', 'KREDO', 'OPZ+ (ESF+), Ministerstvo práce a sociálních věcí', 'Výzva č. 44', NULL,
        '2023-10-01', '2025-09-30', '2023-10-01T00:00:00Z', 'system');
INSERT INTO project_periods (project_id, label, period_from, period_to) VALUES
  (1, 'ZoR 1', '2023-10-01', '2024-03-31'),
  (1, 'ZoR 2', '2024-04-01', '2024-09-30'),
  (1, 'ZoR 3', '2024-10-01', '2025-03-31'),
  (1, 'ZoR 4', '2025-04-01', '2025-09-30');
INSERT INTO project_targets (project_id, indicator_code, target) VALUES
  (1, 'EECO01', 120), (1, 'EECO06', 80), (1, 'EECO15', 120), (1, 'SUPPORTED', 60),
  (1, 'P_CHILDREN', 80), (1, 'P_PARENTS', 40), (1, 'P_ENROLLED_NONSEG', 8), (1, 'P_SESSIONS', 300);
