-- The full participant indicator set for the whole project period, written by hand as SQL (the
-- reference for bench/reports_bench.sh). Same answers as the engine: ESF+ EECO01..17 by gender for
-- participants whose first entry falls in the period, and the programme's children and parents.
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
