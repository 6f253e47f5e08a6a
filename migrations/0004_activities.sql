-- Activities and their evidence (issue 4): activity types and topics as data, groups with a weekly
-- schedule, activities with participants, roll-call attendance, competence frameworks (versioned),
-- assessments and observations (quotes with a publication-consent check).
-- Times are TEXT 'HH:MM'; duration_minutes is kept beside them so that support hours are one SUM.

-- counted_minutes: a conversion rule — when set, a full attendance counts this many minutes instead
-- of the activity's duration (a trip counts 6 hours). tracks_regularity: club sessions and parent
-- meetings, whose regularity is followed (attendance rate, "drifting away").
CREATE TABLE activity_types (
  id {{pk}},
  code TEXT NOT NULL UNIQUE,
  name_cs TEXT NOT NULL,
  name_en TEXT NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('child', 'adult', 'any')),
  counted_minutes INTEGER CHECK (counted_minutes IS NULL OR counted_minutes >= 0),
  tracks_regularity INTEGER NOT NULL DEFAULT 0 CHECK (tracks_regularity IN (0, 1)),
  position INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE activity_topics_catalog (
  id {{pk}},
  code TEXT NOT NULL UNIQUE,
  name_cs TEXT NOT NULL,
  name_en TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

INSERT INTO activity_types (code, name_cs, name_en, audience, counted_minutes, tracks_regularity, position) VALUES
  ('child_group', 'Skupinové setkání dětí', 'Children''s group session', 'child', NULL, 1, 1),
  ('child_individual', 'Individuální setkání s dítětem', 'Individual child session', 'child', NULL, 0, 2),
  ('parent_group', 'Setkání rodičů', 'Parent group meeting', 'adult', NULL, 1, 3),
  ('parent_individual', 'Individuální konzultace s rodičem', 'Individual parent consultation', 'adult', NULL, 0, 4),
  ('accompaniment', 'Doprovod (škola, úřad, poradenské zařízení)', 'Accompaniment (school, office, counselling facility)', 'any', NULL, 0, 5),
  ('trip', 'Výlet', 'Trip', 'any', 360, 0, 6),
  ('home_visit', 'Domácí návštěva', 'Home visit', 'any', NULL, 0, 7),
  ('school_liaison', 'Schůzka se školou', 'School liaison meeting', 'any', NULL, 0, 8);

INSERT INTO activity_topics_catalog (code, name_cs, name_en, position) VALUES
  ('feelings', 'Pocity a emoce', 'Feelings and emotions', 1),
  ('boundaries', 'Osobní hranice', 'Personal boundaries', 2),
  ('authority', 'Vyjednávání s autoritou', 'Negotiating with authority', 3),
  ('group', 'Přizpůsobení se skupině', 'Adapting to a group', 4),
  ('school_readiness', 'Školní připravenost', 'School readiness', 5),
  ('parents_rights', 'Práva rodičů a instituce', 'Parents'' rights and institutions', 6),
  ('zapis', 'Příprava na zápis', 'Preparing for zápis', 7);

-- A group ("Úterní předškolní klub") meets weekly: weekday 1 = Monday … 7 = Sunday.
CREATE TABLE activity_groups (
  id {{pk}},
  version INTEGER NOT NULL DEFAULT 1,
  name TEXT NOT NULL,
  type_id BIGINT NOT NULL REFERENCES activity_types(id),
  team_id BIGINT REFERENCES teams(id),
  place TEXT,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  topics TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX activity_groups_team ON activity_groups(team_id);

CREATE TABLE group_members (
  group_id BIGINT NOT NULL REFERENCES activity_groups(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (group_id, person_id)
);
CREATE INDEX group_members_person ON group_members(person_id);

-- A group's session is unique per date: generating sessions twice creates nothing new.
CREATE TABLE activities (
  id {{pk}},
  version INTEGER NOT NULL DEFAULT 1,
  type_id BIGINT NOT NULL REFERENCES activity_types(id),
  group_id BIGINT REFERENCES activity_groups(id),
  team_id BIGINT REFERENCES teams(id),
  date TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  place TEXT,
  notes TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (group_id, date)
);
CREATE INDEX activities_date ON activities(date, id);
CREATE INDEX activities_team ON activities(team_id, date);

CREATE TABLE activity_topics (
  activity_id BIGINT NOT NULL REFERENCES activities(id),
  topic_id BIGINT NOT NULL REFERENCES activity_topics_catalog(id),
  PRIMARY KEY (activity_id, topic_id)
);

CREATE TABLE activity_workers (
  activity_id BIGINT NOT NULL REFERENCES activities(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  PRIMARY KEY (activity_id, user_id)
);

CREATE TABLE activity_participants (
  activity_id BIGINT NOT NULL REFERENCES activities(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (activity_id, person_id)
);
CREATE INDEX activity_participants_person ON activity_participants(person_id);

-- One row per (activity, person): a resent roll-call replaces, it never adds. minutes only when partial.
CREATE TABLE attendance (
  activity_id BIGINT NOT NULL REFERENCES activities(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  status TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
  minutes INTEGER CHECK (minutes IS NULL OR minutes >= 0),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (activity_id, person_id)
);
CREATE INDEX attendance_person ON attendance(person_id, activity_id, status, minutes);

-- Competence frameworks are versioned: a new version is new rows, assessments keep pointing at the
-- version (and indicators) they were made with.
CREATE TABLE competence_frameworks (
  id {{pk}},
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('child', 'adult')),
  name_cs TEXT NOT NULL,
  name_en TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (code, version)
);

CREATE TABLE competence_domains (
  id {{pk}},
  framework_id BIGINT NOT NULL REFERENCES competence_frameworks(id),
  code TEXT NOT NULL,
  name_cs TEXT NOT NULL,
  name_en TEXT NOT NULL,
  position INTEGER NOT NULL,
  UNIQUE (framework_id, code)
);

CREATE TABLE competence_indicators (
  id {{pk}},
  domain_id BIGINT NOT NULL REFERENCES competence_domains(id),
  code TEXT NOT NULL,
  name_cs TEXT NOT NULL,
  name_en TEXT NOT NULL,
  position INTEGER NOT NULL
);
CREATE INDEX competence_indicators_domain ON competence_indicators(domain_id);

CREATE TABLE competence_levels (
  framework_id BIGINT NOT NULL REFERENCES competence_frameworks(id),
  level INTEGER NOT NULL,
  name_cs TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description_cs TEXT NOT NULL,
  description_en TEXT NOT NULL,
  PRIMARY KEY (framework_id, level)
);

CREATE TABLE assessments (
  id {{pk}},
  version INTEGER NOT NULL DEFAULT 1,
  person_id BIGINT NOT NULL REFERENCES people(id),
  framework_id BIGINT NOT NULL REFERENCES competence_frameworks(id),
  date TEXT NOT NULL,
  assessor_id BIGINT REFERENCES users(id),
  assessor TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX assessments_person ON assessments(person_id, date);

CREATE TABLE assessment_levels (
  assessment_id BIGINT NOT NULL REFERENCES assessments(id),
  indicator_id BIGINT NOT NULL REFERENCES competence_indicators(id),
  level INTEGER NOT NULL,
  PRIMARY KEY (assessment_id, indicator_id)
);

CREATE TABLE observations (
  id {{pk}},
  version INTEGER NOT NULL DEFAULT 1,
  date TEXT NOT NULL,
  author_id BIGINT REFERENCES users(id),
  author TEXT NOT NULL,
  team_id BIGINT REFERENCES teams(id),
  text TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  is_quote INTEGER NOT NULL DEFAULT 0 CHECK (is_quote IN (0, 1)),
  speaker_role TEXT CHECK (speaker_role IS NULL OR speaker_role IN ('team_member', 'parent', 'child')),
  speaker_person_id BIGINT REFERENCES people(id),
  publishable INTEGER NOT NULL DEFAULT 0 CHECK (publishable IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX observations_date ON observations(date, id);

CREATE TABLE observation_people (
  observation_id BIGINT NOT NULL REFERENCES observations(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (observation_id, person_id)
);
CREATE INDEX observation_people_person ON observation_people(person_id);

-- The default frameworks (version 1): children and parents, rubric levels 1–4.
INSERT INTO competence_frameworks (code, version, audience, name_cs, name_en, created_at) VALUES ('children', 1, 'child', 'Kompetence dětí', 'Children''s competences', '2023-10-01T00:00:00Z');
INSERT INTO competence_levels (framework_id, level, name_cs, name_en, description_cs, description_en) SELECT id, 1, 'Zatím ne', 'Not yet', 'Dovednost se zatím neprojevuje ani s podporou.', 'The skill does not show yet, even with support.' FROM competence_frameworks WHERE code = 'children' AND version = 1;
INSERT INTO competence_levels (framework_id, level, name_cs, name_en, description_cs, description_en) SELECT id, 2, 'S podporou', 'With support', 'Projevuje se, když pracovník pomůže nebo připomene.', 'Shows when a worker helps or reminds.' FROM competence_frameworks WHERE code = 'children' AND version = 1;
INSERT INTO competence_levels (framework_id, level, name_cs, name_en, description_cs, description_en) SELECT id, 3, 'Většinou samostatně', 'Mostly independently', 'Projevuje se samostatně ve známých situacích.', 'Shows independently in familiar situations.' FROM competence_frameworks WHERE code = 'children' AND version = 1;
INSERT INTO competence_levels (framework_id, level, name_cs, name_en, description_cs, description_en) SELECT id, 4, 'Samostatně a jistě', 'Independently and confidently', 'Projevuje se samostatně i v nových a náročných situacích.', 'Shows independently in new and demanding situations too.' FROM competence_frameworks WHERE code = 'children' AND version = 1;
INSERT INTO competence_domains (framework_id, code, name_cs, name_en, position) SELECT id, 'emotions', 'Emoce', 'Emotions', 1 FROM competence_frameworks WHERE code = 'children' AND version = 1;
INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) SELECT d.id, 'names_feelings', 'Rozpozná a pojmenuje pocity', 'Recognises and names feelings', 1 FROM competence_domains d JOIN competence_frameworks f ON f.id = d.framework_id WHERE f.code = 'children' AND f.version = 1 AND d.code = 'emotions';
INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) SELECT d.id, 'works_with_emotions', 'Pracuje s emocemi', 'Works with emotions', 2 FROM competence_domains d JOIN competence_frameworks f ON f.id = d.framework_id WHERE f.code = 'children' AND f.version = 1 AND d.code = 'emotions';
INSERT INTO competence_domains (framework_id, code, name_cs, name_en, position) SELECT id, 'boundaries', 'Osobní hranice', 'Personal boundaries', 2 FROM competence_frameworks WHERE code = 'children' AND version = 1;
INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) SELECT d.id, 'expresses_boundaries', 'Vyjádří osobní hranici („stop“)', 'Expresses personal boundaries ("stop")', 1 FROM competence_domains d JOIN competence_frameworks f ON f.id = d.framework_id WHERE f.code = 'children' AND f.version = 1 AND d.code = 'boundaries';
INSERT INTO competence_domains (framework_id, code, name_cs, name_en, position) SELECT id, 'authority', 'Vyjednávání s autoritou', 'Negotiating with authority', 3 FROM competence_frameworks WHERE code = 'children' AND version = 1;
INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) SELECT d.id, 'negotiates_authority', 'Vyjednává s autoritou', 'Negotiates with authority', 1 FROM competence_domains d JOIN competence_frameworks f ON f.id = d.framework_id WHERE f.code = 'children' AND f.version = 1 AND d.code = 'authority';
INSERT INTO competence_domains (framework_id, code, name_cs, name_en, position) SELECT id, 'group', 'Skupina', 'Group', 4 FROM competence_frameworks WHERE code = 'children' AND version = 1;
INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) SELECT d.id, 'adapts_to_group', 'Přizpůsobí se skupině', 'Adapts to the group', 1 FROM competence_domains d JOIN competence_frameworks f ON f.id = d.framework_id WHERE f.code = 'children' AND f.version = 1 AND d.code = 'group';
INSERT INTO competence_domains (framework_id, code, name_cs, name_en, position) SELECT id, 'school_readiness', 'Školní připravenost', 'School readiness', 5 FROM competence_frameworks WHERE code = 'children' AND version = 1;
INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) SELECT d.id, 'language', 'Jazyk', 'Language', 1 FROM competence_domains d JOIN competence_frameworks f ON f.id = d.framework_id WHERE f.code = 'children' AND f.version = 1 AND d.code = 'school_readiness';
INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) SELECT d.id, 'fine_motor', 'Jemná motorika', 'Fine motor skills', 2 FROM competence_domains d JOIN competence_frameworks f ON f.id = d.framework_id WHERE f.code = 'children' AND f.version = 1 AND d.code = 'school_readiness';
INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) SELECT d.id, 'attention', 'Pozornost', 'Attention', 3 FROM competence_domains d JOIN competence_frameworks f ON f.id = d.framework_id WHERE f.code = 'children' AND f.version = 1 AND d.code = 'school_readiness';
INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) SELECT d.id, 'self_care', 'Sebeobsluha', 'Self-care', 4 FROM competence_domains d JOIN competence_frameworks f ON f.id = d.framework_id WHERE f.code = 'children' AND f.version = 1 AND d.code = 'school_readiness';
INSERT INTO competence_frameworks (code, version, audience, name_cs, name_en, created_at) VALUES ('parents', 1, 'adult', 'Kompetence rodičů', 'Parents'' competences', '2023-10-01T00:00:00Z');
INSERT INTO competence_levels (framework_id, level, name_cs, name_en, description_cs, description_en) SELECT id, 1, 'Zatím ne', 'Not yet', 'Dovednost se zatím neprojevuje ani s podporou.', 'The skill does not show yet, even with support.' FROM competence_frameworks WHERE code = 'parents' AND version = 1;
INSERT INTO competence_levels (framework_id, level, name_cs, name_en, description_cs, description_en) SELECT id, 2, 'S podporou', 'With support', 'Projevuje se, když pracovník pomůže nebo připomene.', 'Shows when a worker helps or reminds.' FROM competence_frameworks WHERE code = 'parents' AND version = 1;
INSERT INTO competence_levels (framework_id, level, name_cs, name_en, description_cs, description_en) SELECT id, 3, 'Většinou samostatně', 'Mostly independently', 'Projevuje se samostatně ve známých situacích.', 'Shows independently in familiar situations.' FROM competence_frameworks WHERE code = 'parents' AND version = 1;
INSERT INTO competence_levels (framework_id, level, name_cs, name_en, description_cs, description_en) SELECT id, 4, 'Samostatně a jistě', 'Independently and confidently', 'Projevuje se samostatně i v nových a náročných situacích.', 'Shows independently in new and demanding situations too.' FROM competence_frameworks WHERE code = 'parents' AND version = 1;
INSERT INTO competence_domains (framework_id, code, name_cs, name_en, position) SELECT id, 'rights', 'Práva a kam se obrátit', 'Rights and where to turn', 1 FROM competence_frameworks WHERE code = 'parents' AND version = 1;
INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) SELECT d.id, 'knows_where_to_turn', 'Ví, kam se obrátit při nespravedlivém jednání', 'Knows where to turn when treated unfairly', 1 FROM competence_domains d JOIN competence_frameworks f ON f.id = d.framework_id WHERE f.code = 'parents' AND f.version = 1 AND d.code = 'rights';
INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) SELECT d.id, 'uses_institutional_tools', 'Používá institucionální nástroje (žádosti, odvolání, stížnosti)', 'Uses institutional tools (applications, appeals, complaints)', 2 FROM competence_domains d JOIN competence_frameworks f ON f.id = d.framework_id WHERE f.code = 'parents' AND f.version = 1 AND d.code = 'rights';
INSERT INTO competence_domains (framework_id, code, name_cs, name_en, position) SELECT id, 'confidence', 'Jistota ve škole a na úřadech', 'Confidence with schools and institutions', 2 FROM competence_frameworks WHERE code = 'parents' AND version = 1;
INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) SELECT d.id, 'confidence_institutions', 'Jedná se školou a institucemi s jistotou', 'Deals with schools and institutions confidently', 1 FROM competence_domains d JOIN competence_frameworks f ON f.id = d.framework_id WHERE f.code = 'parents' AND f.version = 1 AND d.code = 'confidence';
INSERT INTO competence_domains (framework_id, code, name_cs, name_en, position) SELECT id, 'aspirations', 'Aspirace pro dítě', 'Aspirations for the child', 3 FROM competence_frameworks WHERE code = 'parents' AND version = 1;
INSERT INTO competence_indicators (domain_id, code, name_cs, name_en, position) SELECT d.id, 'aspirations_child', 'Má vzdělávací aspirace pro dítě', 'Has educational aspirations for the child', 1 FROM competence_domains d JOIN competence_frameworks f ON f.id = d.framework_id WHERE f.code = 'parents' AND f.version = 1 AND d.code = 'aspirations';
