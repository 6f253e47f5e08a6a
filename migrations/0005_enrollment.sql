-- The enrollment pathway (issue 5): one case per child, school year and level, its target schools,
-- the log of recorded stage events, the tasks the pathway generates, and the workers' secret
-- calendar feed tokens (only their SHA-256 is stored, like sessions).
-- Dates are 'YYYY-MM-DD' text, timestamps UTC text, flags INTEGER 0/1.

CREATE TABLE enrollment_cases (
  id {{pk}},
  version INTEGER NOT NULL DEFAULT 1,
  person_id BIGINT NOT NULL REFERENCES people(id),
  school_year INTEGER NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('ms', 'compulsory_preschool', 'zs')),
  -- looked up from the family's RÚIAN address code when the case was created (or refreshed)
  catchment_school_id BIGINT REFERENCES schools(id),
  deferral_considered INTEGER NOT NULL DEFAULT 0 CHECK (deferral_considered IN (0, 1)),
  -- the furthest stage recorded, in pathway order
  stage TEXT NOT NULL,
  notes TEXT,
  application_number TEXT,
  application_date TEXT,
  application_channel TEXT,
  application_school_id BIGINT REFERENCES schools(id),
  zapis_date TEXT,
  decision TEXT CHECK (decision IS NULL OR decision IN ('admitted', 'not_admitted', 'deferral_granted', 'withdrawn')),
  decision_date TEXT,
  decision_school_id BIGINT REFERENCES schools(id),
  delivery_method TEXT CHECK (delivery_method IS NULL OR delivery_method IN ('data_box', 'post', 'in_person')),
  delivery_date TEXT,
  collected_date TEXT,
  delivered_on TEXT,
  appeal_deadline TEXT,
  appeal_filed_date TEXT,
  appeal_late INTEGER NOT NULL DEFAULT 0 CHECK (appeal_late IN (0, 1)),
  appeal_outcome TEXT CHECK (appeal_outcome IS NULL OR appeal_outcome IN ('pending', 'granted', 'rejected', 'withdrawn')),
  appeal_outcome_date TEXT,
  started_date TEXT,
  started_school_id BIGINT REFERENCES schools(id),
  check_3_date TEXT,
  check_3_attending INTEGER CHECK (check_3_attending IS NULL OR check_3_attending IN (0, 1)),
  check_12_date TEXT,
  check_12_attending INTEGER CHECK (check_12_attending IS NULL OR check_12_attending IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (person_id, school_year, level)
);
CREATE INDEX enrollment_cases_year ON enrollment_cases(school_year, stage);

CREATE TABLE enrollment_targets (
  case_id BIGINT NOT NULL REFERENCES enrollment_cases(id),
  position INTEGER NOT NULL,
  school_id BIGINT NOT NULL REFERENCES schools(id),
  PRIMARY KEY (case_id, position)
);
CREATE INDEX enrollment_targets_school ON enrollment_targets(school_id);

-- Every recorded stage event (a correction records the stage again); data is the event's JSON.
CREATE TABLE enrollment_events (
  id {{pk}},
  case_id BIGINT NOT NULL REFERENCES enrollment_cases(id),
  stage TEXT NOT NULL,
  date TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  note TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX enrollment_events_case ON enrollment_events(case_id, id);

-- Tasks generated from a pathway: at most one per case and kind; regenerated on every change
-- (open tasks follow the dates, done tasks stay as they are).
CREATE TABLE tasks (
  id {{pk}},
  version INTEGER NOT NULL DEFAULT 1,
  case_id BIGINT NOT NULL REFERENCES enrollment_cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('zapis_window_opens', 'deferral_papers', 'appeal_deadline', 'check_3_months', 'check_12_months')),
  due_date TEXT NOT NULL,
  assignee_id BIGINT REFERENCES users(id),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_at TEXT,
  done_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (case_id, kind)
);
CREATE INDEX tasks_assignee ON tasks(assignee_id, status, due_date);
CREATE INDEX tasks_due ON tasks(status, due_date);

-- A worker's secret calendar feed URL: one active token per user, only its SHA-256 stored.
CREATE TABLE calendar_feeds (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
