-- Registry search index (issue 3 benchmark): the trigrams (three characters, counted as characters, not
-- bytes) of families.search_text and people.search_text, which hold fold_for_search() of the names.
-- A search for a folded term of three or more characters reads the postings of the term's rarest trigram
-- and checks those rows with the same LIKE '%term%' as before, so the answers are exactly those of the
-- full scan (a row containing the term contains each of its trigrams). Terms shorter than three characters
-- still scan. The rows are rewritten in the same transaction as every change of search_text
-- (domain::refresh_family_search_index / refresh_person_search_index); rebuild_search_indexes() rebuilds both.
-- Our own table on both databases rather than FTS5 or pg_trgm: same SQL, same answers, no extension needed.

-- @sqlite
CREATE TABLE family_search_trigrams (
  trigram TEXT NOT NULL,
  family_id INTEGER NOT NULL,
  PRIMARY KEY (trigram, family_id)
) WITHOUT ROWID;
CREATE TABLE person_search_trigrams (
  trigram TEXT NOT NULL,
  person_id INTEGER NOT NULL,
  PRIMARY KEY (trigram, person_id)
) WITHOUT ROWID;
-- @postgresql
CREATE TABLE family_search_trigrams (
  trigram TEXT NOT NULL,
  family_id BIGINT NOT NULL,
  PRIMARY KEY (trigram, family_id)
);
CREATE TABLE person_search_trigrams (
  trigram TEXT NOT NULL,
  person_id BIGINT NOT NULL,
  PRIMARY KEY (trigram, person_id)
);
-- @all
CREATE INDEX family_search_trigrams_family ON family_search_trigrams(family_id);
CREATE INDEX person_search_trigrams_person ON person_search_trigrams(person_id);

INSERT INTO family_search_trigrams (trigram, family_id)
WITH RECURSIVE n(i) AS (
  SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < (SELECT COALESCE(MAX(length(search_text)), 0) FROM families))
SELECT DISTINCT substr(f.search_text, n.i, 3), f.id FROM families f JOIN n ON n.i <= length(f.search_text) - 2;

INSERT INTO person_search_trigrams (trigram, person_id)
WITH RECURSIVE n(i) AS (
  SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < (SELECT COALESCE(MAX(length(search_text)), 0) FROM people))
SELECT DISTINCT substr(p.search_text, n.i, 3), p.id FROM people p JOIN n ON n.i <= length(p.search_text) - 2;
