/**
 * `pre_any_pct` / `post_any_pct` (statistics.md, "Shares with any use"): the percentage of a row's
 * patients with at least one counted event in a window, null for a row without patients. A fall in
 * the total that comes from a few heavy users shows here as no change.
 *
 * @param counts each patient's count in one window
 */
export function anyUsePct(counts: ArrayLike<number>): number | null {
  if (counts.length === 0) return null;
  let withAny = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i]! > 0) withAny++;
  }
  // Multiplying first keeps the one rounding of a division: 1 of 3 is the double nearest 100/3.
  return (withAny * 100) / counts.length;
}
