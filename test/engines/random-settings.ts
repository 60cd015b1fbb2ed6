import { type Day, dayFromCivil, isoFromDay } from "../../src/core/day.js";
import type { Random } from "./random-csv.js";
import type { Calendar } from "./random-extracts.js";

/**
 * The settings a random case runs with beyond the window and the coding lists: the statistics (a
 * small bootstrap, so that intervals are compared too), the study period and data coverage at edges
 * near the index dates, the eligibility rules, and now and then a config file that orders and labels
 * the cohorts and maps columns to other names.
 */

/** The days the settings put an edge at, for the comparison group's index dates to sit on. */
export interface SettingEdges {
  from?: Day;
  to?: Day;
  dataStart?: Day;
  dataEnd?: Day;
}

const day = (iso: unknown) => (typeof iso === "string" ? dayFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) : undefined);

function ordered(a: Day, b: Day): [Day, Day] {
  return a <= b ? [a, b] : [b, a];
}

/** `flags`: the case's flags so far (their data coverage, if any, is an edge too). */
export function randomSettings(rng: Random, { base, shift }: Calendar, flags: Readonly<Record<string, unknown>>, bootstrapChance: number) {
  const added: Record<string, unknown> = {};
  const edges: SettingEdges = { dataStart: day(flags.dataStart), dataEnd: day(flags.dataEnd) };
  if (rng.chance(bootstrapChance)) {
    added.bootstrap = 50;
    if (rng.chance(0.5)) added.seed = rng.int(2, 99_999);
  }
  if (rng.chance(0.25)) {
    [edges.from, edges.to] = ordered(base + rng.int(-150, 30), base + rng.int(-30, 150));
    if (rng.chance(0.2)) edges.from = undefined;
    else if (rng.chance(0.2)) edges.to = undefined;
    if (edges.from !== undefined) added.from = isoFromDay(edges.from);
    if (edges.to !== undefined) added.to = isoFromDay(edges.to);
  }
  if (rng.chance(0.2)) {
    // A coverage that cuts into the windows: some patients' windows incomplete, the rest not.
    [edges.dataStart, edges.dataEnd] = ordered(shift(base, -1) + rng.int(-120, 60), shift(base, 1) + rng.int(-60, 120));
    added.dataStart = isoFromDay(edges.dataStart);
    added.dataEnd = isoFromDay(edges.dataEnd);
    // One of them inferred from the activity, the other given.
    if (rng.chance(0.3)) [added.dataStart, edges.dataStart] = [undefined, undefined];
    else if (rng.chance(0.3)) [added.dataEnd, edges.dataEnd] = [undefined, undefined];
  }
  if (rng.chance(0.1)) added.requireConsent = true;
  if (rng.chance(0.1)) added.minOnwardReferrals = rng.int(0, 3);
  if (rng.chance(0.1)) added.minAge = rng.int(16, 70);
  if (rng.chance(0.1)) added.aeCoding = "hes";
  return { flags: added, edges };
}

/** An extract's columns renamed in its header (lower-case default name → the header's name). */
export type Renames = Partial<Record<"referrals" | "ae" | "admissions" | "comparison", Record<string, string>>>;

/** Other names a real extract uses; the config names them in another case, as matching ignores it. */
const OTHER_NAMES = {
  referrals: { patient_id: "Pseudo_NHS", intervention_date: "First_Contact" },
  ae: { patient_id: "Pseudo_HESID", arrival_date: "ArrivalDate", attendance_category: "AEAttendCat" },
  admissions: { patient_id: "Token_Person_ID", admission_date: "AdmiDate", admission_method: "AdmiMeth", episode_order: "EpiOrder" },
  comparison: { patient_id: "Matched_ID", cohort: "Matched_Cohort", index_date: "Pseudo_Index" },
} as const;

function shuffled<T>(list: readonly T[], rng: Random): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A config file now and then: the cohorts in another order, some with labels (once in a while one
 * left out, which is an error, or one listed that no referral has), and some columns renamed.
 */
export function randomConfig(rng: Random, cohorts: readonly string[]): { config?: Record<string, unknown>; renames: Renames } {
  if (!rng.chance(0.2)) return { renames: {} };
  const config: Record<string, unknown> = {};
  const renames: Renames = {};
  if (rng.chance(0.6)) {
    const listed = shuffled([...cohorts, ...(rng.chance(0.3) ? ["Z"] : [])], rng);
    if (rng.chance(0.1)) listed.pop();
    config.cohorts = listed.map((cohort) => (rng.chance(0.5) ? { cohort, label: `${cohort} (${cohort.length})` } : { cohort }));
  }
  if (rng.chance(0.6)) {
    const columns: Record<string, Record<string, string>> = {};
    for (const [extract, names] of Object.entries(OTHER_NAMES)) {
      for (const [name, other] of Object.entries(names)) {
        if (!rng.chance(0.5)) continue;
        (columns[extract] ??= {})[name] = rng.chance(0.5) ? other.toUpperCase() : other;
        (renames[extract as keyof Renames] ??= {})[name] = other;
      }
    }
    config.columns = columns;
  }
  return { config, renames };
}
