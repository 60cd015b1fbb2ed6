/**
 * The pooled percentage change of evaluation.md rule 5, `(post − pre) / pre × 100`, from summed
 * counts: null where `pre` is 0, since a change from nothing has no percentage. Used for bootstrap
 * replicates, the comparison group and the prior window, so that each is computed exactly as the
 * row's own `change_pct` is.
 */
export function changePct(pre: number, post: number): number | null {
  if (pre === 0) return null;
  return ((post - pre) / pre) * 100;
}
