-- prepost 0.1.0: the evaluation as tsql SQL (docs/warehouse.md); plan a525011905543d0a
-- made from warehouse.json; tables referrals: sp.referrals, ae: sus.ecds, admissions: sus.apc, outpatients: sus.op, gp_appointments: gp.appointments, comparison: sp.matched; outcomes ae_attendances, unplanned_admissions, emergency_bed_days, outpatient_attendances, gp_appointments
-- Returns one result set (section, outcome, cohort, group, a, b, n) of counts only: save it as CSV, with its header,
-- and run prepost evaluate --config warehouse.json --warehouse-result result.csv on it.
SET NOCOUNT ON;

IF OBJECT_ID('tempdb..#pp_referral_rows') IS NOT NULL DROP TABLE #pp_referral_rows;

IF OBJECT_ID('tempdb..#pp_comparison_rows') IS NOT NULL DROP TABLE #pp_comparison_rows;

IF OBJECT_ID('tempdb..#pp_ae_rows') IS NOT NULL DROP TABLE #pp_ae_rows;

IF OBJECT_ID('tempdb..#pp_admissions_rows') IS NOT NULL DROP TABLE #pp_admissions_rows;

IF OBJECT_ID('tempdb..#pp_outpatients_rows') IS NOT NULL DROP TABLE #pp_outpatients_rows;

IF OBJECT_ID('tempdb..#pp_gp_appointments_rows') IS NOT NULL DROP TABLE #pp_gp_appointments_rows;

IF OBJECT_ID('tempdb..#pp_dates') IS NOT NULL DROP TABLE #pp_dates;

IF OBJECT_ID('tempdb..#pp_referrals') IS NOT NULL DROP TABLE #pp_referrals;

IF OBJECT_ID('tempdb..#pp_comparison') IS NOT NULL DROP TABLE #pp_comparison;

IF OBJECT_ID('tempdb..#pp_ae') IS NOT NULL DROP TABLE #pp_ae;

IF OBJECT_ID('tempdb..#pp_admissions') IS NOT NULL DROP TABLE #pp_admissions;

IF OBJECT_ID('tempdb..#pp_outpatients') IS NOT NULL DROP TABLE #pp_outpatients;

IF OBJECT_ID('tempdb..#pp_gp_appointments') IS NOT NULL DROP TABLE #pp_gp_appointments;

IF OBJECT_ID('tempdb..#pp_coverage') IS NOT NULL DROP TABLE #pp_coverage;

IF OBJECT_ID('tempdb..#pp_span') IS NOT NULL DROP TABLE #pp_span;

IF OBJECT_ID('tempdb..#pp_referral_first') IS NOT NULL DROP TABLE #pp_referral_first;

IF OBJECT_ID('tempdb..#pp_referral_first_order') IS NOT NULL DROP TABLE #pp_referral_first_order;

IF OBJECT_ID('tempdb..#pp_referral_index') IS NOT NULL DROP TABLE #pp_referral_index;

IF OBJECT_ID('tempdb..#pp_referred_ids') IS NOT NULL DROP TABLE #pp_referred_ids;

IF OBJECT_ID('tempdb..#pp_subjects') IS NOT NULL DROP TABLE #pp_subjects;

IF OBJECT_ID('tempdb..#pp_breakdown_groups') IS NOT NULL DROP TABLE #pp_breakdown_groups;

IF OBJECT_ID('tempdb..#pp_breakdown_sizes') IS NOT NULL DROP TABLE #pp_breakdown_sizes;

IF OBJECT_ID('tempdb..#pp_month_bounds') IS NOT NULL DROP TABLE #pp_month_bounds;

IF OBJECT_ID('tempdb..#pp_outcome0_codes') IS NOT NULL DROP TABLE #pp_outcome0_codes;

IF OBJECT_ID('tempdb..#pp_outcome0_patients') IS NOT NULL DROP TABLE #pp_outcome0_patients;

IF OBJECT_ID('tempdb..#pp_outcome0_months') IS NOT NULL DROP TABLE #pp_outcome0_months;

IF OBJECT_ID('tempdb..#pp_outcome1_codes') IS NOT NULL DROP TABLE #pp_outcome1_codes;

IF OBJECT_ID('tempdb..#pp_outcome1_patients') IS NOT NULL DROP TABLE #pp_outcome1_patients;

IF OBJECT_ID('tempdb..#pp_outcome1_months') IS NOT NULL DROP TABLE #pp_outcome1_months;

IF OBJECT_ID('tempdb..#pp_outcome2_spells') IS NOT NULL DROP TABLE #pp_outcome2_spells;

IF OBJECT_ID('tempdb..#pp_outcome2_rows') IS NOT NULL DROP TABLE #pp_outcome2_rows;

IF OBJECT_ID('tempdb..#pp_outcome2_nights') IS NOT NULL DROP TABLE #pp_outcome2_nights;

IF OBJECT_ID('tempdb..#pp_outcome2_codes') IS NOT NULL DROP TABLE #pp_outcome2_codes;

IF OBJECT_ID('tempdb..#pp_outcome2_patients') IS NOT NULL DROP TABLE #pp_outcome2_patients;

IF OBJECT_ID('tempdb..#pp_outcome2_months') IS NOT NULL DROP TABLE #pp_outcome2_months;

IF OBJECT_ID('tempdb..#pp_outcome3_codes') IS NOT NULL DROP TABLE #pp_outcome3_codes;

IF OBJECT_ID('tempdb..#pp_outcome3_patients') IS NOT NULL DROP TABLE #pp_outcome3_patients;

IF OBJECT_ID('tempdb..#pp_outcome3_months') IS NOT NULL DROP TABLE #pp_outcome3_months;

IF OBJECT_ID('tempdb..#pp_outcome4_codes') IS NOT NULL DROP TABLE #pp_outcome4_codes;

IF OBJECT_ID('tempdb..#pp_outcome4_patients') IS NOT NULL DROP TABLE #pp_outcome4_patients;

IF OBJECT_ID('tempdb..#pp_outcome4_months') IS NOT NULL DROP TABLE #pp_outcome4_months;

SELECT * INTO #pp_referral_rows FROM (
SELECT COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([Pseudo_NHS] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_patient_id,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([cohort] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_cohort,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CONVERT(NVARCHAR(4000), [First_Contact], 126) COLLATE Latin1_General_100_BIN2), N'') AS v_intervention_date,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([Consent] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_consent,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([Onward] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_onward_referrals,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([Age] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_age,
  [Upload_Row] AS row_order,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([PCN_Name] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_by0
FROM sp.referrals
) AS q;

SELECT * INTO #pp_comparison_rows FROM (
SELECT COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([patient_id] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_patient_id,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([cohort] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_cohort,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CONVERT(NVARCHAR(4000), [index_date], 126) COLLATE Latin1_General_100_BIN2), N'') AS v_index_date,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([matched_to] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_matched_to
FROM sp.matched
) AS q;

SELECT * INTO #pp_ae_rows FROM (
SELECT COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([Der_Pseudo_NHS_Number] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_patient_id,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CONVERT(NVARCHAR(4000), [Arrival_Date], 126) COLLATE Latin1_General_100_BIN2), N'') AS v_arrival_date,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([EC_AttendanceCategory] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_attendance_category
FROM sus.ecds
) AS q;

SELECT * INTO #pp_admissions_rows FROM (
SELECT COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([Der_Pseudo_NHS_Number] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_patient_id,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CONVERT(NVARCHAR(4000), [Admission_Date], 126) COLLATE Latin1_General_100_BIN2), N'') AS v_admission_date,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([Admission_Method] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_admission_method,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([Episode_Number] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_episode_order,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CONVERT(NVARCHAR(4000), [Discharge_Date], 126) COLLATE Latin1_General_100_BIN2), N'') AS v_discharge_date,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([APCS_Ident] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_spell_id
FROM sus.apc
) AS q;

SELECT * INTO #pp_outpatients_rows FROM (
SELECT COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([patient_id] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_patient_id,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CONVERT(NVARCHAR(4000), [appointment_date], 126) COLLATE Latin1_General_100_BIN2), N'') AS v_appointment_date,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([attendance_status] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_attendance_status
FROM sus.op
) AS q;

SELECT * INTO #pp_gp_appointments_rows FROM (
SELECT COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([Patient_Pseudo] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_patient_id,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CONVERT(NVARCHAR(4000), [Appointment_Date], 126) COLLATE Latin1_General_100_BIN2), N'') AS v_event_date,
  COALESCE(TRIM(NCHAR(32) + NCHAR(9) + NCHAR(13) + NCHAR(10) + NCHAR(12) FROM CAST([Status] AS NVARCHAR(4000)) COLLATE Latin1_General_100_BIN2), N'') AS v_Status
FROM gp.appointments
) AS q;

SELECT * INTO #pp_dates FROM (
SELECT txt, shape, ok, placeholder, CASE WHEN ok = 1 AND placeholder = 0 THEN DATEFROMPARTS(y, m, d) END AS dt
  FROM (SELECT txt, shape, ok, y, m, d, CASE WHEN ok = 1 AND ((y = 1800 AND m = 1 AND d = 1) OR (y = 1801 AND m = 1 AND d = 1) OR (y = 1600 AND m = 1 AND d = 1) OR (y = 1582 AND m = 10 AND d = 15)) THEN 1 ELSE 0 END AS placeholder FROM (SELECT txt, shape, y, m, d,
      CASE WHEN date_ok = 1 AND suffix_ok = 1 AND y >= 1 AND m >= 1 AND m <= 12 AND d >= 1 AND d <= CASE WHEN m IN (4, 6, 9, 11) THEN 30 WHEN m = 2 THEN CASE WHEN (y % 4 = 0 AND y % 100 <> 0) OR y % 400 = 0 THEN 29 ELSE 28 END ELSE 31 END THEN 1 ELSE 0 END AS ok
    FROM (SELECT txt, shape, date_ok,
      CASE WHEN date_ok = 1 THEN TRY_CAST(y_text AS BIGINT) END AS y,
      CASE WHEN date_ok = 1 THEN TRY_CAST(m_text AS BIGINT) END AS m,
      CASE WHEN date_ok = 1 THEN TRY_CAST(d_text AS BIGINT) END AS d,
      CASE WHEN suffix = N'' THEN 1 WHEN (suffix LIKE N'[T ][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]Z' OR suffix LIKE N'[T ][0-9]:[0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9]Z' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9]Z' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]Z' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9]Z' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9][0-9][0-9]' OR suffix LIKE N'[T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9][.,][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][+-][0-9][0-9]:[0-9][0-9]') THEN 1 ELSE 0 END AS suffix_ok
    FROM (SELECT txt, shape,
      CASE WHEN shape = N'iso' THEN substring(txt, 1, 4) ELSE substring(txt, p2 + 1, 4) END AS y_text,
      CASE WHEN shape = N'iso' THEN substring(txt, 6, 2) ELSE substring(txt, p1 + 1, p2 - p1 - 1) END AS m_text,
      CASE WHEN shape = N'iso' THEN substring(txt, 9, 2) ELSE substring(txt, 1, p1 - 1) END AS d_text,
      CASE WHEN shape = N'iso' THEN CASE WHEN (substring(txt, 1, 10) LIKE N'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') THEN 1 ELSE 0 END WHEN shape = N'dmy' THEN 1 ELSE 0 END AS date_ok,
      CASE WHEN shape = N'iso' THEN substring(txt, 11, 4000) ELSE substring(txt, p2 + 5, 4000) END AS suffix
    FROM (SELECT txt, shape, p1, CASE WHEN shape = N'iso' THEN 8 WHEN substring(txt, p1 + 2, 1) = N'/' THEN p1 + 2 ELSE p1 + 3 END AS p2 FROM (SELECT txt, shape, CASE WHEN shape = N'iso' THEN 5 WHEN substring(txt, 2, 1) = N'/' THEN 2 ELSE 3 END AS p1 FROM (SELECT txt, CASE WHEN (txt LIKE N'[0-9][0-9][0-9][0-9]-[0-9]%') THEN N'iso' WHEN (txt LIKE N'[0-9]/[0-9]/[0-9][0-9][0-9][0-9]%' OR txt LIKE N'[0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]%' OR txt LIKE N'[0-9][0-9]/[0-9]/[0-9][0-9][0-9][0-9]%' OR txt LIKE N'[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]%') THEN N'dmy' END AS shape
    FROM (SELECT DISTINCT txt FROM (
  SELECT v_intervention_date AS txt FROM #pp_referral_rows
  UNION ALL
  SELECT v_index_date AS txt FROM #pp_comparison_rows
  UNION ALL
  SELECT v_arrival_date AS txt FROM #pp_ae_rows
  UNION ALL
  SELECT v_admission_date AS txt FROM #pp_admissions_rows
  UNION ALL
  SELECT v_discharge_date AS txt FROM #pp_admissions_rows
  UNION ALL
  SELECT v_appointment_date AS txt FROM #pp_outpatients_rows
  UNION ALL
  SELECT v_event_date AS txt FROM #pp_gp_appointments_rows
  ) AS every_text WHERE NOT (txt = N'' OR txt IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a'))) AS distinct_text) AS shaped) AS first_slash) AS second_slash) AS parts) AS numbers) AS checked) AS dated
) AS q;

SELECT * INTO #pp_referrals FROM (
SELECT pid, cohort, event_day, consent, COALESCE(CASE WHEN reason IS NOT NULL OR (onward_text = N'' OR onward_text IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN NULL ELSE TRY_CAST(onward_text AS BIGINT) END, 0) AS onward, CASE WHEN reason IS NOT NULL OR (age_text = N'' OR age_text IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN NULL ELSE TRY_CAST(age_text AS BIGINT) END AS age, row_order, reason, by0 FROM (
  SELECT CASE WHEN (v_patient_id = N'' OR v_patient_id IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN NULL ELSE v_patient_id END AS pid,
    v_cohort AS cohort, dd.dt AS event_day, CASE WHEN (v_by0 = N'' OR v_by0 IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'' ELSE v_by0 END AS by0,
    CASE WHEN lower(v_consent) IN (N'y', N'yes', N'true', N'1') THEN 1 ELSE 0 END AS consent,
    r.row_order,
    CASE WHEN (v_patient_id = N'' OR v_patient_id IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'patient_id:missing'
      WHEN (v_cohort = N'' OR v_cohort IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'cohort:missing'
      WHEN (v_intervention_date = N'' OR v_intervention_date IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'intervention_date:missing'
      WHEN (CASE WHEN (dd.ok = 1 AND dd.shape = N'dmy') THEN 1 ELSE 0 END) = 0 THEN N'intervention_date:not_a_date'
      WHEN dd.placeholder = 1 THEN N'intervention_date:placeholder'
      WHEN NOT (v_onward_referrals = N'' OR v_onward_referrals IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) AND (CASE WHEN (v_onward_referrals LIKE N'[0-9]' OR v_onward_referrals LIKE N'[0-9][0-9]' OR v_onward_referrals LIKE N'[0-9][0-9][0-9]' OR v_onward_referrals LIKE N'[0-9][0-9][0-9][0-9]' OR v_onward_referrals LIKE N'[0-9][0-9][0-9][0-9][0-9]' OR v_onward_referrals LIKE N'[0-9][0-9][0-9][0-9][0-9][0-9]' OR v_onward_referrals LIKE N'[0-9][0-9][0-9][0-9][0-9][0-9][0-9]' OR v_onward_referrals LIKE N'[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' OR v_onward_referrals LIKE N'[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]') THEN 1 ELSE 0 END) = 0 THEN N'onward_referrals:not_whole_number'
      WHEN NOT (v_age = N'' OR v_age IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) AND (CASE WHEN (v_age LIKE N'[0-9]' OR v_age LIKE N'[0-9][0-9]' OR v_age LIKE N'[0-9][0-9][0-9]' OR v_age LIKE N'[0-9][0-9][0-9][0-9]' OR v_age LIKE N'[0-9][0-9][0-9][0-9][0-9]' OR v_age LIKE N'[0-9][0-9][0-9][0-9][0-9][0-9]' OR v_age LIKE N'[0-9][0-9][0-9][0-9][0-9][0-9][0-9]' OR v_age LIKE N'[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' OR v_age LIKE N'[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]') THEN 1 ELSE 0 END) = 0 THEN N'age:not_whole_number'
      WHEN r.row_order IS NULL THEN N'row_order:missing' END AS reason,
    v_onward_referrals AS onward_text, v_age AS age_text
  FROM #pp_referral_rows AS r LEFT JOIN #pp_dates AS dd ON dd.txt = r.v_intervention_date
) AS checked_rows
) AS q;

SELECT * INTO #pp_comparison FROM (
SELECT CASE WHEN (v_patient_id = N'' OR v_patient_id IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN NULL ELSE v_patient_id END AS pid, v_cohort AS cohort, dd.dt AS event_day, v_matched_to AS matched_to,
    CASE WHEN (v_patient_id = N'' OR v_patient_id IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'patient_id:missing'
      WHEN (v_cohort = N'' OR v_cohort IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'cohort:missing'
      WHEN (v_index_date = N'' OR v_index_date IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'index_date:missing'
      WHEN (CASE WHEN dd.ok = 1 THEN 1 ELSE 0 END) = 0 THEN N'index_date:not_a_date'
      WHEN dd.placeholder = 1 THEN N'index_date:placeholder'
      WHEN (v_matched_to = N'' OR v_matched_to IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'matched_to:missing' END AS reason
  FROM #pp_comparison_rows AS r LEFT JOIN #pp_dates AS dd ON dd.txt = r.v_index_date
) AS q;

SELECT * INTO #pp_ae FROM (
SELECT CASE WHEN (v_patient_id = N'' OR v_patient_id IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN NULL ELSE v_patient_id END AS pid,
    CASE WHEN dd_arrival_date.ok = 1 THEN dd_arrival_date.dt END AS event_day,
    CASE WHEN dd_arrival_date.placeholder = 1 THEN 1 ELSE 0 END AS placeholder,
    v_attendance_category,
    N'' AS spell,
    CASE WHEN (v_patient_id = N'' OR v_patient_id IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'patient_id:missing'
      WHEN (v_arrival_date = N'' OR v_arrival_date IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'arrival_date:missing'
      WHEN (CASE WHEN dd_arrival_date.ok = 1 THEN 1 ELSE 0 END) = 0 THEN N'arrival_date:not_a_date' END AS reason
  FROM #pp_ae_rows AS r
    LEFT JOIN #pp_dates AS dd_arrival_date ON dd_arrival_date.txt = r.v_arrival_date
) AS q;

SELECT * INTO #pp_admissions FROM (
SELECT CASE WHEN (v_patient_id = N'' OR v_patient_id IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN NULL ELSE v_patient_id END AS pid,
    CASE WHEN dd_admission_date.ok = 1 THEN dd_admission_date.dt END AS event_day,
    CASE WHEN dd_admission_date.placeholder = 1 THEN 1 ELSE 0 END AS placeholder,
    CASE WHEN dd_discharge_date.ok = 1 THEN dd_discharge_date.dt END AS discharge_date_day,
    v_admission_method,
    v_episode_order,
    v_spell_id,
    CASE WHEN (v_spell_id = N'' OR v_spell_id IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'' ELSE v_spell_id END AS spell,
    CASE WHEN (v_patient_id = N'' OR v_patient_id IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'patient_id:missing'
      WHEN (v_admission_date = N'' OR v_admission_date IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'admission_date:missing'
      WHEN (CASE WHEN dd_admission_date.ok = 1 THEN 1 ELSE 0 END) = 0 THEN N'admission_date:not_a_date'
      WHEN v_admission_method LIKE N'%[^' + NCHAR(1) + N'-' + NCHAR(127) + N']%' COLLATE Latin1_General_100_BIN2 THEN N'admission_method:not_ascii'
      WHEN NOT (v_discharge_date = N'' OR v_discharge_date IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) AND (CASE WHEN dd_discharge_date.ok = 1 THEN 1 ELSE 0 END) = 0 THEN N'discharge_date:not_a_date'
      WHEN CASE WHEN dd_discharge_date.ok = 1 THEN dd_discharge_date.dt END < CASE WHEN dd_admission_date.ok = 1 THEN dd_admission_date.dt END THEN N'discharge_date:before_admission_date' END AS reason
  FROM #pp_admissions_rows AS r
    LEFT JOIN #pp_dates AS dd_admission_date ON dd_admission_date.txt = r.v_admission_date
    LEFT JOIN #pp_dates AS dd_discharge_date ON dd_discharge_date.txt = r.v_discharge_date
) AS q;

SELECT * INTO #pp_outpatients FROM (
SELECT CASE WHEN (v_patient_id = N'' OR v_patient_id IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN NULL ELSE v_patient_id END AS pid,
    CASE WHEN dd_appointment_date.ok = 1 THEN dd_appointment_date.dt END AS event_day,
    CASE WHEN dd_appointment_date.placeholder = 1 THEN 1 ELSE 0 END AS placeholder,
    v_attendance_status,
    N'' AS spell,
    CASE WHEN (v_patient_id = N'' OR v_patient_id IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'patient_id:missing'
      WHEN (v_appointment_date = N'' OR v_appointment_date IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'appointment_date:missing'
      WHEN (CASE WHEN dd_appointment_date.ok = 1 THEN 1 ELSE 0 END) = 0 THEN N'appointment_date:not_a_date' END AS reason
  FROM #pp_outpatients_rows AS r
    LEFT JOIN #pp_dates AS dd_appointment_date ON dd_appointment_date.txt = r.v_appointment_date
) AS q;

SELECT * INTO #pp_gp_appointments FROM (
SELECT CASE WHEN (v_patient_id = N'' OR v_patient_id IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN NULL ELSE v_patient_id END AS pid,
    CASE WHEN dd_event_date.ok = 1 THEN dd_event_date.dt END AS event_day,
    CASE WHEN dd_event_date.placeholder = 1 THEN 1 ELSE 0 END AS placeholder,
    v_Status,
    N'' AS spell,
    CASE WHEN (v_patient_id = N'' OR v_patient_id IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'patient_id:missing'
      WHEN (v_event_date = N'' OR v_event_date IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) THEN N'event_date:missing'
      WHEN (CASE WHEN dd_event_date.ok = 1 THEN 1 ELSE 0 END) = 0 THEN N'event_date:not_a_date'
      WHEN v_Status LIKE N'%[^' + NCHAR(1) + N'-' + NCHAR(127) + N']%' COLLATE Latin1_General_100_BIN2 THEN N'Status:not_ascii' END AS reason
  FROM #pp_gp_appointments_rows AS r
    LEFT JOIN #pp_dates AS dd_event_date ON dd_event_date.txt = r.v_event_date
) AS q;

SELECT * INTO #pp_coverage FROM (
SELECT extract_name, earliest, latest, dated, COALESCE(given_start, earliest) AS span_start, COALESCE(given_end, latest) AS span_end
  FROM (SELECT CAST(N'ae' AS NVARCHAR(4000)) AS extract_name, MIN(event_day) AS earliest, MAX(event_day) AS latest, COUNT_BIG(event_day) AS dated,
    CAST(N'2020-01-01' AS DATE) AS given_start, CAST(N'2023-06-30' AS DATE) AS given_end
  FROM #pp_ae WHERE reason IS NULL
  UNION ALL
  SELECT CAST(N'admissions' AS NVARCHAR(4000)) AS extract_name, MIN(event_day) AS earliest, MAX(event_day) AS latest, COUNT_BIG(event_day) AS dated,
    CAST(N'2020-01-01' AS DATE) AS given_start, CAST(N'2023-06-30' AS DATE) AS given_end
  FROM #pp_admissions WHERE reason IS NULL
  UNION ALL
  SELECT CAST(N'outpatients' AS NVARCHAR(4000)) AS extract_name, MIN(event_day) AS earliest, MAX(event_day) AS latest, COUNT_BIG(event_day) AS dated,
    CAST(N'2020-01-01' AS DATE) AS given_start, CAST(N'2023-06-30' AS DATE) AS given_end
  FROM #pp_outpatients WHERE reason IS NULL
  UNION ALL
  SELECT CAST(N'gp_appointments' AS NVARCHAR(4000)) AS extract_name, MIN(event_day) AS earliest, MAX(event_day) AS latest, COUNT_BIG(event_day) AS dated,
    CAST(N'2020-01-01' AS DATE) AS given_start, CAST(N'2023-06-30' AS DATE) AS given_end
  FROM #pp_gp_appointments WHERE reason IS NULL) AS extracts
) AS q;

SELECT * INTO #pp_span FROM (
SELECT CASE WHEN COUNT(span_start) = COUNT(*) THEN MAX(span_start) END AS data_start, CASE WHEN COUNT(span_end) = COUNT(*) THEN MIN(span_end) END AS data_end
  FROM #pp_coverage
) AS q;

SELECT * INTO #pp_referral_first FROM (
SELECT pid, MIN(event_day) AS index_date, SUM(CAST(onward AS BIGINT)) AS onward FROM #pp_referrals WHERE reason IS NULL GROUP BY pid
) AS q;

SELECT * INTO #pp_referral_first_order FROM (
SELECT f.pid, MIN(r.row_order) AS first_order
  FROM #pp_referral_first AS f JOIN #pp_referrals AS r ON r.pid = f.pid AND r.reason IS NULL AND r.event_day = f.index_date
  GROUP BY f.pid
) AS q;

SELECT * INTO #pp_referral_index FROM (
SELECT pid, index_date, onward, cohort, consent, age_key, by0,
    CASE WHEN cohort <> cohort_last OR consent <> consent_last OR age_key <> age_last OR by0 <> by0_last THEN 1 ELSE 0 END AS ambiguous
  FROM (
    SELECT f.pid, f.index_date, f.onward, MIN(r.cohort) AS cohort, MAX(r.cohort) AS cohort_last, MIN(r.consent) AS consent, MAX(r.consent) AS consent_last,
      MIN(COALESCE(r.age, -1)) AS age_key, MAX(COALESCE(r.age, -1)) AS age_last, MIN(r.by0) AS by0, MAX(r.by0) AS by0_last
    FROM #pp_referral_first AS f JOIN #pp_referral_first_order AS o ON o.pid = f.pid
      JOIN #pp_referrals AS r ON r.pid = f.pid AND r.reason IS NULL AND r.event_day = f.index_date AND r.row_order = o.first_order
    GROUP BY f.pid, f.index_date, f.onward
  ) AS candidates
) AS q;

SELECT * INTO #pp_referred_ids FROM (
SELECT DISTINCT pid FROM #pp_referrals WHERE pid IS NOT NULL
) AS q;

SELECT * INTO #pp_subjects FROM (
SELECT w.pid, CAST(N'referred' AS NVARCHAR(4000)) AS grp, w.cohort, w.index_date, w.prior_start, w.pre_start, w.post_end,
    CASE WHEN bad.pid IS NOT NULL OR w.ambiguous = 1 THEN 1
      WHEN w.index_date < CAST(N'2021-01-01' AS DATE) OR w.index_date > CAST(N'2022-07-31' AS DATE) THEN 2
      WHEN w.consent = 0 THEN 3
      WHEN w.onward < 1 THEN 4
      WHEN w.age_key < 18 THEN 5
      WHEN sp.data_start IS NULL OR sp.data_end IS NULL OR w.pre_start < sp.data_start OR w.post_end > sp.data_end THEN 6 ELSE 0 END AS excluded_by, CASE WHEN sp.data_start IS NOT NULL AND w.prior_start >= sp.data_start THEN 1 ELSE 0 END AS prior_covered, CAST(NULL AS NVARCHAR(4000)) AS matched_to
  FROM (SELECT i.*, DATEADD(month, -12, i.index_date) AS prior_start, DATEADD(month, -6, i.index_date) AS pre_start, DATEADD(month, 6, i.index_date) AS post_end FROM #pp_referral_index AS i) AS w
    CROSS JOIN #pp_span AS sp
    LEFT JOIN (SELECT DISTINCT pid FROM #pp_referrals WHERE reason IS NOT NULL AND pid IS NOT NULL) AS bad ON bad.pid = w.pid
  UNION ALL
  SELECT w.pid, CAST(N'comparison' AS NVARCHAR(4000)) AS grp, w.cohort, w.index_date, w.prior_start, w.pre_start, w.post_end,
    CASE WHEN w.index_date < CAST(N'2021-01-01' AS DATE) OR w.index_date > CAST(N'2022-07-31' AS DATE) THEN 2
      WHEN sp.data_start IS NULL OR sp.data_end IS NULL OR w.pre_start < sp.data_start OR w.post_end > sp.data_end THEN 3 ELSE 0 END AS excluded_by, CASE WHEN sp.data_start IS NOT NULL AND w.prior_start >= sp.data_start THEN 1 ELSE 0 END AS prior_covered, w.matched_to
  FROM (SELECT c.pid, c.cohort, c.event_day AS index_date, c.matched_to, DATEADD(month, -12, c.event_day) AS prior_start, DATEADD(month, -6, c.event_day) AS pre_start, DATEADD(month, 6, c.event_day) AS post_end FROM #pp_comparison AS c
      WHERE c.reason IS NULL AND c.pid NOT IN (SELECT pid FROM #pp_referred_ids)) AS w
    CROSS JOIN #pp_span AS sp
) AS q;

SELECT * INTO #pp_breakdown_groups FROM (
SELECT s.pid, CASE WHEN i.by0 = N'' THEN N'unknown' ELSE i.by0 END AS g0, CASE WHEN i.age_key < 0 THEN N'unknown' WHEN i.age_key < 18 THEN N'0-17' WHEN i.age_key < 35 THEN N'18-34' WHEN i.age_key < 55 THEN N'35-54' WHEN i.age_key < 75 THEN N'55-74' ELSE N'75+' END AS g1
  FROM #pp_subjects AS s JOIN #pp_referral_index AS i ON i.pid = s.pid
  WHERE s.grp = CAST(N'referred' AS NVARCHAR(4000)) AND s.excluded_by = 0
) AS q;

SELECT * INTO #pp_breakdown_sizes FROM (
SELECT COUNT(DISTINCT g0) AS n0, COUNT(DISTINCT g1) AS n1 FROM #pp_breakdown_groups
) AS q;

SELECT * INTO #pp_month_bounds FROM (
SELECT s.pid, 0 AS month_index, DATEADD(month, -9, s.index_date) AS month_first, DATEADD(month, -8, s.index_date) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 1 AS month_index, DATEADD(month, -8, s.index_date) AS month_first, DATEADD(month, -7, s.index_date) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 2 AS month_index, DATEADD(month, -7, s.index_date) AS month_first, DATEADD(month, -6, s.index_date) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 3 AS month_index, DATEADD(month, -6, s.index_date) AS month_first, DATEADD(month, -5, s.index_date) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 4 AS month_index, DATEADD(month, -5, s.index_date) AS month_first, DATEADD(month, -4, s.index_date) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 5 AS month_index, DATEADD(month, -4, s.index_date) AS month_first, DATEADD(month, -3, s.index_date) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 6 AS month_index, DATEADD(month, -3, s.index_date) AS month_first, DATEADD(month, -2, s.index_date) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 7 AS month_index, DATEADD(month, -2, s.index_date) AS month_first, DATEADD(month, -1, s.index_date) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 8 AS month_index, DATEADD(month, -1, s.index_date) AS month_first, s.index_date AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 9 AS month_index, s.index_date AS month_first, DATEADD(day, 1, s.index_date) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 10 AS month_index, DATEADD(day, 1, s.index_date) AS month_first, DATEADD(day, 1, DATEADD(month, 1, s.index_date)) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 11 AS month_index, DATEADD(day, 1, DATEADD(month, 1, s.index_date)) AS month_first, DATEADD(day, 1, DATEADD(month, 2, s.index_date)) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 12 AS month_index, DATEADD(day, 1, DATEADD(month, 2, s.index_date)) AS month_first, DATEADD(day, 1, DATEADD(month, 3, s.index_date)) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 13 AS month_index, DATEADD(day, 1, DATEADD(month, 3, s.index_date)) AS month_first, DATEADD(day, 1, DATEADD(month, 4, s.index_date)) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 14 AS month_index, DATEADD(day, 1, DATEADD(month, 4, s.index_date)) AS month_first, DATEADD(day, 1, DATEADD(month, 5, s.index_date)) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 15 AS month_index, DATEADD(day, 1, DATEADD(month, 5, s.index_date)) AS month_first, DATEADD(day, 1, DATEADD(month, 6, s.index_date)) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 16 AS month_index, DATEADD(day, 1, DATEADD(month, 6, s.index_date)) AS month_first, DATEADD(day, 1, DATEADD(month, 7, s.index_date)) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 17 AS month_index, DATEADD(day, 1, DATEADD(month, 7, s.index_date)) AS month_first, DATEADD(day, 1, DATEADD(month, 8, s.index_date)) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
  UNION ALL
  SELECT s.pid, 18 AS month_index, DATEADD(day, 1, DATEADD(month, 8, s.index_date)) AS month_first, DATEADD(day, 1, DATEADD(month, 9, s.index_date)) AS month_after, CASE WHEN sp.data_start IS NOT NULL AND sp.data_end IS NOT NULL AND DATEADD(month, -9, s.index_date) >= sp.data_start
      AND DATEADD(day, 1, DATEADD(month, 9, s.index_date)) <= DATEADD(day, 1, sp.data_end) THEN 1 ELSE 0 END AS covered
  FROM #pp_subjects AS s CROSS JOIN #pp_span AS sp
) AS q;

SELECT * INTO #pp_outcome0_codes FROM (
SELECT pid, code, COUNT_BIG(*) AS n_rows, COUNT_BIG(*) AS units FROM (SELECT s.pid, e.event_day, e.spell, s.index_date, s.prior_start, s.pre_start, s.post_end,
      CASE WHEN s.pid IS NULL THEN -1
        WHEN e.v_attendance_category IN (N'4') THEN 10
        WHEN e.placeholder = 1 THEN 9 ELSE CASE
    WHEN e.event_day = s.index_date THEN 3
    WHEN e.event_day < s.index_date THEN CASE WHEN e.event_day >= s.pre_start THEN 1 WHEN e.event_day >= s.prior_start THEN 0 ELSE 4 END
    WHEN e.event_day <= s.post_end THEN 2
    ELSE 4 END END AS code
    FROM #pp_ae AS e LEFT JOIN #pp_subjects AS s ON s.pid = e.pid
    WHERE e.reason IS NULL) AS classified GROUP BY pid, code
) AS q;

SELECT * INTO #pp_outcome0_patients FROM (
SELECT s.pid, s.grp, s.cohort, s.excluded_by, s.prior_covered, s.matched_to, COALESCE(SUM(CAST(CASE WHEN o.code = 1 THEN o.units ELSE 0 END AS BIGINT)), 0) AS pre, COALESCE(SUM(CAST(CASE WHEN o.code = 2 THEN o.units ELSE 0 END AS BIGINT)), 0) AS post, COALESCE(SUM(CAST(CASE WHEN o.code = 0 THEN o.units ELSE 0 END AS BIGINT)), 0) AS prior
  FROM #pp_subjects AS s LEFT JOIN #pp_outcome0_codes AS o ON o.pid = s.pid
  GROUP BY s.pid, s.grp, s.cohort, s.excluded_by, s.prior_covered, s.matched_to
) AS q;

SELECT * INTO #pp_outcome0_months FROM (
SELECT c.pid, b.month_index, COUNT_BIG(*) AS units
  FROM (SELECT s.pid, e.event_day, e.spell, s.index_date, s.prior_start, s.pre_start, s.post_end,
      CASE WHEN s.pid IS NULL THEN -1
        WHEN e.v_attendance_category IN (N'4') THEN 10
        WHEN e.placeholder = 1 THEN 9 ELSE CASE
    WHEN e.event_day = s.index_date THEN 3
    WHEN e.event_day < s.index_date THEN CASE WHEN e.event_day >= s.pre_start THEN 1 WHEN e.event_day >= s.prior_start THEN 0 ELSE 4 END
    WHEN e.event_day <= s.post_end THEN 2
    ELSE 4 END END AS code
    FROM #pp_ae AS e LEFT JOIN #pp_subjects AS s ON s.pid = e.pid
    WHERE e.reason IS NULL) AS c JOIN #pp_month_bounds AS b ON b.pid = c.pid AND c.event_day >= b.month_first AND c.event_day < b.month_after
  WHERE c.code BETWEEN 0 AND 4 GROUP BY c.pid, b.month_index
) AS q;

SELECT * INTO #pp_outcome1_codes FROM (
SELECT pid, code, COUNT_BIG(*) AS n_rows, COUNT_BIG(*) AS units FROM (SELECT s.pid, e.event_day, e.spell, s.index_date, s.prior_start, s.pre_start, s.post_end,
      CASE WHEN s.pid IS NULL THEN -1
        WHEN NOT (e.v_episode_order = N'1' OR (e.v_episode_order LIKE N'%1' AND replace(e.v_episode_order, N'0', N'') = N'1')) THEN 10
        WHEN NOT (upper(e.v_admission_method) IN (N'21', N'22', N'23', N'24', N'25', N'2A', N'2B', N'2C', N'2D', N'28')) THEN 11
        WHEN e.placeholder = 1 THEN 9 ELSE CASE
    WHEN e.event_day = s.index_date THEN 3
    WHEN e.event_day < s.index_date THEN CASE WHEN e.event_day >= s.pre_start THEN 1 WHEN e.event_day >= s.prior_start THEN 0 ELSE 4 END
    WHEN e.event_day <= s.post_end THEN 2
    ELSE 4 END END AS code
    FROM #pp_admissions AS e LEFT JOIN #pp_subjects AS s ON s.pid = e.pid
    WHERE e.reason IS NULL) AS classified GROUP BY pid, code
) AS q;

SELECT * INTO #pp_outcome1_patients FROM (
SELECT s.pid, s.grp, s.cohort, s.excluded_by, s.prior_covered, s.matched_to, COALESCE(SUM(CAST(CASE WHEN o.code = 1 THEN o.units ELSE 0 END AS BIGINT)), 0) AS pre, COALESCE(SUM(CAST(CASE WHEN o.code = 2 THEN o.units ELSE 0 END AS BIGINT)), 0) AS post, COALESCE(SUM(CAST(CASE WHEN o.code = 0 THEN o.units ELSE 0 END AS BIGINT)), 0) AS prior
  FROM #pp_subjects AS s LEFT JOIN #pp_outcome1_codes AS o ON o.pid = s.pid
  GROUP BY s.pid, s.grp, s.cohort, s.excluded_by, s.prior_covered, s.matched_to
) AS q;

SELECT * INTO #pp_outcome1_months FROM (
SELECT c.pid, b.month_index, COUNT_BIG(*) AS units
  FROM (SELECT s.pid, e.event_day, e.spell, s.index_date, s.prior_start, s.pre_start, s.post_end,
      CASE WHEN s.pid IS NULL THEN -1
        WHEN NOT (e.v_episode_order = N'1' OR (e.v_episode_order LIKE N'%1' AND replace(e.v_episode_order, N'0', N'') = N'1')) THEN 10
        WHEN NOT (upper(e.v_admission_method) IN (N'21', N'22', N'23', N'24', N'25', N'2A', N'2B', N'2C', N'2D', N'28')) THEN 11
        WHEN e.placeholder = 1 THEN 9 ELSE CASE
    WHEN e.event_day = s.index_date THEN 3
    WHEN e.event_day < s.index_date THEN CASE WHEN e.event_day >= s.pre_start THEN 1 WHEN e.event_day >= s.prior_start THEN 0 ELSE 4 END
    WHEN e.event_day <= s.post_end THEN 2
    ELSE 4 END END AS code
    FROM #pp_admissions AS e LEFT JOIN #pp_subjects AS s ON s.pid = e.pid
    WHERE e.reason IS NULL) AS c JOIN #pp_month_bounds AS b ON b.pid = c.pid AND c.event_day >= b.month_first AND c.event_day < b.month_after
  WHERE c.code BETWEEN 0 AND 4 GROUP BY c.pid, b.month_index
) AS q;

SELECT * INTO #pp_outcome2_spells FROM (
SELECT e.pid, e.event_day, e.spell, MAX(e.discharge_date_day) AS discharge
  FROM #pp_admissions AS e JOIN #pp_subjects AS s ON s.pid = e.pid
  WHERE e.reason IS NULL AND e.event_day IS NOT NULL GROUP BY e.pid, e.event_day, e.spell
) AS q;

SELECT * INTO #pp_outcome2_rows FROM (
SELECT s.pid, e.event_day, e.spell, s.index_date, s.prior_start, s.pre_start, s.post_end,
      CASE WHEN s.pid IS NULL THEN -1
        WHEN NOT (e.v_episode_order = N'1' OR (e.v_episode_order LIKE N'%1' AND replace(e.v_episode_order, N'0', N'') = N'1')) THEN 10
        WHEN NOT (upper(e.v_admission_method) IN (N'21', N'22', N'23', N'24', N'25', N'2A', N'2B', N'2C', N'2D', N'28')) THEN 11
        WHEN e.placeholder = 1 THEN 9 ELSE CASE
    WHEN e.event_day = s.index_date THEN 3
    WHEN e.event_day < s.index_date THEN CASE WHEN e.event_day >= s.pre_start THEN 1 WHEN e.event_day >= s.prior_start THEN 0 ELSE 4 END
    WHEN e.event_day <= s.post_end THEN 2
    ELSE 4 END END AS code
    FROM #pp_admissions AS e LEFT JOIN #pp_subjects AS s ON s.pid = e.pid
    WHERE e.reason IS NULL
) AS q;

SELECT * INTO #pp_outcome2_nights FROM (
SELECT pid, stay_from, stay_to, n_prior, n_pre, n_post, n_index, n_outside,
    CASE WHEN n_pre > 0 THEN 1 WHEN n_post > 0 THEN 2 WHEN n_index > 0 THEN 3 WHEN stay_to = stay_from THEN code ELSE 4 END AS row_place
  FROM (SELECT pid, code, stay_from, stay_to, n_prior, n_pre + 0 AS n_pre, n_post + 0 AS n_post,
      n_index AS n_index, total - n_prior - n_pre - n_post - n_index AS n_outside
    FROM (SELECT pid, code, stay_from, stay_to, CAST(DATEDIFF(day, stay_from, stay_to) AS BIGINT) AS total,
      CASE WHEN CASE WHEN stay_to < pre_start THEN stay_to ELSE pre_start END > CASE WHEN stay_from > prior_start THEN stay_from ELSE prior_start END THEN CAST(DATEDIFF(day, CASE WHEN stay_from > prior_start THEN stay_from ELSE prior_start END, CASE WHEN stay_to < pre_start THEN stay_to ELSE pre_start END) AS BIGINT) ELSE 0 END AS n_prior, CASE WHEN CASE WHEN stay_to < index_date THEN stay_to ELSE index_date END > CASE WHEN stay_from > pre_start THEN stay_from ELSE pre_start END THEN CAST(DATEDIFF(day, CASE WHEN stay_from > pre_start THEN stay_from ELSE pre_start END, CASE WHEN stay_to < index_date THEN stay_to ELSE index_date END) AS BIGINT) ELSE 0 END AS n_pre,
      CASE WHEN CASE WHEN stay_to < post_next THEN stay_to ELSE post_next END > CASE WHEN stay_from > index_next THEN stay_from ELSE index_next END THEN CAST(DATEDIFF(day, CASE WHEN stay_from > index_next THEN stay_from ELSE index_next END, CASE WHEN stay_to < post_next THEN stay_to ELSE post_next END) AS BIGINT) ELSE 0 END AS n_post, CASE WHEN CASE WHEN stay_to < index_next THEN stay_to ELSE index_next END > CASE WHEN stay_from > index_date THEN stay_from ELSE index_date END THEN CAST(DATEDIFF(day, CASE WHEN stay_from > index_date THEN stay_from ELSE index_date END, CASE WHEN stay_to < index_next THEN stay_to ELSE index_next END) AS BIGINT) ELSE 0 END AS n_index
    FROM (SELECT pid, code, stay_from, CASE WHEN stay_end < stay_from THEN stay_from ELSE stay_end END AS stay_to, prior_start, pre_start, index_date, index_next, post_next
    FROM (SELECT c.pid, c.code, c.event_day AS stay_from, COALESCE(sp.discharge, DATEADD(day, 1, sp.data_end)) AS stay_end,
      c.prior_start, c.pre_start, c.index_date, DATEADD(day, 1, c.index_date) AS index_next, DATEADD(day, 1, c.post_end) AS post_next
    FROM #pp_outcome2_rows AS c
      JOIN (SELECT s.pid, s.event_day, s.spell, s.discharge, span.data_end FROM #pp_outcome2_spells AS s CROSS JOIN #pp_span AS span) AS sp
        ON sp.pid = c.pid AND sp.event_day = c.event_day AND sp.spell = c.spell
    WHERE c.code BETWEEN 0 AND 4) AS ends) AS stays) AS by_window) AS placed
) AS q;

SELECT * INTO #pp_outcome2_codes FROM (
SELECT pid, code, COUNT_BIG(*) AS n_rows, COUNT_BIG(*) AS units FROM #pp_outcome2_rows WHERE code NOT BETWEEN 0 AND 4 GROUP BY pid, code
  UNION ALL
  SELECT pid, 0 AS code, SUM(CAST(CASE WHEN row_place = 0 THEN 1 ELSE 0 END AS BIGINT)) AS n_rows, SUM(CAST(n_prior AS BIGINT)) AS units FROM #pp_outcome2_nights GROUP BY pid
  UNION ALL
  SELECT pid, 1 AS code, SUM(CAST(CASE WHEN row_place = 1 THEN 1 ELSE 0 END AS BIGINT)) AS n_rows, SUM(CAST(n_pre AS BIGINT)) AS units FROM #pp_outcome2_nights GROUP BY pid
  UNION ALL
  SELECT pid, 2 AS code, SUM(CAST(CASE WHEN row_place = 2 THEN 1 ELSE 0 END AS BIGINT)) AS n_rows, SUM(CAST(n_post AS BIGINT)) AS units FROM #pp_outcome2_nights GROUP BY pid
  UNION ALL
  SELECT pid, 3 AS code, SUM(CAST(CASE WHEN row_place = 3 THEN 1 ELSE 0 END AS BIGINT)) AS n_rows, SUM(CAST(n_index AS BIGINT)) AS units FROM #pp_outcome2_nights GROUP BY pid
  UNION ALL
  SELECT pid, 4 AS code, SUM(CAST(CASE WHEN row_place = 4 THEN 1 ELSE 0 END AS BIGINT)) AS n_rows, SUM(CAST(n_outside AS BIGINT)) AS units FROM #pp_outcome2_nights GROUP BY pid
) AS q;

SELECT * INTO #pp_outcome2_patients FROM (
SELECT s.pid, s.grp, s.cohort, s.excluded_by, s.prior_covered, s.matched_to, COALESCE(SUM(CAST(CASE WHEN o.code = 1 THEN o.units ELSE 0 END AS BIGINT)), 0) AS pre, COALESCE(SUM(CAST(CASE WHEN o.code = 2 THEN o.units ELSE 0 END AS BIGINT)), 0) AS post, COALESCE(SUM(CAST(CASE WHEN o.code = 0 THEN o.units ELSE 0 END AS BIGINT)), 0) AS prior
  FROM #pp_subjects AS s LEFT JOIN #pp_outcome2_codes AS o ON o.pid = s.pid
  GROUP BY s.pid, s.grp, s.cohort, s.excluded_by, s.prior_covered, s.matched_to
) AS q;

SELECT * INTO #pp_outcome2_months FROM (
SELECT n.pid, b.month_index, SUM(CAST(CAST(DATEDIFF(day, CASE WHEN n.stay_from > b.month_first THEN n.stay_from ELSE b.month_first END, CASE WHEN n.stay_to < b.month_after THEN n.stay_to ELSE b.month_after END) AS BIGINT) AS BIGINT)) AS units
  FROM #pp_outcome2_nights AS n JOIN #pp_month_bounds AS b ON b.pid = n.pid AND n.stay_from < b.month_after AND n.stay_to > b.month_first
  GROUP BY n.pid, b.month_index
) AS q;

SELECT * INTO #pp_outcome3_codes FROM (
SELECT pid, code, COUNT_BIG(*) AS n_rows, COUNT_BIG(*) AS units FROM (SELECT s.pid, e.event_day, e.spell, s.index_date, s.prior_start, s.pre_start, s.post_end,
      CASE WHEN s.pid IS NULL THEN -1
        WHEN NOT (e.v_attendance_status IN (N'5', N'6')) THEN 10
        WHEN e.placeholder = 1 THEN 9 ELSE CASE
    WHEN e.event_day = s.index_date THEN 3
    WHEN e.event_day < s.index_date THEN CASE WHEN e.event_day >= s.pre_start THEN 1 WHEN e.event_day >= s.prior_start THEN 0 ELSE 4 END
    WHEN e.event_day <= s.post_end THEN 2
    ELSE 4 END END AS code
    FROM #pp_outpatients AS e LEFT JOIN #pp_subjects AS s ON s.pid = e.pid
    WHERE e.reason IS NULL) AS classified GROUP BY pid, code
) AS q;

SELECT * INTO #pp_outcome3_patients FROM (
SELECT s.pid, s.grp, s.cohort, s.excluded_by, s.prior_covered, s.matched_to, COALESCE(SUM(CAST(CASE WHEN o.code = 1 THEN o.units ELSE 0 END AS BIGINT)), 0) AS pre, COALESCE(SUM(CAST(CASE WHEN o.code = 2 THEN o.units ELSE 0 END AS BIGINT)), 0) AS post, COALESCE(SUM(CAST(CASE WHEN o.code = 0 THEN o.units ELSE 0 END AS BIGINT)), 0) AS prior
  FROM #pp_subjects AS s LEFT JOIN #pp_outcome3_codes AS o ON o.pid = s.pid
  GROUP BY s.pid, s.grp, s.cohort, s.excluded_by, s.prior_covered, s.matched_to
) AS q;

SELECT * INTO #pp_outcome3_months FROM (
SELECT c.pid, b.month_index, COUNT_BIG(*) AS units
  FROM (SELECT s.pid, e.event_day, e.spell, s.index_date, s.prior_start, s.pre_start, s.post_end,
      CASE WHEN s.pid IS NULL THEN -1
        WHEN NOT (e.v_attendance_status IN (N'5', N'6')) THEN 10
        WHEN e.placeholder = 1 THEN 9 ELSE CASE
    WHEN e.event_day = s.index_date THEN 3
    WHEN e.event_day < s.index_date THEN CASE WHEN e.event_day >= s.pre_start THEN 1 WHEN e.event_day >= s.prior_start THEN 0 ELSE 4 END
    WHEN e.event_day <= s.post_end THEN 2
    ELSE 4 END END AS code
    FROM #pp_outpatients AS e LEFT JOIN #pp_subjects AS s ON s.pid = e.pid
    WHERE e.reason IS NULL) AS c JOIN #pp_month_bounds AS b ON b.pid = c.pid AND c.event_day >= b.month_first AND c.event_day < b.month_after
  WHERE c.code BETWEEN 0 AND 4 GROUP BY c.pid, b.month_index
) AS q;

SELECT * INTO #pp_outcome4_codes FROM (
SELECT pid, code, COUNT_BIG(*) AS n_rows, COUNT_BIG(*) AS units FROM (SELECT s.pid, e.event_day, e.spell, s.index_date, s.prior_start, s.pre_start, s.post_end,
      CASE WHEN s.pid IS NULL THEN -1
        WHEN NOT (lower(CASE WHEN e.v_Status IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a') THEN N'' ELSE e.v_Status END) IN (N'finished', N'arrived')) THEN 10
        WHEN e.placeholder = 1 THEN 9 ELSE CASE
    WHEN e.event_day = s.index_date THEN 3
    WHEN e.event_day < s.index_date THEN CASE WHEN e.event_day >= s.pre_start THEN 1 WHEN e.event_day >= s.prior_start THEN 0 ELSE 4 END
    WHEN e.event_day <= s.post_end THEN 2
    ELSE 4 END END AS code
    FROM #pp_gp_appointments AS e LEFT JOIN #pp_subjects AS s ON s.pid = e.pid
    WHERE e.reason IS NULL) AS classified GROUP BY pid, code
) AS q;

SELECT * INTO #pp_outcome4_patients FROM (
SELECT s.pid, s.grp, s.cohort, s.excluded_by, s.prior_covered, s.matched_to, COALESCE(SUM(CAST(CASE WHEN o.code = 1 THEN o.units ELSE 0 END AS BIGINT)), 0) AS pre, COALESCE(SUM(CAST(CASE WHEN o.code = 2 THEN o.units ELSE 0 END AS BIGINT)), 0) AS post, COALESCE(SUM(CAST(CASE WHEN o.code = 0 THEN o.units ELSE 0 END AS BIGINT)), 0) AS prior
  FROM #pp_subjects AS s LEFT JOIN #pp_outcome4_codes AS o ON o.pid = s.pid
  GROUP BY s.pid, s.grp, s.cohort, s.excluded_by, s.prior_covered, s.matched_to
) AS q;

SELECT * INTO #pp_outcome4_months FROM (
SELECT c.pid, b.month_index, COUNT_BIG(*) AS units
  FROM (SELECT s.pid, e.event_day, e.spell, s.index_date, s.prior_start, s.pre_start, s.post_end,
      CASE WHEN s.pid IS NULL THEN -1
        WHEN NOT (lower(CASE WHEN e.v_Status IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a') THEN N'' ELSE e.v_Status END) IN (N'finished', N'arrived')) THEN 10
        WHEN e.placeholder = 1 THEN 9 ELSE CASE
    WHEN e.event_day = s.index_date THEN 3
    WHEN e.event_day < s.index_date THEN CASE WHEN e.event_day >= s.pre_start THEN 1 WHEN e.event_day >= s.prior_start THEN 0 ELSE 4 END
    WHEN e.event_day <= s.post_end THEN 2
    ELSE 4 END END AS code
    FROM #pp_gp_appointments AS e LEFT JOIN #pp_subjects AS s ON s.pid = e.pid
    WHERE e.reason IS NULL) AS c JOIN #pp_month_bounds AS b ON b.pid = c.pid AND c.event_day >= b.month_first AND c.event_day < b.month_after
  WHERE c.code BETWEEN 0 AND 4 GROUP BY c.pid, b.month_index
) AS q;

SELECT CAST(section AS NVARCHAR(4000)) AS section, CAST(outcome AS NVARCHAR(4000)) AS outcome, CAST(cohort AS NVARCHAR(4000)) AS cohort, CAST(grp AS NVARCHAR(4000)) AS [group],
  CAST(a AS BIGINT) AS a, CAST(b AS BIGINT) AS b, CAST(n AS BIGINT) AS n
FROM (
  SELECT N'script' AS section, N'' AS outcome, N'a525011905543d0a' AS cohort, N'' AS grp, 0 AS a, 0 AS b, 0 AS n
  UNION ALL
  SELECT N'pairs' AS section, N'ae_attendances' AS outcome, cohort AS cohort, grp AS grp, pre AS a, post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome0_patients WHERE excluded_by = 0 GROUP BY cohort, grp, pre, post
  UNION ALL
  SELECT N'prior' AS section, N'ae_attendances' AS outcome, cohort AS cohort, grp AS grp, prior AS a, pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome0_patients WHERE excluded_by = 0 AND prior_covered = 1 GROUP BY cohort, grp, prior, pre
  UNION ALL
  SELECT N'months' AS section, N'ae_attendances' AS outcome, s.cohort AS cohort, s.grp AS grp, b.month_index AS a, COALESCE(m.units, 0) AS b, COUNT_BIG(*) AS n
    FROM #pp_subjects AS s JOIN #pp_month_bounds AS b ON b.pid = s.pid
      LEFT JOIN #pp_outcome0_months AS m ON m.pid = b.pid AND m.month_index = b.month_index
    WHERE s.excluded_by = 0 AND b.covered = 1 GROUP BY s.cohort, s.grp, b.month_index, COALESCE(m.units, 0)
  UNION ALL
  SELECT N'by_pairs' AS section, N'ae_attendances' AS outcome, p.cohort AS cohort, CONCAT(N'pcn=', g.g0) AS grp, p.pre AS a, p.post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome0_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n0 <= 100 GROUP BY p.cohort, g.g0, p.pre, p.post
  UNION ALL
  SELECT N'by_prior' AS section, N'ae_attendances' AS outcome, p.cohort AS cohort, CONCAT(N'pcn=', g.g0) AS grp, p.prior AS a, p.pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome0_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n0 <= 100 AND p.prior_covered = 1 GROUP BY p.cohort, g.g0, p.prior, p.pre
  UNION ALL
  SELECT N'by_pairs' AS section, N'ae_attendances' AS outcome, p.cohort AS cohort, CONCAT(N'age_band=', g.g1) AS grp, p.pre AS a, p.post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome0_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n1 <= 100 GROUP BY p.cohort, g.g1, p.pre, p.post
  UNION ALL
  SELECT N'by_prior' AS section, N'ae_attendances' AS outcome, p.cohort AS cohort, CONCAT(N'age_band=', g.g1) AS grp, p.prior AS a, p.pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome0_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n1 <= 100 AND p.prior_covered = 1 GROUP BY p.cohort, g.g1, p.prior, p.pre
  UNION ALL
  SELECT N'sets' AS section, N'ae_attendances' AS outcome, cohort AS cohort, CONCAT(CAST(controls AS NVARCHAR(4000)), N':', CAST(controls_pre AS NVARCHAR(4000)), N':', CAST(controls_post AS NVARCHAR(4000))) AS grp, case_pre AS a, case_post AS b, COUNT_BIG(*) AS n
    FROM (SELECT c.cohort, c.pre AS case_pre, c.post AS case_post, COUNT_BIG(*) AS controls, SUM(CAST(k.pre AS BIGINT)) AS controls_pre, SUM(CAST(k.post AS BIGINT)) AS controls_post
      FROM #pp_outcome0_patients AS c JOIN #pp_outcome0_patients AS k ON k.matched_to = c.pid
      WHERE c.grp = CAST(N'referred' AS NVARCHAR(4000)) AND c.excluded_by = 0 AND k.grp = CAST(N'comparison' AS NVARCHAR(4000)) AND k.excluded_by = 0
      GROUP BY c.pid, c.cohort, c.pre, c.post) AS matched_sets GROUP BY cohort, controls, controls_pre, controls_post, case_pre, case_post
  UNION ALL
  SELECT N'accounts' AS section, N'ae_attendances' AS outcome, account AS cohort, detail AS grp, 0 AS a, 0 AS b, SUM(CAST(n_rows AS BIGINT)) AS n
    FROM (SELECT CASE WHEN o.code = -1 THEN N'activity_of_others' WHEN o.code >= 9 THEN N'not_countable'
        WHEN s.grp = N'comparison' THEN N'comparison' WHEN s.excluded_by <> 0 THEN N'of_excluded_patients'
        WHEN o.code IN (1, 2) THEN N'counted' WHEN o.code = 3 THEN N'on_index_day' ELSE N'outside_windows' END AS account, CASE WHEN o.code = 9 THEN N'missing_date' WHEN o.code = 10 THEN N'excluded_category' ELSE N'' END AS detail, o.n_rows
      FROM #pp_outcome0_codes AS o LEFT JOIN #pp_subjects AS s ON s.pid = o.pid) AS accounted GROUP BY account, detail
  UNION ALL
  SELECT N'pairs' AS section, N'unplanned_admissions' AS outcome, cohort AS cohort, grp AS grp, pre AS a, post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome1_patients WHERE excluded_by = 0 GROUP BY cohort, grp, pre, post
  UNION ALL
  SELECT N'prior' AS section, N'unplanned_admissions' AS outcome, cohort AS cohort, grp AS grp, prior AS a, pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome1_patients WHERE excluded_by = 0 AND prior_covered = 1 GROUP BY cohort, grp, prior, pre
  UNION ALL
  SELECT N'months' AS section, N'unplanned_admissions' AS outcome, s.cohort AS cohort, s.grp AS grp, b.month_index AS a, COALESCE(m.units, 0) AS b, COUNT_BIG(*) AS n
    FROM #pp_subjects AS s JOIN #pp_month_bounds AS b ON b.pid = s.pid
      LEFT JOIN #pp_outcome1_months AS m ON m.pid = b.pid AND m.month_index = b.month_index
    WHERE s.excluded_by = 0 AND b.covered = 1 GROUP BY s.cohort, s.grp, b.month_index, COALESCE(m.units, 0)
  UNION ALL
  SELECT N'by_pairs' AS section, N'unplanned_admissions' AS outcome, p.cohort AS cohort, CONCAT(N'pcn=', g.g0) AS grp, p.pre AS a, p.post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome1_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n0 <= 100 GROUP BY p.cohort, g.g0, p.pre, p.post
  UNION ALL
  SELECT N'by_prior' AS section, N'unplanned_admissions' AS outcome, p.cohort AS cohort, CONCAT(N'pcn=', g.g0) AS grp, p.prior AS a, p.pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome1_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n0 <= 100 AND p.prior_covered = 1 GROUP BY p.cohort, g.g0, p.prior, p.pre
  UNION ALL
  SELECT N'by_pairs' AS section, N'unplanned_admissions' AS outcome, p.cohort AS cohort, CONCAT(N'age_band=', g.g1) AS grp, p.pre AS a, p.post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome1_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n1 <= 100 GROUP BY p.cohort, g.g1, p.pre, p.post
  UNION ALL
  SELECT N'by_prior' AS section, N'unplanned_admissions' AS outcome, p.cohort AS cohort, CONCAT(N'age_band=', g.g1) AS grp, p.prior AS a, p.pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome1_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n1 <= 100 AND p.prior_covered = 1 GROUP BY p.cohort, g.g1, p.prior, p.pre
  UNION ALL
  SELECT N'sets' AS section, N'unplanned_admissions' AS outcome, cohort AS cohort, CONCAT(CAST(controls AS NVARCHAR(4000)), N':', CAST(controls_pre AS NVARCHAR(4000)), N':', CAST(controls_post AS NVARCHAR(4000))) AS grp, case_pre AS a, case_post AS b, COUNT_BIG(*) AS n
    FROM (SELECT c.cohort, c.pre AS case_pre, c.post AS case_post, COUNT_BIG(*) AS controls, SUM(CAST(k.pre AS BIGINT)) AS controls_pre, SUM(CAST(k.post AS BIGINT)) AS controls_post
      FROM #pp_outcome1_patients AS c JOIN #pp_outcome1_patients AS k ON k.matched_to = c.pid
      WHERE c.grp = CAST(N'referred' AS NVARCHAR(4000)) AND c.excluded_by = 0 AND k.grp = CAST(N'comparison' AS NVARCHAR(4000)) AND k.excluded_by = 0
      GROUP BY c.pid, c.cohort, c.pre, c.post) AS matched_sets GROUP BY cohort, controls, controls_pre, controls_post, case_pre, case_post
  UNION ALL
  SELECT N'accounts' AS section, N'unplanned_admissions' AS outcome, account AS cohort, detail AS grp, 0 AS a, 0 AS b, SUM(CAST(n_rows AS BIGINT)) AS n
    FROM (SELECT CASE WHEN o.code = -1 THEN N'activity_of_others' WHEN o.code >= 9 THEN N'not_countable'
        WHEN s.grp = N'comparison' THEN N'comparison' WHEN s.excluded_by <> 0 THEN N'of_excluded_patients'
        WHEN o.code IN (1, 2) THEN N'counted' WHEN o.code = 3 THEN N'on_index_day' ELSE N'outside_windows' END AS account, CASE WHEN o.code = 9 THEN N'missing_date' WHEN o.code = 10 THEN N'later_episode' WHEN o.code = 11 THEN N'not_emergency' ELSE N'' END AS detail, o.n_rows
      FROM #pp_outcome1_codes AS o LEFT JOIN #pp_subjects AS s ON s.pid = o.pid) AS accounted GROUP BY account, detail
  UNION ALL
  SELECT N'pairs' AS section, N'emergency_bed_days' AS outcome, cohort AS cohort, grp AS grp, pre AS a, post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome2_patients WHERE excluded_by = 0 GROUP BY cohort, grp, pre, post
  UNION ALL
  SELECT N'prior' AS section, N'emergency_bed_days' AS outcome, cohort AS cohort, grp AS grp, prior AS a, pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome2_patients WHERE excluded_by = 0 AND prior_covered = 1 GROUP BY cohort, grp, prior, pre
  UNION ALL
  SELECT N'months' AS section, N'emergency_bed_days' AS outcome, s.cohort AS cohort, s.grp AS grp, b.month_index AS a, COALESCE(m.units, 0) AS b, COUNT_BIG(*) AS n
    FROM #pp_subjects AS s JOIN #pp_month_bounds AS b ON b.pid = s.pid
      LEFT JOIN #pp_outcome2_months AS m ON m.pid = b.pid AND m.month_index = b.month_index
    WHERE s.excluded_by = 0 AND b.covered = 1 GROUP BY s.cohort, s.grp, b.month_index, COALESCE(m.units, 0)
  UNION ALL
  SELECT N'by_pairs' AS section, N'emergency_bed_days' AS outcome, p.cohort AS cohort, CONCAT(N'pcn=', g.g0) AS grp, p.pre AS a, p.post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome2_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n0 <= 100 GROUP BY p.cohort, g.g0, p.pre, p.post
  UNION ALL
  SELECT N'by_prior' AS section, N'emergency_bed_days' AS outcome, p.cohort AS cohort, CONCAT(N'pcn=', g.g0) AS grp, p.prior AS a, p.pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome2_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n0 <= 100 AND p.prior_covered = 1 GROUP BY p.cohort, g.g0, p.prior, p.pre
  UNION ALL
  SELECT N'by_pairs' AS section, N'emergency_bed_days' AS outcome, p.cohort AS cohort, CONCAT(N'age_band=', g.g1) AS grp, p.pre AS a, p.post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome2_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n1 <= 100 GROUP BY p.cohort, g.g1, p.pre, p.post
  UNION ALL
  SELECT N'by_prior' AS section, N'emergency_bed_days' AS outcome, p.cohort AS cohort, CONCAT(N'age_band=', g.g1) AS grp, p.prior AS a, p.pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome2_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n1 <= 100 AND p.prior_covered = 1 GROUP BY p.cohort, g.g1, p.prior, p.pre
  UNION ALL
  SELECT N'sets' AS section, N'emergency_bed_days' AS outcome, cohort AS cohort, CONCAT(CAST(controls AS NVARCHAR(4000)), N':', CAST(controls_pre AS NVARCHAR(4000)), N':', CAST(controls_post AS NVARCHAR(4000))) AS grp, case_pre AS a, case_post AS b, COUNT_BIG(*) AS n
    FROM (SELECT c.cohort, c.pre AS case_pre, c.post AS case_post, COUNT_BIG(*) AS controls, SUM(CAST(k.pre AS BIGINT)) AS controls_pre, SUM(CAST(k.post AS BIGINT)) AS controls_post
      FROM #pp_outcome2_patients AS c JOIN #pp_outcome2_patients AS k ON k.matched_to = c.pid
      WHERE c.grp = CAST(N'referred' AS NVARCHAR(4000)) AND c.excluded_by = 0 AND k.grp = CAST(N'comparison' AS NVARCHAR(4000)) AND k.excluded_by = 0
      GROUP BY c.pid, c.cohort, c.pre, c.post) AS matched_sets GROUP BY cohort, controls, controls_pre, controls_post, case_pre, case_post
  UNION ALL
  SELECT N'accounts' AS section, N'emergency_bed_days' AS outcome, account AS cohort, detail AS grp, 0 AS a, 0 AS b, SUM(CAST(n_rows AS BIGINT)) AS n
    FROM (SELECT CASE WHEN o.code = -1 THEN N'activity_of_others' WHEN o.code >= 9 THEN N'not_countable'
        WHEN s.grp = N'comparison' THEN N'comparison' WHEN s.excluded_by <> 0 THEN N'of_excluded_patients'
        WHEN o.code IN (1, 2) THEN N'counted' WHEN o.code = 3 THEN N'on_index_day' ELSE N'outside_windows' END AS account, CASE WHEN o.code = 9 THEN N'missing_date' WHEN o.code = 10 THEN N'later_episode' WHEN o.code = 11 THEN N'not_emergency' ELSE N'' END AS detail, o.n_rows
      FROM #pp_outcome2_codes AS o LEFT JOIN #pp_subjects AS s ON s.pid = o.pid) AS accounted GROUP BY account, detail
  UNION ALL
  SELECT N'pairs' AS section, N'outpatient_attendances' AS outcome, cohort AS cohort, grp AS grp, pre AS a, post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome3_patients WHERE excluded_by = 0 GROUP BY cohort, grp, pre, post
  UNION ALL
  SELECT N'prior' AS section, N'outpatient_attendances' AS outcome, cohort AS cohort, grp AS grp, prior AS a, pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome3_patients WHERE excluded_by = 0 AND prior_covered = 1 GROUP BY cohort, grp, prior, pre
  UNION ALL
  SELECT N'months' AS section, N'outpatient_attendances' AS outcome, s.cohort AS cohort, s.grp AS grp, b.month_index AS a, COALESCE(m.units, 0) AS b, COUNT_BIG(*) AS n
    FROM #pp_subjects AS s JOIN #pp_month_bounds AS b ON b.pid = s.pid
      LEFT JOIN #pp_outcome3_months AS m ON m.pid = b.pid AND m.month_index = b.month_index
    WHERE s.excluded_by = 0 AND b.covered = 1 GROUP BY s.cohort, s.grp, b.month_index, COALESCE(m.units, 0)
  UNION ALL
  SELECT N'by_pairs' AS section, N'outpatient_attendances' AS outcome, p.cohort AS cohort, CONCAT(N'pcn=', g.g0) AS grp, p.pre AS a, p.post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome3_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n0 <= 100 GROUP BY p.cohort, g.g0, p.pre, p.post
  UNION ALL
  SELECT N'by_prior' AS section, N'outpatient_attendances' AS outcome, p.cohort AS cohort, CONCAT(N'pcn=', g.g0) AS grp, p.prior AS a, p.pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome3_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n0 <= 100 AND p.prior_covered = 1 GROUP BY p.cohort, g.g0, p.prior, p.pre
  UNION ALL
  SELECT N'by_pairs' AS section, N'outpatient_attendances' AS outcome, p.cohort AS cohort, CONCAT(N'age_band=', g.g1) AS grp, p.pre AS a, p.post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome3_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n1 <= 100 GROUP BY p.cohort, g.g1, p.pre, p.post
  UNION ALL
  SELECT N'by_prior' AS section, N'outpatient_attendances' AS outcome, p.cohort AS cohort, CONCAT(N'age_band=', g.g1) AS grp, p.prior AS a, p.pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome3_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n1 <= 100 AND p.prior_covered = 1 GROUP BY p.cohort, g.g1, p.prior, p.pre
  UNION ALL
  SELECT N'sets' AS section, N'outpatient_attendances' AS outcome, cohort AS cohort, CONCAT(CAST(controls AS NVARCHAR(4000)), N':', CAST(controls_pre AS NVARCHAR(4000)), N':', CAST(controls_post AS NVARCHAR(4000))) AS grp, case_pre AS a, case_post AS b, COUNT_BIG(*) AS n
    FROM (SELECT c.cohort, c.pre AS case_pre, c.post AS case_post, COUNT_BIG(*) AS controls, SUM(CAST(k.pre AS BIGINT)) AS controls_pre, SUM(CAST(k.post AS BIGINT)) AS controls_post
      FROM #pp_outcome3_patients AS c JOIN #pp_outcome3_patients AS k ON k.matched_to = c.pid
      WHERE c.grp = CAST(N'referred' AS NVARCHAR(4000)) AND c.excluded_by = 0 AND k.grp = CAST(N'comparison' AS NVARCHAR(4000)) AND k.excluded_by = 0
      GROUP BY c.pid, c.cohort, c.pre, c.post) AS matched_sets GROUP BY cohort, controls, controls_pre, controls_post, case_pre, case_post
  UNION ALL
  SELECT N'accounts' AS section, N'outpatient_attendances' AS outcome, account AS cohort, detail AS grp, 0 AS a, 0 AS b, SUM(CAST(n_rows AS BIGINT)) AS n
    FROM (SELECT CASE WHEN o.code = -1 THEN N'activity_of_others' WHEN o.code >= 9 THEN N'not_countable'
        WHEN s.grp = N'comparison' THEN N'comparison' WHEN s.excluded_by <> 0 THEN N'of_excluded_patients'
        WHEN o.code IN (1, 2) THEN N'counted' WHEN o.code = 3 THEN N'on_index_day' ELSE N'outside_windows' END AS account, CASE WHEN o.code = 9 THEN N'missing_date' WHEN o.code = 10 THEN N'not_attended' ELSE N'' END AS detail, o.n_rows
      FROM #pp_outcome3_codes AS o LEFT JOIN #pp_subjects AS s ON s.pid = o.pid) AS accounted GROUP BY account, detail
  UNION ALL
  SELECT N'pairs' AS section, N'gp_appointments' AS outcome, cohort AS cohort, grp AS grp, pre AS a, post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome4_patients WHERE excluded_by = 0 GROUP BY cohort, grp, pre, post
  UNION ALL
  SELECT N'prior' AS section, N'gp_appointments' AS outcome, cohort AS cohort, grp AS grp, prior AS a, pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome4_patients WHERE excluded_by = 0 AND prior_covered = 1 GROUP BY cohort, grp, prior, pre
  UNION ALL
  SELECT N'months' AS section, N'gp_appointments' AS outcome, s.cohort AS cohort, s.grp AS grp, b.month_index AS a, COALESCE(m.units, 0) AS b, COUNT_BIG(*) AS n
    FROM #pp_subjects AS s JOIN #pp_month_bounds AS b ON b.pid = s.pid
      LEFT JOIN #pp_outcome4_months AS m ON m.pid = b.pid AND m.month_index = b.month_index
    WHERE s.excluded_by = 0 AND b.covered = 1 GROUP BY s.cohort, s.grp, b.month_index, COALESCE(m.units, 0)
  UNION ALL
  SELECT N'by_pairs' AS section, N'gp_appointments' AS outcome, p.cohort AS cohort, CONCAT(N'pcn=', g.g0) AS grp, p.pre AS a, p.post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome4_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n0 <= 100 GROUP BY p.cohort, g.g0, p.pre, p.post
  UNION ALL
  SELECT N'by_prior' AS section, N'gp_appointments' AS outcome, p.cohort AS cohort, CONCAT(N'pcn=', g.g0) AS grp, p.prior AS a, p.pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome4_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n0 <= 100 AND p.prior_covered = 1 GROUP BY p.cohort, g.g0, p.prior, p.pre
  UNION ALL
  SELECT N'by_pairs' AS section, N'gp_appointments' AS outcome, p.cohort AS cohort, CONCAT(N'age_band=', g.g1) AS grp, p.pre AS a, p.post AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome4_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n1 <= 100 GROUP BY p.cohort, g.g1, p.pre, p.post
  UNION ALL
  SELECT N'by_prior' AS section, N'gp_appointments' AS outcome, p.cohort AS cohort, CONCAT(N'age_band=', g.g1) AS grp, p.prior AS a, p.pre AS b, COUNT_BIG(*) AS n
    FROM #pp_outcome4_patients AS p JOIN #pp_breakdown_groups AS g ON g.pid = p.pid
      CROSS JOIN #pp_breakdown_sizes AS z
    WHERE z.n1 <= 100 AND p.prior_covered = 1 GROUP BY p.cohort, g.g1, p.prior, p.pre
  UNION ALL
  SELECT N'sets' AS section, N'gp_appointments' AS outcome, cohort AS cohort, CONCAT(CAST(controls AS NVARCHAR(4000)), N':', CAST(controls_pre AS NVARCHAR(4000)), N':', CAST(controls_post AS NVARCHAR(4000))) AS grp, case_pre AS a, case_post AS b, COUNT_BIG(*) AS n
    FROM (SELECT c.cohort, c.pre AS case_pre, c.post AS case_post, COUNT_BIG(*) AS controls, SUM(CAST(k.pre AS BIGINT)) AS controls_pre, SUM(CAST(k.post AS BIGINT)) AS controls_post
      FROM #pp_outcome4_patients AS c JOIN #pp_outcome4_patients AS k ON k.matched_to = c.pid
      WHERE c.grp = CAST(N'referred' AS NVARCHAR(4000)) AND c.excluded_by = 0 AND k.grp = CAST(N'comparison' AS NVARCHAR(4000)) AND k.excluded_by = 0
      GROUP BY c.pid, c.cohort, c.pre, c.post) AS matched_sets GROUP BY cohort, controls, controls_pre, controls_post, case_pre, case_post
  UNION ALL
  SELECT N'accounts' AS section, N'gp_appointments' AS outcome, account AS cohort, detail AS grp, 0 AS a, 0 AS b, SUM(CAST(n_rows AS BIGINT)) AS n
    FROM (SELECT CASE WHEN o.code = -1 THEN N'activity_of_others' WHEN o.code >= 9 THEN N'not_countable'
        WHEN s.grp = N'comparison' THEN N'comparison' WHEN s.excluded_by <> 0 THEN N'of_excluded_patients'
        WHEN o.code IN (1, 2) THEN N'counted' WHEN o.code = 3 THEN N'on_index_day' ELSE N'outside_windows' END AS account, CASE WHEN o.code = 9 THEN N'missing_date' WHEN o.code = 10 THEN N'not_selected' ELSE N'' END AS detail, o.n_rows
      FROM #pp_outcome4_codes AS o LEFT JOIN #pp_subjects AS s ON s.pid = o.pid) AS accounted GROUP BY account, detail
  UNION ALL
  SELECT N'set_counts' AS section, N'' AS outcome, c.cohort AS cohort, N'unmatched' AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_subjects AS c WHERE c.grp = CAST(N'referred' AS NVARCHAR(4000)) AND c.excluded_by = 0
      AND c.pid NOT IN (SELECT k.matched_to FROM #pp_subjects AS k WHERE k.grp = CAST(N'comparison' AS NVARCHAR(4000)) AND k.excluded_by = 0 AND k.matched_to IS NOT NULL) GROUP BY c.cohort
  UNION ALL
  SELECT N'set_counts' AS section, N'' AS outcome, k.cohort AS cohort, N'controls_without_case' AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_subjects AS k WHERE k.grp = CAST(N'comparison' AS NVARCHAR(4000)) AND k.excluded_by = 0
      AND k.matched_to NOT IN (SELECT c.pid FROM #pp_subjects AS c WHERE c.grp = CAST(N'referred' AS NVARCHAR(4000)) AND c.excluded_by = 0) GROUP BY k.cohort
  UNION ALL
  SELECT N'set_cohorts' AS section, N'' AS outcome, c.cohort AS cohort, k.cohort AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_subjects AS c JOIN #pp_subjects AS k ON k.matched_to = c.pid WHERE c.grp = CAST(N'referred' AS NVARCHAR(4000)) AND c.excluded_by = 0 AND k.grp = CAST(N'comparison' AS NVARCHAR(4000)) AND k.excluded_by = 0 GROUP BY c.cohort, k.cohort
  UNION ALL
  SELECT N'by_groups' AS section, N'' AS outcome, N'' AS cohort, N'pcn' AS grp, n0 AS a, 0 AS b, 0 AS n
    FROM #pp_breakdown_sizes
  UNION ALL
  SELECT N'by_groups' AS section, N'' AS outcome, N'' AS cohort, N'age_band' AS grp, n1 AS a, 0 AS b, 0 AS n
    FROM #pp_breakdown_sizes
  UNION ALL
  SELECT N'attrition' AS section, N'' AS outcome, CASE WHEN grp = N'referred' THEN CASE k WHEN 1 THEN N'invalid_referral_row' WHEN 2 THEN N'outside_period' WHEN 3 THEN N'no_consent' WHEN 4 THEN N'too_few_onward_referrals' WHEN 5 THEN N'age' WHEN 6 THEN N'incomplete_window' ELSE N'included' END ELSE CASE k WHEN 1 THEN N'referred' WHEN 2 THEN N'outside_period' WHEN 3 THEN N'incomplete_window' ELSE N'included' END END AS cohort, grp AS grp, k AS a, 0 AS b, SUM(CAST(n AS BIGINT)) AS n
    FROM (
      SELECT grp, excluded_by AS k, COUNT_BIG(*) AS n FROM #pp_subjects GROUP BY grp, excluded_by
      UNION ALL
      SELECT CAST(N'referred' AS NVARCHAR(4000)) AS grp, 1 AS k, COUNT_BIG(*) AS n FROM #pp_referred_ids WHERE pid NOT IN (SELECT pid FROM #pp_referral_index)
      UNION ALL
      SELECT CAST(N'comparison' AS NVARCHAR(4000)) AS grp, 1 AS k, COUNT_BIG(*) AS n FROM #pp_comparison WHERE reason IS NULL AND pid IN (SELECT pid FROM #pp_referred_ids)
    ) AS attrition GROUP BY grp, k
  UNION ALL
  SELECT N'accounts' AS section, N'referrals' AS outcome, N'rows' AS cohort, N'' AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_referral_rows
  UNION ALL
  SELECT N'accounts' AS section, N'referrals' AS outcome, N'invalid' AS cohort, reason AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_referrals WHERE reason IS NOT NULL GROUP BY reason
  UNION ALL
  SELECT N'accounts' AS section, N'referrals' AS outcome, N'dates' AS cohort, shape AS grp, 0 AS a, 0 AS b, SUM(CAST(n AS BIGINT)) AS n
    FROM (SELECT CASE dd.shape WHEN N'iso' THEN N'intervention_date:iso' ELSE N'intervention_date:dmy' END AS shape, 1 AS n FROM #pp_referral_rows AS r JOIN #pp_dates AS dd ON dd.txt = r.v_intervention_date WHERE dd.shape IS NOT NULL) AS shapes GROUP BY shape
  UNION ALL
  SELECT N'accounts' AS section, N'comparison' AS outcome, N'rows' AS cohort, N'' AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_comparison_rows
  UNION ALL
  SELECT N'accounts' AS section, N'comparison' AS outcome, N'invalid' AS cohort, reason AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_comparison WHERE reason IS NOT NULL GROUP BY reason
  UNION ALL
  SELECT N'accounts' AS section, N'comparison' AS outcome, N'dates' AS cohort, shape AS grp, 0 AS a, 0 AS b, SUM(CAST(n AS BIGINT)) AS n
    FROM (SELECT CASE dd.shape WHEN N'iso' THEN N'index_date:iso' ELSE N'index_date:dmy' END AS shape, 1 AS n FROM #pp_comparison_rows AS r JOIN #pp_dates AS dd ON dd.txt = r.v_index_date WHERE dd.shape IS NOT NULL) AS shapes GROUP BY shape
  UNION ALL
  SELECT N'accounts' AS section, N'ae' AS outcome, N'rows' AS cohort, N'' AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_ae_rows
  UNION ALL
  SELECT N'accounts' AS section, N'ae' AS outcome, N'invalid' AS cohort, reason AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_ae WHERE reason IS NOT NULL GROUP BY reason
  UNION ALL
  SELECT N'accounts' AS section, N'ae' AS outcome, N'dates' AS cohort, shape AS grp, 0 AS a, 0 AS b, SUM(CAST(n AS BIGINT)) AS n
    FROM (SELECT CASE dd.shape WHEN N'iso' THEN N'arrival_date:iso' ELSE N'arrival_date:dmy' END AS shape, 1 AS n FROM #pp_ae_rows AS r JOIN #pp_dates AS dd ON dd.txt = r.v_arrival_date WHERE dd.shape IS NOT NULL) AS shapes GROUP BY shape
  UNION ALL
  SELECT N'accounts' AS section, N'admissions' AS outcome, N'rows' AS cohort, N'' AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_admissions_rows
  UNION ALL
  SELECT N'accounts' AS section, N'admissions' AS outcome, N'invalid' AS cohort, reason AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_admissions WHERE reason IS NOT NULL GROUP BY reason
  UNION ALL
  SELECT N'accounts' AS section, N'admissions' AS outcome, N'dates' AS cohort, shape AS grp, 0 AS a, 0 AS b, SUM(CAST(n AS BIGINT)) AS n
    FROM (SELECT CASE dd.shape WHEN N'iso' THEN N'admission_date:iso' ELSE N'admission_date:dmy' END AS shape, 1 AS n FROM #pp_admissions_rows AS r JOIN #pp_dates AS dd ON dd.txt = r.v_admission_date WHERE dd.shape IS NOT NULL) AS shapes GROUP BY shape
  UNION ALL
  SELECT N'accounts' AS section, N'admissions' AS outcome, N'dates' AS cohort, shape AS grp, 0 AS a, 0 AS b, SUM(CAST(n AS BIGINT)) AS n
    FROM (SELECT CASE dd.shape WHEN N'iso' THEN N'discharge_date:iso' ELSE N'discharge_date:dmy' END AS shape, 1 AS n FROM #pp_admissions_rows AS r JOIN #pp_dates AS dd ON dd.txt = r.v_discharge_date WHERE dd.shape IS NOT NULL) AS shapes GROUP BY shape
  UNION ALL
  SELECT N'accounts' AS section, N'outpatients' AS outcome, N'rows' AS cohort, N'' AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_outpatients_rows
  UNION ALL
  SELECT N'accounts' AS section, N'outpatients' AS outcome, N'invalid' AS cohort, reason AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_outpatients WHERE reason IS NOT NULL GROUP BY reason
  UNION ALL
  SELECT N'accounts' AS section, N'outpatients' AS outcome, N'dates' AS cohort, shape AS grp, 0 AS a, 0 AS b, SUM(CAST(n AS BIGINT)) AS n
    FROM (SELECT CASE dd.shape WHEN N'iso' THEN N'appointment_date:iso' ELSE N'appointment_date:dmy' END AS shape, 1 AS n FROM #pp_outpatients_rows AS r JOIN #pp_dates AS dd ON dd.txt = r.v_appointment_date WHERE dd.shape IS NOT NULL) AS shapes GROUP BY shape
  UNION ALL
  SELECT N'accounts' AS section, N'gp_appointments' AS outcome, N'rows' AS cohort, N'' AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_gp_appointments_rows
  UNION ALL
  SELECT N'accounts' AS section, N'gp_appointments' AS outcome, N'invalid' AS cohort, reason AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_gp_appointments WHERE reason IS NOT NULL GROUP BY reason
  UNION ALL
  SELECT N'accounts' AS section, N'gp_appointments' AS outcome, N'dates' AS cohort, shape AS grp, 0 AS a, 0 AS b, SUM(CAST(n AS BIGINT)) AS n
    FROM (SELECT CASE dd.shape WHEN N'iso' THEN N'event_date:iso' ELSE N'event_date:dmy' END AS shape, 1 AS n FROM #pp_gp_appointments_rows AS r JOIN #pp_dates AS dd ON dd.txt = r.v_event_date WHERE dd.shape IS NOT NULL) AS shapes GROUP BY shape
  UNION ALL
  SELECT N'accounts' AS section, N'referrals' AS outcome, N'invalid' AS cohort, N'intervention_date:ambiguous_index_row' AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_referral_index WHERE ambiguous = 1
  UNION ALL
  SELECT N'accounts' AS section, N'comparison' AS outcome, N'listed_twice' AS cohort, N'' AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM (SELECT pid FROM #pp_comparison WHERE pid IS NOT NULL GROUP BY pid HAVING COUNT(*) > 1) AS twice
  UNION ALL
  SELECT N'coverage' AS section, extract_name AS outcome, N'' AS cohort, N'' AS grp, COALESCE((CAST(YEAR(earliest) AS BIGINT) * 10000 + MONTH(earliest) * 100 + DAY(earliest)), 0) AS a, COALESCE((CAST(YEAR(latest) AS BIGINT) * 10000 + MONTH(latest) * 100 + DAY(latest)), 0) AS b, dated AS n
    FROM #pp_coverage
  UNION ALL
  SELECT N'cohorts' AS section, N'' AS outcome, cohort AS cohort, N'referred' AS grp, ROW_NUMBER() OVER (ORDER BY first_order, cohort) AS a, 0 AS b, n AS n
    FROM (SELECT cohort, MIN(row_order) AS first_order, COUNT_BIG(*) AS n FROM #pp_referrals WHERE reason IS NULL GROUP BY cohort) AS cohorts
  UNION ALL
  SELECT N'cohorts' AS section, N'' AS outcome, cohort AS cohort, N'comparison' AS grp, 0 AS a, 0 AS b, COUNT_BIG(*) AS n
    FROM #pp_comparison WHERE NOT (cohort = N'' OR cohort IN (N'NULL', N'NULl', N'NUlL', N'NUll', N'NuLL', N'NuLl', N'NulL', N'Null', N'nULL', N'nULl', N'nUlL', N'nUll', N'nuLL', N'nuLl', N'nulL', N'null', N'NA', N'Na', N'nA', N'na', N'N/A', N'N/a', N'n/A', N'n/a')) GROUP BY cohort
) AS long_form
ORDER BY section, outcome, cohort, [group], a, b;

DROP TABLE #pp_outcome4_months;

DROP TABLE #pp_outcome4_patients;

DROP TABLE #pp_outcome4_codes;

DROP TABLE #pp_outcome3_months;

DROP TABLE #pp_outcome3_patients;

DROP TABLE #pp_outcome3_codes;

DROP TABLE #pp_outcome2_months;

DROP TABLE #pp_outcome2_patients;

DROP TABLE #pp_outcome2_codes;

DROP TABLE #pp_outcome2_nights;

DROP TABLE #pp_outcome2_rows;

DROP TABLE #pp_outcome2_spells;

DROP TABLE #pp_outcome1_months;

DROP TABLE #pp_outcome1_patients;

DROP TABLE #pp_outcome1_codes;

DROP TABLE #pp_outcome0_months;

DROP TABLE #pp_outcome0_patients;

DROP TABLE #pp_outcome0_codes;

DROP TABLE #pp_month_bounds;

DROP TABLE #pp_breakdown_sizes;

DROP TABLE #pp_breakdown_groups;

DROP TABLE #pp_subjects;

DROP TABLE #pp_referred_ids;

DROP TABLE #pp_referral_index;

DROP TABLE #pp_referral_first_order;

DROP TABLE #pp_referral_first;

DROP TABLE #pp_span;

DROP TABLE #pp_coverage;

DROP TABLE #pp_gp_appointments;

DROP TABLE #pp_outpatients;

DROP TABLE #pp_admissions;

DROP TABLE #pp_ae;

DROP TABLE #pp_comparison;

DROP TABLE #pp_referrals;

DROP TABLE #pp_dates;

DROP TABLE #pp_gp_appointments_rows;

DROP TABLE #pp_outpatients_rows;

DROP TABLE #pp_admissions_rows;

DROP TABLE #pp_ae_rows;

DROP TABLE #pp_comparison_rows;

DROP TABLE #pp_referral_rows;
