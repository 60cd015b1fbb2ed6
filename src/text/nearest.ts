/**
 * "Did you mean …?" for the names a user types: config keys, column names, cohorts. Names are
 * compared without regard to case, white space, `_` or `-` (`Age_at_Referral` is near `AgeAtReferral`),
 * by Levenshtein distance.
 */

const simplified = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, "");

/** Levenshtein distance: insertions, deletions and substitutions, one each. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidates nearest to `name`, best first, at most `most` of them: those within a third of the
 * longer name's length (at least 2 edits), or that contain it or are contained in it.
 */
export function nearestNames(name: string, candidates: readonly string[], most = 3): string[] {
  const target = simplified(name);
  const scored = candidates
    .map((candidate, order) => {
      const simple = simplified(candidate);
      const distance = editDistance(target, simple);
      const near = distance <= Math.max(2, Math.floor(Math.max(target.length, simple.length) / 3));
      const within = target.length >= 3 && simple.length >= 3 && (simple.includes(target) || target.includes(simple));
      return { candidate, order, distance: near || within ? distance : Number.POSITIVE_INFINITY };
    })
    .filter((scored) => Number.isFinite(scored.distance));
  scored.sort((a, b) => a.distance - b.distance || a.order - b.order);
  return [...new Set(scored.map((scored) => scored.candidate))].slice(0, most);
}

/** `; did you mean "a" or "b"?`, or "" where nothing is near. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const near = nearestNames(name, candidates);
  if (near.length === 0) return "";
  const quoted = near.map((candidate) => JSON.stringify(candidate));
  return `; did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`}?`;
}
