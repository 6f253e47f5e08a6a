-- Registry generation (issue 3 benchmark): a counter that every committed change of the tables a family
-- or people list shows (families, people, teams, users) moves on. List answers are cached in the server
-- under (generation, scope, query); a request reads the generation in its own read transaction and uses a
-- cached answer only if it was computed at that same generation, so a cached answer is never older than
-- the data the request could see (domain::ListCache). Triggers rather than code in every write path, so no
-- path (merge, anonymisation, import, demo, a future one) can forget it. Each change sets a new random
-- value rather than adding one, so that no state can come back under a number an earlier state had (a
-- restored backup brings back its own value together with exactly the data that value stood for).

-- @all
CREATE TABLE registry_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  gen BIGINT NOT NULL
);
INSERT INTO registry_generation (id, gen) VALUES (1, 1);

-- @sqlite
-- SQLite has one writer: a plain trigger per row, statement kind and table.
CREATE TRIGGER registry_generation_families_i AFTER INSERT ON families BEGIN UPDATE registry_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER registry_generation_families_u AFTER UPDATE ON families BEGIN UPDATE registry_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER registry_generation_families_d AFTER DELETE ON families BEGIN UPDATE registry_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER registry_generation_people_i AFTER INSERT ON people BEGIN UPDATE registry_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER registry_generation_people_u AFTER UPDATE ON people BEGIN UPDATE registry_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER registry_generation_people_d AFTER DELETE ON people BEGIN UPDATE registry_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER registry_generation_teams_i AFTER INSERT ON teams BEGIN UPDATE registry_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER registry_generation_teams_u AFTER UPDATE ON teams BEGIN UPDATE registry_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER registry_generation_teams_d AFTER DELETE ON teams BEGIN UPDATE registry_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER registry_generation_users_i AFTER INSERT ON users BEGIN UPDATE registry_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER registry_generation_users_u AFTER UPDATE ON users BEGIN UPDATE registry_generation SET gen = random() WHERE id = 1; END;
CREATE TRIGGER registry_generation_users_d AFTER DELETE ON users BEGIN UPDATE registry_generation SET gen = random() WHERE id = 1; END;

-- @postgresql
-- Deferred to the commit, once per transaction: the counter row is locked only while the transaction
-- commits (it is the last lock any writer takes, so it cannot deadlock), and a bulk change moves it once.
CREATE FUNCTION registry_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('kredo.registry_bumped', true) IS DISTINCT FROM 'on' THEN
    UPDATE registry_generation SET gen = floor(random() * 9007199254740991)::bigint WHERE id = 1;
    PERFORM set_config('kredo.registry_bumped', 'on', true);
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER registry_generation_families AFTER INSERT OR UPDATE OR DELETE ON families
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registry_generation_bump();
CREATE CONSTRAINT TRIGGER registry_generation_people AFTER INSERT OR UPDATE OR DELETE ON people
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registry_generation_bump();
CREATE CONSTRAINT TRIGGER registry_generation_teams AFTER INSERT OR UPDATE OR DELETE ON teams
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registry_generation_bump();
CREATE CONSTRAINT TRIGGER registry_generation_users AFTER INSERT OR UPDATE OR DELETE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registry_generation_bump();
