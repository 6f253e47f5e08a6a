-- The full indicator set for the whole project period, written by hand as SQL (the reference for
-- bench/reports_bench.sh), runs unchanged in sqlite3 and psql. Same answers as the engine: ESF+
-- EECO01..17 by gender for participants whose first entry falls in the period, the programme's
-- children and parents, sessions and support hours by type, supported persons (> 2400 minutes, the
-- default setting) -- both from the monthly support-minutes aggregate (migration 0012), as the engine
-- reads them --, the share improving per competence domain, the enrollment indicators (with the
-- default non-segregated share 0.5) and incidents.
WITH firsts AS (
  SELECT pa.person_id, pa.entry_date, pa.third_country_national AS tcn, pa.foreign_background AS fb,
         pa.housing_exclusion AS he, pa.rural AS ru,
         ROW_NUMBER() OVER (PARTITION BY pa.person_id ORDER BY pa.entry_date, pa.id) AS rn
  FROM participations pa WHERE pa.entry_date >= '2023-10-01' AND pa.entry_date <= '2025-09-30'
),
special AS (
  SELECT r.person_id,
         MAX(CASE WHEN r.category = 'disability' AND r.value = 'yes' THEN 1 ELSE 0 END) AS dis,
         MAX(CASE WHEN r.category = 'roma_minority' AND r.value = 'yes' THEN 1 ELSE 0 END) AS min
  FROM (SELECT s.person_id, s.category, s.value,
               ROW_NUMBER() OVER (PARTITION BY s.person_id, s.category ORDER BY s.recorded_on DESC, s.id DESC) AS rn
        FROM special_category s WHERE s.category IN ('roma_minority', 'disability')) r
  WHERE r.rn = 1 GROUP BY r.person_id
),
part AS (
  SELECT p.id, p.gender, p.education_isced AS isced, p.labour_status AS ls, f.tcn, f.fb, f.he, f.ru,
         CAST(substr(f.entry_date, 1, 4) AS INTEGER) - CAST(substr(p.birth_date, 1, 4) AS INTEGER)
           - CASE WHEN substr(f.entry_date, 6, 5) < substr(p.birth_date, 6, 5) THEN 1 ELSE 0 END AS age,
         COALESCE(sp.dis, 0) AS dis, COALESCE(sp.min, 0) AS min
  FROM firsts f JOIN people p ON p.id = f.person_id LEFT JOIN special sp ON sp.person_id = p.id
  WHERE f.rn = 1 AND p.merged_into IS NULL
)
SELECT gender,
  COUNT(*) AS eeco01,
  SUM(CASE WHEN age >= 18 AND ls IN ('unemployed', 'long_term_unemployed') THEN 1 ELSE 0 END) AS eeco02,
  SUM(CASE WHEN age >= 18 AND ls = 'long_term_unemployed' THEN 1 ELSE 0 END) AS eeco03,
  SUM(CASE WHEN age >= 18 AND ls IN ('inactive', 'in_education') THEN 1 ELSE 0 END) AS eeco04,
  SUM(CASE WHEN age >= 18 AND ls = 'employed' THEN 1 ELSE 0 END) AS eeco05,
  SUM(CASE WHEN age >= 0 AND age < 18 THEN 1 ELSE 0 END) AS eeco06,
  SUM(CASE WHEN age BETWEEN 18 AND 29 THEN 1 ELSE 0 END) AS eeco07,
  SUM(CASE WHEN age >= 55 THEN 1 ELSE 0 END) AS eeco08,
  SUM(CASE WHEN isced <= 2 THEN 1 ELSE 0 END) AS eeco09,
  SUM(CASE WHEN isced BETWEEN 3 AND 4 THEN 1 ELSE 0 END) AS eeco10,
  SUM(CASE WHEN isced >= 5 THEN 1 ELSE 0 END) AS eeco11,
  SUM(dis) AS eeco12,
  SUM(CASE WHEN tcn = 'yes' THEN 1 ELSE 0 END) AS eeco13,
  SUM(CASE WHEN fb = 'yes' THEN 1 ELSE 0 END) AS eeco14,
  SUM(min) AS eeco15,
  SUM(CASE WHEN he = 'yes' THEN 1 ELSE 0 END) AS eeco16,
  SUM(CASE WHEN ru = 'yes' THEN 1 ELSE 0 END) AS eeco17
FROM part GROUP BY gender ORDER BY gender;

SELECT p.role, p.gender, COUNT(DISTINCT p.id)
FROM participations pa JOIN people p ON p.id = pa.person_id
WHERE p.merged_into IS NULL AND pa.entry_date <= '2025-09-30' AND (pa.exit_date IS NULL OR pa.exit_date >= '2023-10-01')
GROUP BY p.role, p.gender ORDER BY p.role, p.gender;

-- Sessions by type.
SELECT t.code, COUNT(*) FROM activities a JOIN activity_types t ON t.id = a.type_id
WHERE a.date >= '2023-10-01' AND a.date <= '2025-09-30' GROUP BY t.code ORDER BY t.code;

-- Support hours by type (counted minutes / 60) and the number of people supported, from the monthly
-- aggregate of counted minutes (migration 0012; the period is whole months, so no raw edge days).
SELECT t.code, SUM(sm.minutes) / 60.0, COUNT(DISTINCT sm.person_id)
FROM support_minutes_monthly sm JOIN activity_types t ON t.id = sm.type_id
WHERE sm.month >= '2023-10' AND sm.month <= '2025-09' GROUP BY t.code ORDER BY t.code;

-- Supported persons: in the programme during the period, more than 2400 counted minutes up to its end.
SELECT p.gender, COUNT(*) FROM (
  SELECT sm.person_id, SUM(sm.minutes) AS minutes FROM support_minutes_monthly sm WHERE sm.month <= '2025-09'
  GROUP BY sm.person_id
) g JOIN people p ON p.id = g.person_id
WHERE g.minutes > 2400 AND p.merged_into IS NULL AND EXISTS (SELECT 1 FROM participations pa
  WHERE pa.person_id = g.person_id AND pa.entry_date <= '2025-09-30' AND
  (pa.exit_date IS NULL OR pa.exit_date >= '2023-10-01'))
GROUP BY p.gender ORDER BY p.gender;

-- Share improving per competence domain and overall, for children and for parents.
WITH lv AS (
  SELECT s.person_id, s.id AS aid, s.date AS adate, d.code AS domain, f.audience, AVG(al.level * 1.0) AS avg_level
  FROM assessments s JOIN competence_frameworks f ON f.id = s.framework_id
  JOIN assessment_levels al ON al.assessment_id = s.id
  JOIN competence_indicators ci ON ci.id = al.indicator_id
  JOIN competence_domains d ON d.id = ci.domain_id
  WHERE f.audience IN ('child', 'adult') AND s.date <= '2025-09-30' AND s.person_id IN
    (SELECT s2.person_id FROM assessments s2 WHERE s2.date >= '2023-10-01' AND s2.date <= '2025-09-30')
  GROUP BY s.person_id, s.id, s.date, d.code, f.audience
), ranked AS (
  SELECT lv.*, ROW_NUMBER() OVER (PARTITION BY audience, person_id, domain ORDER BY adate, aid) AS rn_first,
         ROW_NUMBER() OVER (PARTITION BY audience, person_id, domain ORDER BY adate DESC, aid DESC) AS rn_last,
         COUNT(*) OVER (PARTITION BY audience, person_id, domain) AS n
  FROM lv
), pd AS (
  SELECT audience, person_id, domain,
         CASE WHEN MAX(CASE WHEN rn_last = 1 THEN avg_level END) > MAX(CASE WHEN rn_first = 1 THEN avg_level END)
              THEN 1 ELSE 0 END AS improved
  FROM ranked WHERE n >= 2 GROUP BY audience, person_id, domain
)
SELECT audience, domain, 100.0 * SUM(improved) / COUNT(*) FROM pd GROUP BY audience, domain
UNION ALL
SELECT audience, '*', 100.0 * COUNT(DISTINCT CASE WHEN improved = 1 THEN person_id END) / COUNT(DISTINCT person_id)
FROM pd GROUP BY audience ORDER BY 1, 2;

-- Enrollment: applications, admissions, appeals filed and won, enrolled in a non-segregated school,
-- children attending an MŠ; distinct children by level.
SELECT 'applications', level, COUNT(DISTINCT person_id) FROM enrollment_cases
WHERE application_date >= '2023-10-01' AND application_date <= '2025-09-30' GROUP BY level
UNION ALL
SELECT 'admissions', level, COUNT(DISTINCT person_id) FROM enrollment_cases
WHERE decision = 'admitted' AND decision_date >= '2023-10-01' AND decision_date <= '2025-09-30' GROUP BY level
UNION ALL
SELECT 'appeals_filed', level, COUNT(DISTINCT person_id) FROM enrollment_cases
WHERE appeal_filed_date >= '2023-10-01' AND appeal_filed_date <= '2025-09-30' GROUP BY level
UNION ALL
SELECT 'appeals_won', level, COUNT(DISTINCT person_id) FROM enrollment_cases
WHERE appeal_outcome = 'granted' AND appeal_outcome_date >= '2023-10-01' AND appeal_outcome_date <= '2025-09-30'
GROUP BY level
UNION ALL
SELECT 'enrolled_nonseg', c.level, COUNT(DISTINCT c.person_id) FROM enrollment_cases c
WHERE c.started_date >= '2023-10-01' AND c.started_date <= '2025-09-30' AND c.started_school_id IS NOT NULL AND
  (SELECT sc.roma_share FROM school_composition sc WHERE sc.school_id = c.started_school_id AND sc.roma_share
   IS NOT NULL ORDER BY sc.school_year DESC, sc.id DESC LIMIT 1) <= 0.5
GROUP BY c.level
UNION ALL
SELECT 'children_ms', level, COUNT(DISTINCT person_id) FROM enrollment_cases
WHERE level IN ('ms', 'compulsory_preschool') AND started_date IS NOT NULL AND started_date <= '2025-09-30'
  AND COALESCE(check_12_attending, check_3_attending, 1) = 1 GROUP BY level
ORDER BY 1, 2;

-- Incidents documented by type, and followed up by the action's type.
SELECT 'documented', type, COUNT(*) FROM incidents
WHERE occurred_on >= '2023-10-01' AND occurred_on <= '2025-09-30' GROUP BY type
UNION ALL
SELECT 'followed', ia.type, COUNT(DISTINCT i.id) FROM incidents i JOIN incident_actions ia ON ia.incident_id = i.id
WHERE i.occurred_on >= '2023-10-01' AND i.occurred_on <= '2025-09-30' AND ia.taken_on IS NOT NULL GROUP BY ia.type
ORDER BY 1, 2;
