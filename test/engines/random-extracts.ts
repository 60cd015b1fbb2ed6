import { addMonths, dayFromCivil, isoFromDay } from "../../src/core/day.js";

/**
 * Small random extracts that go looking for the edges both engines must agree on: window
 * boundaries and ties, times after dates, HES placeholders, odd labels, padding, quotes, CRLF, BOM,
 * blank lines, unread columns, and now and then a row that is not valid at all.
 */

export interface Random {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32, seeded: a failing case is reproduced from its seed alone. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, pick: (list) => list[Math.floor(next() * list.length)]!, chance: (p) => next() < p };
}

export interface RandomCase {
  files: Record<string, string>;
  flags: Record<string, unknown>;
}

interface Style {
  crlf: boolean;
  bom: boolean;
  quoteAll: boolean;
  /** Spaces and tabs around bare fields (no quotes anywhere unless `oddness` adds them). */
  padding: number;
  dmy: boolean;
  /** Dates with a time after them. */
  times: number;
  /** How often a field is dressed up oddly (quotes, padding inside quotes, odd codes), and a row made invalid. */
  oddness: number;
  invalid: number;
}

const ODD_IDS = ["p 1", "P1", "é1", "0001", "NHS 943 476 5919", "ẞ2", "p-1"];
const ODDER_IDS = ["p1 ", "p,1", 'p"1', "p\n1"];

function dateText(day: number, rng: Random, style: Style): string {
  const iso = isoFromDay(day);
  const text = style.dmy ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
  if (rng.chance(style.oddness)) return text + rng.pick(["x", " 10", "T10:22:00.1234567891", "T25:00", " 10:22:00 "]);
  if (!rng.chance(style.times)) return text;
  return text + rng.pick(["T10:22:00", " 10:22:00.000", " 00:00", "T23:59:59Z", " 12:00:00+01:00", "T10:22:00.123456789", " 10:22:01,5"]);
}

function invalidDate(rng: Random, style: Style): string {
  return rng.pick(["", "2021-02-30", "2021-1-05", "30/02/2021", "not a date", "2021/03/04", style.dmy ? "2021-03-04" : "04/03/2021", "0000-00-00"]);
}

/** A field as some exporter might write it: bare, quoted, padded, or quoted with padding inside. */
function dress(value: string, rng: Random, style: Style): string {
  const mustQuote = /[",\n\r]/.test(value) || value !== value.trim();
  const quoted = `"${value.replaceAll('"', '""')}"`;
  if (style.quoteAll || mustQuote) return rng.chance(style.oddness) ? rng.pick([` ${quoted}\t`, `${quoted} `, ` ${quoted}`]) : quoted;
  if (rng.chance(style.oddness)) return rng.pick([quoted, `" ${value}"`, `${value}\f`, `${value}"`]);
  if (rng.chance(style.padding)) return rng.pick([` ${value}`, `${value} `, `\t${value}`, `  ${value}\t `]);
  return value;
}

function csvText(header: readonly string[], rows: readonly string[][], rng: Random, style: Style): string {
  const eol = style.crlf ? "\r\n" : "\n";
  const lines = [header.map((name) => dress(name, rng, { ...style, oddness: style.oddness / 2 })).join(",")];
  for (const row of rows) {
    if (rng.chance(style.oddness / 4)) lines.push(rng.pick(["", ",,", " "]));
    else if (rng.chance(0.02)) lines.push("");
    lines.push(row.join(","));
  }
  const text = lines.join(eol) + (rng.chance(0.8) ? eol : "");
  return (style.bom ? "\uFEFF" : "") + text;
}

/** Most extracts are clean, padded or quoted throughout (the DuckDB pass must take them); some are messy. */
function randomStyle(rng: Random): Style {
  const kind = rng.pick(["clean", "clean", "clean", "padded", "quoted", "messy", "messy"] as const);
  return {
    crlf: rng.chance(0.3),
    bom: rng.chance(0.2),
    quoteAll: kind === "quoted",
    padding: kind === "padded" ? rng.pick([0.05, 0.3]) : 0,
    dmy: rng.chance(0.25),
    times: rng.pick([0, 0, 0.2, 1]),
    oddness: kind === "messy" ? rng.pick([0.01, 0.05, 0.2]) : 0,
    invalid: kind === "messy" ? rng.pick([0, 0.01, 0.1]) : 0,
  };
}

/** One random evaluation: referrals, A&E and admissions extracts, and the flags to run them with. */
export function randomCase(seed: number): RandomCase {
  const rng = seeded(seed);
  const style = randomStyle(rng);
  const patients = rng.int(1, 12);
  const oddIds = style.oddness > 0 ? [...ODD_IDS, ...ODDER_IDS] : ODD_IDS;
  const ids = Array.from({ length: patients }, (_, i) => (rng.chance(0.15) ? rng.pick(oddIds) + i : `p${i}`));
  const strangers = ["q1", "q2", "P0", ...oddIds];
  const base = dayFromCivil(2021, rng.int(1, 12), rng.int(1, 31) > 28 ? 28 : rng.int(1, 28));
  const months = rng.pick([1, 3, 6]);
  const indexOf = new Map(ids.map((id) => [id, base + rng.int(-200, 200)]));

  const dayText = (day: number) => {
    const iso = isoFromDay(day);
    return style.dmy ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
  };
  const referralRows = ids.flatMap((id) => {
    const rows = [[id, rng.pick(["A", "B", "Adult 'Carers'"]), dayText(indexOf.get(id)!), rng.pick(["y", "n", "YES", ""]), String(rng.int(0, 3)), String(rng.int(15, 90))]];
    if (rng.chance(0.3)) rows.push([id, "A", dayText(indexOf.get(id)! + rng.int(0, 40)), "y", "1", "40"]);
    return rows;
  });
  // The referrals are the same for both engines; only their activity extracts are put to the test.
  const referralStyle = { ...style, invalid: 0, oddness: 0 };
  const fixedReferrals = csvText(
    ["patient_id", "cohort", "intervention_date", "consent", "onward_referrals", "age"],
    referralRows.map((row) => row.map((value) => dress(value, rng, referralStyle))),
    rng,
    referralStyle,
  );

  /** An event day near something that matters: a window edge, the index day, a placeholder. */
  const eventDay = (owner: string): number | "placeholder" => {
    const index = indexOf.get(owner);
    if (rng.chance(0.05)) return "placeholder";
    if (index === undefined) return base + rng.int(-500, 500);
    const edges = [index, addMonths(index, -months), addMonths(index, months), addMonths(index, -2 * months), index - 1, index + 1];
    return rng.chance(0.6) ? rng.pick(edges) + rng.int(-1, 1) : index + rng.int(-400, 400);
  };
  const owner = () => (rng.chance(0.75) ? rng.pick(ids) : rng.pick(strangers));
  const eventText = (id: string) => {
    const day = eventDay(id);
    if (rng.chance(style.invalid)) return invalidDate(rng, style);
    if (day === "placeholder") {
      const text = rng.pick(["1800-01-01", "1801-01-01", "1600-01-01", "1582-10-15"]);
      return style.dmy ? `${text.slice(8, 10)}/${text.slice(5, 7)}/${text.slice(0, 4)}` : text;
    }
    return dateText(day, rng, style);
  };
  const extraColumn = () =>
    style.quoteAll || style.oddness > 0 ? rng.pick(["x", "", "a, b", 'say "hi"', "line\nbreak", "line\r\nbreak", "  "]) : rng.pick(["x", "", "a b"]);

  const aeHeader = rng.pick([
    ["patient_id", "arrival_date", "attendance_category"],
    ["PATIENT_ID", "Notes", "Arrival_Date", "attendance_category", "Site"],
    ["patient_id", "arrival_date"],
  ]);
  const aeRows = Array.from({ length: rng.int(0, 40) }, () => {
    const id = owner();
    const fields: Record<string, string> = {
      patient_id: rng.chance(style.invalid) ? "" : id,
      arrival_date: eventText(id),
      attendance_category: rng.pick(["1", "2", "3", "4", "4", "", "9", " 4"]).trim(),
    };
    const row = aeHeader.map((name) => dress(fields[name.toLowerCase()] ?? extraColumn(), rng, style));
    if (rng.chance(style.invalid)) row.push(rng.pick(["", "extra"]));
    return row;
  });

  const admissionHeader = rng.pick([
    ["patient_id", "admission_date", "admission_method", "episode_order"],
    ["patient_id", "admission_date", "admission_method"],
    ["Admission_Method", "Patient_ID", "Spare", "ADMISSION_DATE", "EPISODE_ORDER"],
  ]);
  const admissionRows = Array.from({ length: rng.int(0, 40) }, () => {
    const id = owner();
    const fields: Record<string, string> = {
      patient_id: rng.chance(style.invalid) ? "" : id,
      admission_date: eventText(id),
      admission_method: rng.pick(["21", "2a", "2A", "22", "11", "81", "", "28", ...(style.oddness > 0 ? ["ß", "2ı"] : [])]),
      episode_order: rng.pick(["1", "01", "001", "2", "02", "", "10", "1.0"]),
    };
    const row = admissionHeader.map((name) => dress(fields[name.toLowerCase()] ?? extraColumn(), rng, style));
    if (rng.chance(style.invalid)) row.pop();
    return row;
  });

  const flags: Record<string, unknown> = {
    window: `${months}m`,
    indexDay: rng.pick(["exclude", "pre", "post"]),
    skipInvalid: rng.chance(0.5),
    ...(style.dmy ? { dateFormat: "dmy" } : {}),
    ...(rng.chance(0.3) ? { dataStart: "2020-01-01", dataEnd: "2023-12-31" } : {}),
    ...(rng.chance(0.2) ? { excludedAttendanceCategories: ["4", ""] } : {}),
    ...(rng.chance(0.2) ? { emergencyAdmissionMethods: ["21", "2A", "SS", "2I"] } : {}),
  };
  const files: Record<string, string> = { "referrals.csv": fixedReferrals };
  if (rng.chance(0.9)) files["ae.csv"] = csvText(aeHeader, aeRows, rng, style);
  if (!files["ae.csv"] || rng.chance(0.7)) files["admissions.csv"] = csvText(admissionHeader, admissionRows, rng, style);
  return { files, flags };
}
