/**
 * Rows of an admissions extract that share a patient, admission date and method with an earlier
 * row: where there are more than rarely (over 1% of rows) and no `episode_order` column, the extract
 * is likely one row per episode, several to a spell (evaluation.md, "Every column a run relies on").
 *
 * Memory must not grow with the rows: each key is kept as a 52-bit hash (never the identifier
 * itself), and only the first `KEYS_KEPT` distinct keys are kept; later rows are still looked up.
 */
export const KEYS_KEPT = 200_000;

export interface DuplicateKeys {
  seen: Set<number>;
  rows: number;
  duplicates: number;
}

export const newDuplicateKeys = (): DuplicateKeys => ({ seen: new Set(), rows: 0, duplicates: 0 });

/** Two 32-bit FNV-1a hashes (different offset bases) folded into one 52-bit number. */
function hash52(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}

export function tallyKey(keys: DuplicateKeys, patientId: string, date: string, method: string): void {
  keys.rows++;
  // Only the day counts: episodes of one spell share it, whatever time a row gives.
  const day = date.split(/[ T]/, 1)[0];
  const key = hash52(`${patientId}\u0000${day}\u0000${method.toUpperCase()}`);
  if (keys.seen.has(key)) keys.duplicates++;
  else if (keys.seen.size < KEYS_KEPT) keys.seen.add(key);
}

/** Over 1% of rows: more than rarely. */
export const looksEpisodeLevel = (keys: DuplicateKeys) => keys.duplicates * 100 > keys.rows;
