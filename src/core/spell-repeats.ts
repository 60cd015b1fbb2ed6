import { missingAsEmptySql } from "../extracts/missing-values.js";

/**
 * An admissions extract is counted one row per spell; HES and some SUS extracts have a row per
 * episode, several to a spell. Without an `episode_order` column that cannot be told row by row, but
 * it shows: the episodes of one spell share a patient, an admission date and a method. Where more than
 * 1% of rows repeat another row's three, the output warns (evaluation.md, "Every column a run relies
 * on must be there").
 *
 * Only the rows of the evaluation's patients (referred and comparison) are looked at: they are the
 * rows that are counted, and keeping a key per row of theirs keeps memory growing with people and
 * their admissions, not with the extract (whose other rows are most of it).
 */
export interface SpellRepeats {
  /** Valid rows of the evaluation's patients with a real admission date. */
  rows: number;
  /** Of those, the rows whose patient, admission date and method an earlier row already had. */
  repeated: number;
}

/** Above this share of repeated rows, the extract is likely episode-level. */
export const EPISODE_LEVEL_SHARE = 0.01;

export function isLikelyEpisodeLevel(repeats: SpellRepeats): boolean {
  return repeats.repeated > repeats.rows * EPISODE_LEVEL_SHARE;
}

/** Counts repeats as the rows stream past; `see` is given every valid row of an admissions extract. */
export function spellRepeatCounter(slotOf: ReadonlyMap<string, number>) {
  const seen = new Set<string>();
  const repeats: SpellRepeats = { rows: 0, repeated: 0 };
  return {
    repeats,
    see(patientId: string, day: number, method: string): void {
      const slot = slotOf.get(patientId);
      if (slot === undefined) return;
      repeats.rows++;
      const key = `${slot} ${day} ${method.toUpperCase()}`;
      if (seen.has(key)) repeats.repeated++;
      else seen.add(key);
    },
  };
}

/**
 * The same count in SQL, over the `dated` rows of the DuckDB pass (see `tallySql`): rows of subjects
 * with a real day, less the distinct (subject, day, method) among them.
 */
export function spellRepeatsSql(missingDays: string, column: string): string {
  return `SELECT count(*)::DOUBLE AS rows, (count(*) - count(DISTINCT (s.slot, day, upper(${missingAsEmptySql(column)}))))::DOUBLE AS repeated
    FROM dated JOIN subjects AS s ON s.patient_id = dated.patient_id
    WHERE day IS NOT NULL AND day NOT IN ${missingDays}`;
}

/** The warning's words, from the counts as published (`null` where suppressed, shown as *). */
export function episodeLevelMessage(file: string, repeated: number | null, rows: number | null): string {
  const shown = (count: number | null) => (count === null ? "*" : String(count));
  return (
    `${file}: ${shown(repeated)} of the ${shown(rows)} rows of the evaluation's patients repeat another row's patient, admission date and method: ` +
    "the extract may have a row per episode rather than per spell, which would count a spell several times; " +
    'if so, map its episode order ("columns": { "admissions": { "episode_order": "EPIORDER" } }) so that only first episodes count'
  );
}
