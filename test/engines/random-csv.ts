import { isoFromDay } from "../../src/core/day.js";

/**
 * The text of small random CSV extracts: a seeded generator, and fields, dates and files written as
 * some exporter might write them (padding, quotes, CRLF, BOM, blank lines, times after dates).
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

export interface Style {
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
  /** Missing values written as exports write them (NULL, NA). */
  tokens: boolean;
  /** D/M/YYYY as Excel re-saves it: no leading zeros. */
  shortDmy: boolean;
}

export const ODD_IDS = ["p 1", "P1", "é1", "0001", "NHS 999 234 5675", "ẞ2", "p-1"];
export const ODDER_IDS = ["p1 ", "p,1", 'p"1', "p\n1"];

export function dateText(day: number, rng: Random, style: Style): string {
  const iso = isoFromDay(day);
  const dmy = style.shortDmy && rng.chance(0.5) ? `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}` : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const text = style.dmy ? dmy : iso;
  if (rng.chance(style.oddness)) return text + rng.pick(["x", " 10", "T10:22:00.1234567891", "T25:00", " 10:22:00 "]);
  if (!rng.chance(style.times)) return text;
  return text + rng.pick(["T10:22:00", " 10:22:00.000", " 00:00", "T23:59:59Z", " 12:00:00+01:00", "T10:22:00.123456789", " 10:22:01,5"]);
}

export function invalidDate(rng: Random, style: Style): string {
  return rng.pick(["", "2021-02-30", "2021-1-05", "30/02/2021", "not a date", "2021/03/04", style.dmy ? "2021-03-04" : "04/03/2021", "0000-00-00"]);
}

/** A field as some exporter might write it: bare, quoted, padded, or quoted with padding inside. */
export function dress(value: string, rng: Random, style: Style): string {
  const mustQuote = /[",\n\r]/.test(value) || value !== value.trim();
  const quoted = `"${value.replaceAll('"', '""')}"`;
  if (style.quoteAll || mustQuote) return rng.chance(style.oddness) ? rng.pick([` ${quoted}\t`, `${quoted} `, ` ${quoted}`]) : quoted;
  if (rng.chance(style.oddness)) return rng.pick([quoted, `" ${value}"`, `${value}\f`, `${value}"`]);
  if (rng.chance(style.padding)) return rng.pick([` ${value}`, `${value} `, `\t${value}`, `  ${value}\t `]);
  return value;
}

export function csvText(header: readonly string[], rows: readonly string[][], rng: Random, style: Style): string {
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
export function randomStyle(rng: Random): Omit<Style, "tokens" | "shortDmy"> {
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
