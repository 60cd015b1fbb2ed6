import { type Day, dayFromCivil, isoFromDay } from "../../src/core/day.js";
import { windowMonths } from "../../src/core/months.js";
import { shiftByWindows, type WindowLength } from "../../src/core/windows.js";
import { csvText, dateText, dress, invalidDate, ODD_IDS, ODDER_IDS, type Random, randomStyle, seeded, type Style } from "./random-csv.js";
import { randomComparison } from "./random-comparison.js";
import { randomConfig, randomSettings } from "./random-settings.js";
import { WELL_KNOWN_COLUMNS } from "../../src/extracts/well-known-columns.js";
import { BUILT_IN_OUTCOMES } from "../../src/outcomes/registry.js";

/**
 * Small random extracts that go looking for the edges both engines must agree on: window
 * boundaries and ties, times after dates, HES placeholders, odd labels, padding, quotes, CRLF, BOM,
 * blank lines, unread columns, and now and then a row that is not valid at all. Some cases add a
 * comparison group (random-comparison.ts) with its own activity, a window in days, a config file,
 * the eligibility rules and a small bootstrap (random-settings.ts).
 */

export interface RandomCase {
  files: Record<string, string>;
  flags: Record<string, unknown>;
  /** A config file for the run (cohort order and labels, column mapping), if the case has one. */
  config?: Record<string, unknown>;
}

/** Where a case's events go: near each patient's window edges, by the window length of the run. */
export interface Calendar {
  base: Day;
  shift: (day: Day, windows: number) => Day;
}

/** An event day near something that matters: a window edge, the index day, a placeholder. */
function eventDay(rng: Random, index: Day | undefined, { base, shift }: Calendar): Day | "placeholder" {
  if (rng.chance(0.05)) return "placeholder";
  if (index === undefined) return base + rng.int(-500, 500);
  const edges = [index, shift(index, -1), shift(index, 1), shift(index, -2), index - 1, index + 1];
  return rng.chance(0.6) ? rng.pick(edges) + rng.int(-1, 1) : index + rng.int(-400, 400);
}

function eventText(rng: Random, index: Day | undefined, calendar: Calendar, style: Style): string {
  const day = eventDay(rng, index, calendar);
  if (rng.chance(style.invalid)) return invalidDate(rng, style);
  if (day === "placeholder") {
    const text = rng.pick(["1800-01-01", "1801-01-01", "1600-01-01", "1582-10-15"]);
    return style.dmy ? `${text.slice(8, 10)}/${text.slice(5, 7)}/${text.slice(0, 4)}` : text;
  }
  return dateText(day, rng, style);
}

function extraColumn(rng: Random, style: Style): string {
  return style.quoteAll || style.oddness > 0
    ? rng.pick(["x", "", "a, b", 'say "hi"', "line\nbreak", "line\r\nbreak", "  "])
    : rng.pick(["x", "", "a b"]);
}

/** The spec column an export name stands for (SUS+, HES), as prepost looks it up where nothing is mapped. */
const EXPORT_NAMES: [string, readonly string[]][] = [
  ...Object.entries(WELL_KNOWN_COLUMNS),
  ...BUILT_IN_OUTCOMES.flatMap((outcome) => [
    [outcome.extract.dateColumn, outcome.extract.dateWellKnown ?? []] as [string, readonly string[]],
    ...outcome.columns.map((column) => [column.name, column.wellKnown ?? []] as [string, readonly string[]]),
  ]),
];
const SPEC_OF: Record<string, string> = Object.fromEntries(EXPORT_NAMES.flatMap(([spec, names]) => names.map((name) => [name.toLowerCase(), spec])));
const specName = (header: string) => SPEC_OF[header.toLowerCase()] ?? header.toLowerCase();

/** An A&E row of this patient (index: the patient's index date, if they have one). */
function aeRow(rng: Random, header: readonly string[], id: string, index: Day | undefined, calendar: Calendar, style: Style): string[] {
  const fields: Record<string, string> = {
    patient_id: rng.chance(style.invalid) ? rng.pick(["", "NULL", "n/a"]) : id,
    arrival_date: eventText(rng, index, calendar, style),
    attendance_category: rng.pick(["1", "2", "3", "4", "4", "", "9", " 4", ...(style.tokens ? ["NULL", "NA"] : [])]).trim(),
  };
  const row = header.map((name) => dress(fields[specName(name)] ?? extraColumn(rng, style), rng, style));
  if (rng.chance(style.invalid)) row.push(rng.pick(["", "extra"]));
  return row;
}

function admissionRow(rng: Random, header: readonly string[], id: string, index: Day | undefined, calendar: Calendar, style: Style): string[] {
  const fields: Record<string, string> = {
    patient_id: rng.chance(style.invalid) ? "" : id,
    admission_date: eventText(rng, index, calendar, style),
    admission_method: rng.pick(["21", "2a", "2A", "22", "11", "81", "", "28", ...(style.oddness > 0 ? ["ß", "2ı"] : []), ...(style.tokens ? ["NULL"] : [])]),
    episode_order: rng.pick(["1", "01", "001", "2", "02", "", "10", "1.0", ...(style.tokens ? ["NULL", "N/A"] : [])]),
  };
  const row = header.map((name) => dress(fields[specName(name)] ?? extraColumn(rng, style), rng, style));
  if (rng.chance(style.invalid)) row.pop();
  return row;
}

/** Rows put among the others at random places, as an extract would hold them. */
function mixIn(rows: string[][], more: readonly string[][], rng: Random): void {
  for (const row of more) rows.splice(rng.int(0, rows.length), 0, row);
}

const renamed = (header: readonly string[], renames: Readonly<Record<string, string>> = {}) =>
  header.map((name) => renames[name.toLowerCase()] ?? name);

/**
 * One random evaluation: referrals, A&E and admissions extracts, now and then a comparison group and
 * a config file, and the flags to run them with.
 */
export function randomCase(seed: number): RandomCase {
  const rng = seeded(seed);
  // What the comparison group, the statistics and the other settings add draws from a stream of its
  // own: a case with none of it is byte for byte the case its seed made before they were added.
  const more = seeded(seed ^ 0x5f3759df);
  // What real exports add (missing-value tokens, short D/M dates, export names, episode rows): a stream of its own too.
  const real = seeded(seed ^ 0x2545f491);
  const style: Style = { ...randomStyle(rng), tokens: real.chance(0.25), shortDmy: real.chance(0.3) };
  const patients = rng.int(1, 12);
  const oddIds = style.oddness > 0 ? [...ODD_IDS, ...ODDER_IDS] : ODD_IDS;
  const ids = Array.from({ length: patients }, (_, i) => (rng.chance(0.15) ? rng.pick(oddIds) + i : `p${i}`));
  const strangers = ["q1", "q2", "P0", ...oddIds];
  const base = dayFromCivil(2021, rng.int(1, 12), rng.int(1, 31) > 28 ? 28 : rng.int(1, 28));
  const months = rng.pick([1, 3, 6]);
  // Now and then a window in days (rule 3's `Nd`), with the events at its edges.
  const length: WindowLength = more.chance(0.15) ? { count: more.pick([1, 7, 30, 91, 183]), unit: "d" } : { count: months, unit: "m" };
  const calendar: Calendar = { base, shift: (day, windows) => shiftByWindows(day, length, windows) };
  const indexOf = new Map(ids.map((id) => [id, base + rng.int(-200, 200)]));
  // Now and then a cohort label that needs quoting, or differs from another only in case.
  const cohortB = more.chance(0.25) ? more.pick(["B, frail", 'Carers "plus"', "Über 55s", "a", "COHORT 1"]) : "B";

  const dayText = (day: number) => {
    const iso = isoFromDay(day);
    return style.dmy ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
  };
  const referralRows = ids.flatMap((id) => {
    const rows = [[id, rng.pick(["A", cohortB, "Adult 'Carers'"]), dayText(indexOf.get(id)!), rng.pick(["y", "n", "YES", ""]), String(rng.int(0, 3)), String(rng.int(15, 90))]];
    if (rng.chance(0.3)) rows.push([id, "A", dayText(indexOf.get(id)! + rng.int(0, 40)), "y", "1", "40"]);
    return rows;
  });
  const cohorts = [...new Set(referralRows.map((row) => row[1]!))];
  // The referrals are the same for both engines; only their activity extracts are put to the test.
  const referralStyle = { ...style, invalid: 0, oddness: 0 };
  const { config, renames } = randomConfig(more, cohorts);
  const referrals = csvText(
    renamed(["patient_id", "cohort", "intervention_date", "consent", "onward_referrals", "age"], renames.referrals),
    referralRows.map((row) => row.map((value) => dress(value, rng, referralStyle))),
    rng,
    referralStyle,
  );

  const owner = () => (rng.chance(0.75) ? rng.pick(ids) : rng.pick(strangers));
  // Now and then an export's own names (SUS+, HES), read by their well-known names where nothing is mapped.
  const exportNames = real.chance(0.3);
  const aeHeader = exportNames && !renames.ae
    ? real.pick([["Der_Pseudo_NHS_Number", "Arrival_Date", "EC_AttendanceCategory"], ["PSEUDO_HESID", "ARRIVALDATE", "AEATTENDCAT", "SITE"]])
    : rng.pick([
        ["patient_id", "arrival_date", "attendance_category"],
        ["PATIENT_ID", "Notes", "Arrival_Date", "attendance_category", "Site"],
        ["patient_id", "arrival_date"],
      ]);
  const aeRows = Array.from({ length: rng.int(0, 40) }, () => {
    const id = owner();
    return aeRow(rng, aeHeader, id, indexOf.get(id), calendar, style);
  });
  const admissionHeader = exportNames && !renames.admissions
    ? real.pick([["PSEUDO_HESID", "ADMIDATE", "ADMIMETH", "EPIORDER"], ["Der_Pseudo_NHS_Number", "Admission_Date", "Admission_Method"]])
    : rng.pick([
        ["patient_id", "admission_date", "admission_method", "episode_order"],
        ["patient_id", "admission_date", "admission_method"],
        ["Admission_Method", "Patient_ID", "Spare", "ADMISSION_DATE", "EPISODE_ORDER"],
      ]);
  const admissionRows = Array.from({ length: rng.int(0, 40) }, () => {
    const id = owner();
    return admissionRow(rng, admissionHeader, id, indexOf.get(id), calendar, style);
  });
  // Now and then an episode-level extract: some rows again, as the later episodes of their spell.
  if (real.chance(0.3)) mixIn(admissionRows, admissionRows.filter(() => real.chance(0.3)).map((row) => [...row]), real);

  const flags: Record<string, unknown> = {
    window: `${months}m`,
    indexDay: rng.pick(["exclude", "pre", "post"]),
    skipInvalid: rng.chance(0.5),
    // With dmy, the format is now and then left to auto, which must decide it alike on both engines.
    ...(style.dmy && !real.chance(0.5) ? { dateFormat: "dmy" } : {}),
    ...(rng.chance(0.3) ? { dataStart: "2020-01-01", dataEnd: "2023-12-31" } : {}),
    ...(rng.chance(0.2) ? { excludedAttendanceCategories: ["4", ""] } : {}),
    ...(rng.chance(0.2) ? { emergencyAdmissionMethods: ["21", "2A", "SS", "2I"] } : {}),
  };
  const withComparison = more.chance(0.4);
  // Intervals of the difference in differences need both: the bootstrap is likelier with a comparison group.
  const settings = randomSettings(more, calendar, flags, withComparison ? 0.6 : 0.3);
  Object.assign(flags, settings.flags, length.unit === "d" ? { window: `${length.count}d` } : {});
  // Now and then months beyond the window (statistics.md, --months), reaching the prior window's
  // edges, from a stream of its own so that every other choice of a case stays as it was.
  const monthly = seeded(seed ^ 0x6d6f6e74);
  if (monthly.chance(0.3)) flags.months = windowMonths(length) + monthly.int(1, 6);
  // Now and then breakdowns (statistics.md): by a referral column's text, by age band, or both; a stream of their own too.
  const grouped = seeded(seed ^ 0x62726b64);
  if (grouped.chance(0.3)) {
    flags.by = grouped.pick([["consent"], ["age_band"], ["age_band", "consent"]]);
    if ((flags.by as string[]).includes("age_band")) flags.ageBands = grouped.pick([[40], [30, 60], [18, 35, 55, 75]]);
  }

  const comparison = withComparison
    ? randomComparison(more, { style, calendar, referred: indexOf, cohorts, strangers, edges: settings.edges })
    : undefined;
  // Now and then a matched comparison group (matching.md): each control's case in `matched_to`, one
  // of the referred patients whose index row names the control's cohort, else someone never
  // referred (a control without a case); from a stream of its own.
  const matching = seeded(seed ^ 0x6d617463);
  if (comparison && matching.chance(0.4)) {
    const cohortOf = new Map<string, string>();
    for (const row of referralRows) if (!cohortOf.has(row[0]!)) cohortOf.set(row[0]!, row[1]!);
    comparison.header.push("matched_to");
    for (const row of comparison.rows) {
      const cohort = row[comparison.header.findIndex((name) => name.toLowerCase() === "cohort")]?.trim();
      const cases = [...cohortOf].filter(([, written]) => written === cohort).map(([id]) => id);
      row.push(cases.length > 0 && !matching.chance(0.1) ? matching.pick(cases) : matching.pick(strangers));
    }
  }
  // The comparison patients' own activity, at their windows' edges; with a bootstrap, more activity
  // for everyone, or few intervals could be computed (a replicate with no pre-window events is
  // discarded, and more than 1% of them discarded makes the interval null).
  const busier = [...(comparison?.indexOf ?? []), ...(flags.bootstrap ? indexOf : [])];
  for (const [id, index] of busier) {
    mixIn(aeRows, Array.from({ length: more.int(0, 6) }, () => aeRow(more, aeHeader, id, index, calendar, style)), more);
    mixIn(admissionRows, Array.from({ length: more.int(0, 6) }, () => admissionRow(more, admissionHeader, id, index, calendar, style)), more);
  }

  const files: Record<string, string> = { "referrals.csv": referrals };
  if (rng.chance(0.9)) files["ae.csv"] = csvText(renamed(aeHeader, renames.ae), aeRows, rng, style);
  if (!files["ae.csv"] || rng.chance(0.7)) files["admissions.csv"] = csvText(renamed(admissionHeader, renames.admissions), admissionRows, rng, style);
  if (comparison) files["comparison.csv"] = csvText(renamed(comparison.header, renames.comparison), comparison.rows, more, comparison.style);
  return { files, flags, ...(config ? { config } : {}) };
}
