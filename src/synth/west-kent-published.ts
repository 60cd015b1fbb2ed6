/**
 * The West Kent report's table as it was printed (Involve Kent, "Social prescribing and its impact on
 * demand for acute care in West Kent", February 2023), written to `published.json` beside the
 * synthetic extract so that the regression test compares against the report, not against itself.
 * Printed figures are kept as printed, including the two that do not follow from the counts.
 */
import { WEST_KENT_COHORTS } from "./west-kent-cohorts.js";

/** Percentage changes and per-patient pre averages, exactly as printed, in cohort order. */
const PRINTED = {
  ae: { change_pct: [-19.83, -23.64, -18.78, -15.41], pre_per_patient: [0.24, 0.63, 0.67, 0.68], total_change_pct: -20.26 },
  admissions: { change_pct: [-4.79, -5.18, -2.8, -8.29], pre_per_patient: [0.11, 0.35, 0.31, 0.25], total_change_pct: -5.63 },
} as const;

/** One row of the printed table (`Total` has no label, and no per-patient average). */
export interface PublishedRow {
  cohort: string;
  label?: string;
  patients: number;
  pre: number;
  post: number;
  pre_per_patient?: number;
  change_pct: number;
}

export interface PublishedOutcome {
  outcome: "ae_attendances" | "unplanned_admissions";
  label: string;
  report_label: string;
  cohorts: PublishedRow[];
  total: PublishedRow;
}

/** `published.json`, as the regression tests read it. */
export interface PublishedWestKent {
  source: { title: string; author: string; date: string; population: string };
  outcomes: PublishedOutcome[];
  discrepancies: { field: string; note: string; printed?: number; from_counts?: number }[];
}

function outcome(id: PublishedOutcome["outcome"], label: string, key: "ae" | "admissions"): PublishedOutcome {
  const printed = PRINTED[key];
  const cohorts: PublishedRow[] = WEST_KENT_COHORTS.map((c, i) => ({
    cohort: c.cohort,
    label: c.label,
    patients: c.patients,
    pre: c[key].pre,
    post: c[key].post,
    pre_per_patient: printed.pre_per_patient[i] as number,
    change_pct: printed.change_pct[i] as number,
  }));
  const sum = (pick: (row: PublishedRow) => number): number => cohorts.reduce((total, row) => total + pick(row), 0);
  return {
    outcome: id,
    label,
    report_label: key === "ae" ? "A&E" : "inpatient",
    cohorts,
    total: { cohort: "Total", patients: sum((r) => r.patients), pre: sum((r) => r.pre), post: sum((r) => r.post), change_pct: printed.total_change_pct },
  };
}

/** The content of `published.json`. */
export function publishedWestKent(): PublishedWestKent {
  return {
    source: {
      title: "Social prescribing and its impact on demand for acute care in West Kent",
      author: "Involve Kent",
      date: "2023-02",
      population:
        "patients referred 1 Jan 2021 to 31 Jul 2022 with NHS number, consent and at least one onward referral; adults only in the PCN cohort; six months before and after the first intervention",
    },
    outcomes: [outcome("ae_attendances", "A&E attendances", "ae"), outcome("unplanned_admissions", "Unplanned admissions", "admissions")],
    discrepancies: [
      {
        field: "pre_per_patient",
        note: "The per-patient averages are pre / patients cut, not rounded, to two places: 229 / 339 = 0.6755 is printed 0.67, 1032 / 1504 = 0.6862 is printed 0.68, 107 / 339 = 0.3156 is printed 0.31, 386 / 1504 = 0.2566 is printed 0.25.",
      },
      {
        field: "unplanned_admissions.total.change_pct",
        printed: -5.63,
        from_counts: -5.74,
        note: "The inpatient total is printed as -5.63%, but its own counts, 1,567 before and 1,477 after, give (1477 - 1567) / 1567 = -5.74%.",
      },
    ],
  };
}
