-- Support minutes pre-aggregated per person, activity type and calendar month (issue 6 benchmark):
-- the support-hours indicators (P_SUPPORT_HOURS, SUPPORTED) read these few rows instead of scanning
-- millions of attendance rows. One row holds, for the PRESENT attendance of one person at activities
-- of one type dated in one month ('YYYY-MM'), the sum of each row's counted minutes (the same CASE
-- as rules/support_hours and the indicator engine, evaluated per attendance row, so integer division
-- happens per row exactly as in the raw computation) and the number of those attendance rows.
-- A row exists exactly when that number is above zero (a present person with 0 minutes still counts
-- as supported). Periods that do not start or end on a month boundary add the edge days from the
-- raw attendance (reports/programme_indicators_activities.cpp), so every period stays exact.
--
-- Kept exact by database triggers in the same transaction as every write it depends on:
--   attendance INSERT / UPDATE (status, minutes, person_id on merge and undo) / DELETE,
--   activities UPDATE of type_id, date or duration_minutes (activities are never deleted while they
--   have attendance: the foreign key refuses it), activity_types UPDATE of counted_minutes.
-- SQLite: row triggers; PostgreSQL: statement triggers over transition tables (the same deltas,
-- one aggregated statement for a bulk insert such as the national demo load).
-- @sqlite
CREATE TABLE support_minutes_monthly (
  person_id BIGINT NOT NULL,
  type_id BIGINT NOT NULL,
  month TEXT NOT NULL,
  minutes BIGINT NOT NULL,
  sessions BIGINT NOT NULL,
  PRIMARY KEY (person_id, type_id, month)
) WITHOUT ROWID;
-- @postgresql
CREATE TABLE support_minutes_monthly (
  person_id BIGINT NOT NULL,
  type_id BIGINT NOT NULL,
  month TEXT NOT NULL,
  minutes BIGINT NOT NULL,
  sessions BIGINT NOT NULL,
  -- INCLUDE: the indicators' scans are index-only (SQLite's WITHOUT ROWID table is its key already).
  PRIMARY KEY (person_id, type_id, month) INCLUDE (minutes)
);
-- @all

-- Sessions by date with their type (P_SESSIONS, and the edge days of a period read raw): an
-- index-only scan instead of a table lookup per session.
CREATE INDEX activities_date_type ON activities(date, type_id, id);

-- Backfill from the attendance already recorded.
INSERT INTO support_minutes_monthly (person_id, month, type_id, minutes, sessions)
SELECT at.person_id, substr(a.date, 1, 7), a.type_id,
       SUM(CASE WHEN at.minutes IS NULL THEN COALESCE(t.counted_minutes, a.duration_minutes)
                WHEN t.counted_minutes IS NULL THEN at.minutes
                ELSE at.minutes * t.counted_minutes / a.duration_minutes END), COUNT(*)
FROM attendance at JOIN activities a ON a.id = at.activity_id JOIN activity_types t ON t.id = a.type_id
WHERE at.status = 'present'
GROUP BY at.person_id, substr(a.date, 1, 7), a.type_id;

-- @sqlite
CREATE TRIGGER smm_attendance_insert AFTER INSERT ON attendance WHEN NEW.status = 'present'
BEGIN
  INSERT INTO support_minutes_monthly (person_id, month, type_id, minutes, sessions)
  SELECT NEW.person_id, substr(a.date, 1, 7), a.type_id,
         CASE WHEN NEW.minutes IS NULL THEN COALESCE(t.counted_minutes, a.duration_minutes)
              WHEN t.counted_minutes IS NULL THEN NEW.minutes
              ELSE NEW.minutes * t.counted_minutes / a.duration_minutes END, 1
  FROM activities a JOIN activity_types t ON t.id = a.type_id WHERE a.id = NEW.activity_id
  ON CONFLICT (person_id, type_id, month) DO UPDATE SET minutes = minutes + excluded.minutes,
    sessions = sessions + excluded.sessions;
END;
CREATE TRIGGER smm_attendance_delete AFTER DELETE ON attendance WHEN OLD.status = 'present'
BEGIN
  UPDATE support_minutes_monthly SET
    minutes = support_minutes_monthly.minutes - (CASE WHEN OLD.minutes IS NULL THEN COALESCE(t.counted_minutes, a.duration_minutes)
                                WHEN t.counted_minutes IS NULL THEN OLD.minutes
                                ELSE OLD.minutes * t.counted_minutes / a.duration_minutes END),
    sessions = support_minutes_monthly.sessions - 1
  FROM activities a JOIN activity_types t ON t.id = a.type_id
  WHERE a.id = OLD.activity_id AND support_minutes_monthly.person_id = OLD.person_id AND support_minutes_monthly.month = substr(a.date, 1, 7)
    AND support_minutes_monthly.type_id = a.type_id;
  DELETE FROM support_minutes_monthly WHERE person_id = OLD.person_id AND sessions = 0;
END;
-- An update is the old row's removal and the new row's insertion (status, minutes or the person).
CREATE TRIGGER smm_attendance_update AFTER UPDATE ON attendance
WHEN OLD.status = 'present' OR NEW.status = 'present'
BEGIN
  UPDATE support_minutes_monthly SET
    minutes = support_minutes_monthly.minutes - (CASE WHEN OLD.minutes IS NULL THEN COALESCE(t.counted_minutes, a.duration_minutes)
                                WHEN t.counted_minutes IS NULL THEN OLD.minutes
                                ELSE OLD.minutes * t.counted_minutes / a.duration_minutes END),
    sessions = support_minutes_monthly.sessions - 1
  FROM activities a JOIN activity_types t ON t.id = a.type_id
  WHERE OLD.status = 'present' AND a.id = OLD.activity_id AND support_minutes_monthly.person_id = OLD.person_id
    AND support_minutes_monthly.month = substr(a.date, 1, 7) AND support_minutes_monthly.type_id = a.type_id;
  INSERT INTO support_minutes_monthly (person_id, month, type_id, minutes, sessions)
  SELECT NEW.person_id, substr(a.date, 1, 7), a.type_id,
         CASE WHEN NEW.minutes IS NULL THEN COALESCE(t.counted_minutes, a.duration_minutes)
              WHEN t.counted_minutes IS NULL THEN NEW.minutes
              ELSE NEW.minutes * t.counted_minutes / a.duration_minutes END, 1
  FROM activities a JOIN activity_types t ON t.id = a.type_id
  WHERE NEW.status = 'present' AND a.id = NEW.activity_id
  ON CONFLICT (person_id, type_id, month) DO UPDATE SET minutes = minutes + excluded.minutes,
    sessions = sessions + excluded.sessions;
  DELETE FROM support_minutes_monthly WHERE person_id = OLD.person_id AND sessions = 0;
END;
-- A session's type, date or duration changes what each of its present attendances counts, and where.
CREATE TRIGGER smm_activity_update AFTER UPDATE OF type_id, date, duration_minutes ON activities
WHEN OLD.type_id <> NEW.type_id OR OLD.date <> NEW.date OR OLD.duration_minutes <> NEW.duration_minutes
BEGIN
  UPDATE support_minutes_monthly SET minutes = support_minutes_monthly.minutes - d.m, sessions = support_minutes_monthly.sessions - d.n
  FROM (SELECT at.person_id AS pid,
               SUM(CASE WHEN at.minutes IS NULL THEN COALESCE(t.counted_minutes, OLD.duration_minutes)
                        WHEN t.counted_minutes IS NULL THEN at.minutes
                        ELSE at.minutes * t.counted_minutes / OLD.duration_minutes END) AS m, COUNT(*) AS n
        FROM attendance at JOIN activity_types t ON t.id = OLD.type_id
        WHERE at.activity_id = OLD.id AND at.status = 'present' GROUP BY at.person_id) AS d
  WHERE support_minutes_monthly.person_id = d.pid AND support_minutes_monthly.month = substr(OLD.date, 1, 7) AND support_minutes_monthly.type_id = OLD.type_id;
  INSERT INTO support_minutes_monthly (person_id, month, type_id, minutes, sessions)
  SELECT at.person_id, substr(NEW.date, 1, 7), NEW.type_id,
         SUM(CASE WHEN at.minutes IS NULL THEN COALESCE(t.counted_minutes, NEW.duration_minutes)
                  WHEN t.counted_minutes IS NULL THEN at.minutes
                  ELSE at.minutes * t.counted_minutes / NEW.duration_minutes END), COUNT(*)
  FROM attendance at JOIN activity_types t ON t.id = NEW.type_id
  WHERE at.activity_id = NEW.id AND at.status = 'present' GROUP BY at.person_id
  ON CONFLICT (person_id, type_id, month) DO UPDATE SET minutes = minutes + excluded.minutes,
    sessions = sessions + excluded.sessions;
  DELETE FROM support_minutes_monthly WHERE month = substr(OLD.date, 1, 7) AND type_id = OLD.type_id
    AND sessions = 0 AND person_id IN (SELECT person_id FROM attendance WHERE activity_id = OLD.id);
END;
-- A type's conversion rule changes what every present attendance at its sessions counts.
CREATE TRIGGER smm_type_update AFTER UPDATE OF counted_minutes ON activity_types
WHEN OLD.counted_minutes IS NOT NEW.counted_minutes
BEGIN
  UPDATE support_minutes_monthly SET minutes = support_minutes_monthly.minutes + d.delta
  FROM (SELECT at.person_id AS pid, substr(a.date, 1, 7) AS mon,
               SUM(CASE WHEN at.minutes IS NULL THEN COALESCE(NEW.counted_minutes, a.duration_minutes)
                        WHEN NEW.counted_minutes IS NULL THEN at.minutes
                        ELSE at.minutes * NEW.counted_minutes / a.duration_minutes END
                 - CASE WHEN at.minutes IS NULL THEN COALESCE(OLD.counted_minutes, a.duration_minutes)
                        WHEN OLD.counted_minutes IS NULL THEN at.minutes
                        ELSE at.minutes * OLD.counted_minutes / a.duration_minutes END) AS delta
        FROM attendance at JOIN activities a ON a.id = at.activity_id
        WHERE a.type_id = NEW.id AND at.status = 'present' GROUP BY at.person_id, substr(a.date, 1, 7)) AS d
  WHERE support_minutes_monthly.person_id = d.pid AND support_minutes_monthly.month = d.mon AND support_minutes_monthly.type_id = NEW.id;
END;
-- @postgresql
CREATE FUNCTION smm_attendance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE support_minutes_monthly AS s SET minutes = s.minutes - d.m, sessions = s.sessions - d.n
    FROM (SELECT o.person_id AS pid, substr(a.date, 1, 7) AS mon, a.type_id AS tid,
                 SUM(CASE WHEN o.minutes IS NULL THEN COALESCE(t.counted_minutes, a.duration_minutes)
                          WHEN t.counted_minutes IS NULL THEN o.minutes
                          ELSE o.minutes * t.counted_minutes / a.duration_minutes END) AS m, COUNT(*) AS n
          FROM old_rows o JOIN activities a ON a.id = o.activity_id JOIN activity_types t ON t.id = a.type_id
          WHERE o.status = 'present' GROUP BY o.person_id, substr(a.date, 1, 7), a.type_id) AS d
    WHERE s.person_id = d.pid AND s.month = d.mon AND s.type_id = d.tid;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO support_minutes_monthly AS s (person_id, month, type_id, minutes, sessions)
    SELECT n.person_id, substr(a.date, 1, 7), a.type_id,
           SUM(CASE WHEN n.minutes IS NULL THEN COALESCE(t.counted_minutes, a.duration_minutes)
                    WHEN t.counted_minutes IS NULL THEN n.minutes
                    ELSE n.minutes * t.counted_minutes / a.duration_minutes END), COUNT(*)
    FROM new_rows n JOIN activities a ON a.id = n.activity_id JOIN activity_types t ON t.id = a.type_id
    WHERE n.status = 'present' GROUP BY n.person_id, substr(a.date, 1, 7), a.type_id
    ON CONFLICT (person_id, type_id, month) DO UPDATE SET minutes = s.minutes + excluded.minutes,
      sessions = s.sessions + excluded.sessions;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM support_minutes_monthly AS s USING (SELECT DISTINCT person_id FROM old_rows) o
    WHERE s.person_id = o.person_id AND s.sessions = 0;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER smm_attendance_insert AFTER INSERT ON attendance REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION smm_attendance_changed();
CREATE TRIGGER smm_attendance_update AFTER UPDATE ON attendance REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION smm_attendance_changed();
CREATE TRIGGER smm_attendance_delete AFTER DELETE ON attendance REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION smm_attendance_changed();

CREATE FUNCTION smm_activity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE support_minutes_monthly AS s SET minutes = s.minutes - d.m, sessions = s.sessions - d.n
  FROM (SELECT at.person_id AS pid, substr(o.date, 1, 7) AS mon, o.type_id AS tid,
               SUM(CASE WHEN at.minutes IS NULL THEN COALESCE(t.counted_minutes, o.duration_minutes)
                        WHEN t.counted_minutes IS NULL THEN at.minutes
                        ELSE at.minutes * t.counted_minutes / o.duration_minutes END) AS m, COUNT(*) AS n
        FROM old_rows o JOIN new_rows nw ON nw.id = o.id JOIN attendance at ON at.activity_id = o.id
        JOIN activity_types t ON t.id = o.type_id
        WHERE at.status = 'present' AND (o.type_id <> nw.type_id OR o.date <> nw.date
          OR o.duration_minutes <> nw.duration_minutes)
        GROUP BY at.person_id, substr(o.date, 1, 7), o.type_id) AS d
  WHERE s.person_id = d.pid AND s.month = d.mon AND s.type_id = d.tid;
  INSERT INTO support_minutes_monthly AS s (person_id, month, type_id, minutes, sessions)
  SELECT at.person_id, substr(nw.date, 1, 7), nw.type_id,
         SUM(CASE WHEN at.minutes IS NULL THEN COALESCE(t.counted_minutes, nw.duration_minutes)
                  WHEN t.counted_minutes IS NULL THEN at.minutes
                  ELSE at.minutes * t.counted_minutes / nw.duration_minutes END), COUNT(*)
  FROM new_rows nw JOIN old_rows o ON o.id = nw.id JOIN attendance at ON at.activity_id = nw.id
  JOIN activity_types t ON t.id = nw.type_id
  WHERE at.status = 'present' AND (o.type_id <> nw.type_id OR o.date <> nw.date
    OR o.duration_minutes <> nw.duration_minutes)
  GROUP BY at.person_id, substr(nw.date, 1, 7), nw.type_id
  ON CONFLICT (person_id, type_id, month) DO UPDATE SET minutes = s.minutes + excluded.minutes,
    sessions = s.sessions + excluded.sessions;
  DELETE FROM support_minutes_monthly AS s
  USING (SELECT DISTINCT at.person_id, substr(o.date, 1, 7) AS mon, o.type_id AS tid
         FROM old_rows o JOIN attendance at ON at.activity_id = o.id) d
  WHERE s.person_id = d.person_id AND s.month = d.mon AND s.type_id = d.tid AND s.sessions = 0;
  RETURN NULL;
END;
$$;
CREATE TRIGGER smm_activity_update AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION smm_activity_changed();

CREATE FUNCTION smm_type_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE support_minutes_monthly AS s SET minutes = s.minutes + d.delta
  FROM (SELECT at.person_id AS pid, substr(a.date, 1, 7) AS mon, a.type_id AS tid,
               SUM(CASE WHEN at.minutes IS NULL THEN COALESCE(nw.counted_minutes, a.duration_minutes)
                        WHEN nw.counted_minutes IS NULL THEN at.minutes
                        ELSE at.minutes * nw.counted_minutes / a.duration_minutes END
                 - CASE WHEN at.minutes IS NULL THEN COALESCE(o.counted_minutes, a.duration_minutes)
                        WHEN o.counted_minutes IS NULL THEN at.minutes
                        ELSE at.minutes * o.counted_minutes / a.duration_minutes END) AS delta
        FROM old_rows o JOIN new_rows nw ON nw.id = o.id JOIN activities a ON a.type_id = o.id
        JOIN attendance at ON at.activity_id = a.id
        WHERE at.status = 'present' AND o.counted_minutes IS DISTINCT FROM nw.counted_minutes
        GROUP BY at.person_id, substr(a.date, 1, 7), a.type_id) AS d
  WHERE s.person_id = d.pid AND s.month = d.mon AND s.type_id = d.tid;
  RETURN NULL;
END;
$$;
CREATE TRIGGER smm_type_update AFTER UPDATE ON activity_types REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION smm_type_changed();
-- @all
