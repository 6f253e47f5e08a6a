-- Schools and the evidence about them (composition estimates, leadership openness, interactions),
-- zápis windows as editable data, RÚIAN address points and catchment assignments.
-- Schools are not personal data; nothing here references people or families.
-- Dates are 'YYYY-MM-DD' text, timestamps UTC text, shares are fractions 0..1.

CREATE TABLE schools (
  id {{pk}},
  izo TEXT NOT NULL UNIQUE,
  red_izo TEXT,
  name TEXT NOT NULL,
  -- fold_for_search(name): accent- and case-free, for q= searches
  name_search TEXT NOT NULL,
  -- Czech collation sort key (ICU) as lower-case hex: byte order = Czech alphabetical order
  name_sort TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('ms', 'zs', 'zs_16_9', 'preparatory_class')),
  founder_name TEXT,
  founder_ico TEXT,
  address TEXT,
  ruian_code BIGINT,
  district TEXT,
  capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  sjtsk_y DOUBLE PRECISION,
  sjtsk_x DOUBLE PRECISION,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'register')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX schools_name_sort ON schools(name_sort);
CREATE INDEX schools_district ON schools(district);
CREATE INDEX schools_red_izo ON schools(red_izo);

CREATE TABLE school_composition (
  id {{pk}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  school_year INTEGER NOT NULL,
  roma_share DOUBLE PRECISION CHECK (roma_share IS NULL OR (roma_share >= 0 AND roma_share <= 1)),
  disadvantaged_share DOUBLE PRECISION
    CHECK (disadvantaged_share IS NULL OR (disadvantaged_share >= 0 AND disadvantaged_share <= 1)),
  source TEXT NOT NULL,
  estimated_on TEXT NOT NULL,
  confidence TEXT NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX school_composition_school ON school_composition(school_id, school_year);

CREATE TABLE school_openness (
  id {{pk}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  stance TEXT NOT NULL CHECK (stance IN ('open', 'mixed', 'closed')),
  assessed_on TEXT NOT NULL,
  evidence TEXT NOT NULL,
  assessed_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX school_openness_school ON school_openness(school_id, assessed_on);

CREATE TABLE school_interactions (
  id {{pk}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  occurred_on TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('meeting', 'phone', 'email', 'letter', 'visit', 'other')),
  worker_user_id BIGINT REFERENCES users(id),
  worker TEXT NOT NULL,
  summary TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX school_interactions_school ON school_interactions(school_id, occurred_on);

-- Seeded from rules::default_zapis_windows() on first use, then edited by coordinators.
CREATE TABLE zapis_windows (
  level TEXT NOT NULL CHECK (level IN ('ms', 'zs')),
  school_year INTEGER NOT NULL,
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (level, school_year)
);

-- RÚIAN address points (Kód ADM = address place code, the catchment join key).
CREATE TABLE addresses (
  kod_adm BIGINT PRIMARY KEY,
  kod_obce BIGINT NOT NULL,
  nazev_obce TEXT NOT NULL,
  kod_momc BIGINT,
  nazev_momc TEXT,
  kod_mop BIGINT,
  nazev_mop TEXT,
  kod_casti_obce BIGINT,
  nazev_casti_obce TEXT,
  kod_ulice BIGINT,
  nazev_ulice TEXT,
  typ_so TEXT,
  cislo_domovni INTEGER,
  cislo_orientacni INTEGER,
  znak_cisla_orientacniho TEXT,
  psc TEXT,
  sjtsk_y DOUBLE PRECISION,
  sjtsk_x DOUBLE PRECISION,
  plati_od TEXT
);
CREATE INDEX addresses_obce ON addresses(kod_obce);

-- One catchment school per address place and level (a joint catchment of several schools is
-- not modelled: Brno's ordinances assign each street number to one school).
CREATE TABLE catchments (
  kod_adm BIGINT NOT NULL REFERENCES addresses(kod_adm),
  level TEXT NOT NULL CHECK (level IN ('ms', 'zs')),
  school_id BIGINT NOT NULL REFERENCES schools(id),
  PRIMARY KEY (kod_adm, level)
);
CREATE INDEX catchments_school ON catchments(school_id);

-- Sort keys are byte strings in hex: PostgreSQL must compare them bytewise, not by locale.
-- @postgresql
ALTER TABLE schools ALTER COLUMN name_sort TYPE TEXT COLLATE "C";
-- @all
