-- The query an analyst fluent in DuckDB would write instead of running prepost: the same counts
-- (evaluation.md rules 1-5, A&E only) from the same extracts, read where they lie. Run it from the
-- folder holding referrals.csv and ae.csv, e.g. `duckdb < analyst-query.sql`; `npm run bench` runs it
-- through @duckdb/node-api and checks its counts against prepost's.
--
-- The benchmark's bench.json: first interventions 2021-01-01 to 2022-07-31, consent, at least
-- one onward referral, aged 18 or over, six-month windows, data covering 2020-01-01 to 2023-06-30;
-- ECDS attendance category 4 (planned follow-up) not counted; the index day in neither window.
--
-- Read as `prepost synth population` writes the referrals: DuckDB types consent (`Yes`, `No`, empty)
-- as a boolean, so a yes reads 'true'; an empty onward_referrals or age is NULL, which the
-- coalesce counts as 0 and the age test excludes, as the spec says.
WITH referrals AS (
    SELECT *, row_number() OVER () AS file_order
    FROM read_csv('referrals.csv')
), patients AS (
    -- Rule 1: the index date is the earliest intervention; cohort, consent and age come from the
    -- first row (in file order) on that date; onward referrals are summed over every row.
    SELECT patient_id,
           min(intervention_date) AS index_date,
           arg_min(cohort, (intervention_date, file_order)) AS cohort,
           arg_min(consent, (intervention_date, file_order)) AS consent,
           arg_min(age, (intervention_date, file_order)) AS age,
           sum(coalesce(onward_referrals, 0)) AS onward_referrals
    FROM referrals
    GROUP BY patient_id
), eligible AS (
    -- Rule 2, with rule 3's windows: six calendar months either side, the day clamped to the month's end.
    SELECT patient_id, cohort, index_date,
           CAST(index_date - INTERVAL 6 MONTH AS DATE) AS pre_start,
           CAST(index_date + INTERVAL 6 MONTH AS DATE) AS post_end
    FROM patients
    WHERE index_date BETWEEN DATE '2021-01-01' AND DATE '2022-07-31'
      AND lower(CAST(consent AS VARCHAR)) IN ('y', 'yes', 'true', '1')
      AND onward_referrals >= 1
      AND age >= 18
      AND index_date - INTERVAL 6 MONTH >= DATE '2020-01-01'
      AND index_date + INTERVAL 6 MONTH <= DATE '2023-06-30'
), counts AS (
    -- Rule 4: countable attendances in each window; patients with none count with zero.
    SELECT e.cohort, e.patient_id,
           count(a.patient_id) FILTER (WHERE a.arrival_date >= e.pre_start AND a.arrival_date < e.index_date) AS pre,
           count(a.patient_id) FILTER (WHERE a.arrival_date > e.index_date AND a.arrival_date <= e.post_end) AS post
    FROM eligible AS e
    LEFT JOIN read_csv('ae.csv') AS a
           ON a.patient_id = e.patient_id AND CAST(a.attendance_category AS VARCHAR) <> '4'
    GROUP BY e.cohort, e.patient_id
)
-- Rule 5, per cohort.
SELECT cohort, count(*) AS patients, sum(pre) AS pre, sum(post) AS post
FROM counts
GROUP BY cohort
ORDER BY cohort;
