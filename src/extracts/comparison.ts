/** The matched comparison group's columns (statistics.md); read by the comparison-group support. */
export const COMPARISON_COLUMNS = [
  { name: "patient_id", required: true },
  { name: "cohort", required: true },
  { name: "index_date", required: true },
] as const;
