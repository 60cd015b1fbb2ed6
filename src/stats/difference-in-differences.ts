/**
 * The difference in differences of statistics.md, in percentage points: the referred patients'
 * `change_pct` less the comparison group's, so that a fall both groups share (regression to the mean,
 * a winter, a new service elsewhere) is taken out (J. D. Angrist and J.-S. Pischke, *Mostly Harmless
 * Econometrics*, 2009, §5.2). Null where either change is.
 */
export function differenceInDifferences(changePct: number | null, comparisonChangePct: number | null): number | null {
  if (changePct === null || comparisonChangePct === null) return null;
  return changePct - comparisonChangePct;
}

/**
 * Bootstrap replicates of the difference in differences: replicate b of the referred row less
 * replicate b of the comparison row. The two come from independent streams, so each replicate
 * resamples both groups independently, as statistics.md asks; a replicate either side discarded
 * (NaN) is discarded here too.
 */
export function differenceInDifferencesReplicates(referred: Float64Array, comparison: Float64Array): Float64Array {
  if (referred.length !== comparison.length) {
    throw new Error(
      `differenceInDifferencesReplicates: both groups need the same number of replicates (got ${referred.length} and ${comparison.length})`,
    );
  }
  const differences = new Float64Array(referred.length);
  for (let i = 0; i < referred.length; i++) differences[i] = referred[i]! - comparison[i]!;
  return differences;
}
