import { type Day, dayFromCivil } from "../../src/core/day.js";
import { dateText, dress, invalidDate, ODD_IDS, type Random, type Style } from "./random-csv.js";
import type { Calendar } from "./random-extracts.js";
import type { SettingEdges } from "./random-settings.js";

/**
 * A random matched comparison group (statistics.md): patients who were not referred (and now and
 * then one who was), each given one of the referrals' cohorts and a pseudo index date that sits on
 * an edge (the study period's, the data coverage's, a referred patient's index date, a month's end),
 * so that the comparison's attrition (`referred`, `outside_period`, `incomplete_window`) and the
 * difference in differences are exercised; now and then an odd cohort label or an invalid row.
 */

export interface ComparisonPlan {
  style: Style;
  calendar: Calendar;
  /** The referred patients and their index dates. */
  referred: ReadonlyMap<string, Day>;
  /** The referrals' cohorts. */
  cohorts: readonly string[];
  /** Identifiers that have activity but are not referred. */
  strangers: readonly string[];
  edges: SettingEdges;
}

export interface RandomComparison {
  header: string[];
  /** Rows as written (fields dressed). */
  rows: string[][];
  style: Style;
  /** Every patient listed, with the index date the row meant to give (for their activity). */
  indexOf: Map<string, Day>;
}

/** Labels no referral has, or has only in another case or with padding that quotes keep. */
const ODD_LABELS = ["a", "C", " A", "A ", "Adult 'Carers' ", "adult 'carers'", "Z"];

/** Where window arithmetic clamps a day (31 Aug + 6m = 28 Feb), and leap days. */
const MONTH_ENDS = [dayFromCivil(2020, 2, 29), dayFromCivil(2021, 2, 28), dayFromCivil(2020, 8, 31), dayFromCivil(2021, 8, 31), dayFromCivil(2021, 3, 31), dayFromCivil(2020, 12, 31)];

function indexDay(rng: Random, plan: ComparisonPlan): Day {
  const { base, shift } = plan.calendar;
  const { from, to, dataStart, dataEnd } = plan.edges;
  const near = [
    base + rng.int(-200, 200),
    ...(plan.referred.size > 0 ? [rng.pick([...plan.referred.values()])] : []),
    ...(from !== undefined ? [from] : []),
    ...(to !== undefined ? [to] : []),
    // Where the look-back starts on the first day of the data, or the follow-up ends on its last.
    ...(dataStart !== undefined ? [shift(dataStart, 1)] : []),
    ...(dataEnd !== undefined ? [shift(dataEnd, -1)] : []),
    rng.pick(MONTH_ENDS),
  ];
  return rng.pick(near) + (rng.chance(0.6) ? rng.int(-1, 1) : 0);
}

function patientId(rng: Random, i: number, plan: ComparisonPlan, listed: ReadonlySet<string>, invalid: number): string {
  const kind = rng.next();
  const referred = [...plan.referred.keys()];
  let id = kind < 0.1 && referred.length > 0 ? rng.pick(referred) : kind < 0.3 ? rng.pick(plan.strangers) : rng.chance(0.1) ? `${rng.pick(ODD_IDS)}c${i}` : `c${i}`;
  // Listed twice is an error (naming both lines): only on purpose.
  if (listed.has(id) && !rng.chance(invalid)) id = `c${i}`;
  return id;
}

/** A comparison extract for a case; `plan` says what the rest of the case holds. */
export function randomComparison(rng: Random, plan: ComparisonPlan): RandomComparison {
  const invalid = rng.pick([0, 0, 0, 0, 0.05, 0.15]);
  const oddLabels = rng.pick([0, 0, 0, 0, 0.1]);
  // Read by the same code on both engines: its oddness tests that code less than the conversion.
  const style: Style = { ...plan.style, oddness: plan.style.oddness / 2, invalid };
  const header = rng.pick([
    ["patient_id", "cohort", "index_date"],
    ["Index_Date", "PATIENT_ID", "matched_on", "Cohort"],
    ["patient_id", "cohort", "index_date", "age"],
  ]);
  const indexOf = new Map<string, Day>();
  const listed = new Set<string>();
  const rows = Array.from({ length: rng.chance(0.1) ? 0 : rng.int(1, 12) }, (_, i) => {
    const id = patientId(rng, i, plan, listed, invalid);
    listed.add(id);
    const index = indexDay(rng, plan);
    if (!indexOf.has(id)) indexOf.set(id, index);
    const cohort = rng.chance(oddLabels) ? rng.pick(ODD_LABELS) : rng.pick(plan.cohorts);
    const fields: Record<string, string> = {
      patient_id: rng.chance(invalid) ? "" : id,
      cohort: rng.chance(invalid) ? "" : cohort,
      index_date: rng.chance(invalid) ? rng.pick([invalidDate(rng, style), style.dmy ? "01/01/1800" : "1800-01-01"]) : dateText(index, rng, style),
    };
    const row = header.map((name) => dress(fields[name.toLowerCase()] ?? rng.pick(["x", "", "age 70-74", "a, b"]), rng, style));
    if (rng.chance(invalid)) row.push("");
    else if (rng.chance(invalid)) row.pop();
    return row;
  });
  return { header, rows, style, indexOf };
}
