/**
 * The Mahalanobis distance of matching.md: d(x, y) = √((x − y)ᵀ S⁻¹ (x − y)), S the covariance of the
 * near-match variables among the cases (P. C. Mahalanobis, "On the generalised distance in
 * statistics", Proceedings of the National Institute of Sciences of India 2 (1936) 49–55; in
 * matching, D. B. Rubin, "Bias reduction using Mahalanobis-metric matching", Biometrics 36 (1980)
 * 293–298). It is computed as a Euclidean length after whitening: with S = L Lᵀ (Cholesky),
 * d(x, y) = |L⁻¹ (x − y)|. The whitened coordinate k depends on the variables up to k only, so the
 * sum over the first few coordinates is a lower bound that lets a far candidate be passed over
 * before its counts are looked up.
 */

/** The sample covariance (denominator n − 1, as R's `cov`) of `rows` vectors of `p` values, row after row. */
export function covariance(values: Float64Array, rows: number, p: number): Float64Array {
  const mean = new Float64Array(p);
  for (let r = 0; r < rows; r++) for (let j = 0; j < p; j++) mean[j]! += values[r * p + j]!;
  for (let j = 0; j < p; j++) mean[j]! /= rows;
  const cov = new Float64Array(p * p);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < p; j++) {
      const dj = values[r * p + j]! - mean[j]!;
      for (let k = 0; k <= j; k++) cov[j * p + k]! += dj * (values[r * p + k]! - mean[k]!);
    }
  }
  const denominator = rows - 1;
  for (let j = 0; j < p; j++) {
    for (let k = 0; k <= j; k++) {
      const value = denominator > 0 ? cov[j * p + k]! / denominator : 0;
      cov[j * p + k] = value;
      cov[k * p + j] = value;
    }
  }
  return cov;
}

/** Why a near-match variable was left out of the distance. */
export type LeftOutReason = "no_variance" | "determined_by_others";

export interface Whitener {
  /** The variables the distance uses, by position among the near-match variables. */
  kept: number[];
  leftOut: { variable: number; reason: LeftOutReason }[];
  /** L of S = L Lᵀ over the kept variables, row-major, `kept.length` square. */
  lower: Float64Array;
}

/**
 * A variable with no variance among the cases is left out (matching.md): nothing can be scaled by
 * it. So is one that the variables before it determine exactly (pre = prior for every case, say),
 * whose S would be singular: its residual variance, given those kept before it, is below a
 * millionth of its variance. What is left is a Cholesky factor, taken in the variables' order.
 */
export function whitener(cov: Float64Array, p: number): Whitener {
  const kept: number[] = [];
  const leftOut: Whitener["leftOut"] = [];
  const rows: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const variance = cov[j * p + j]!;
    if (!(variance > 0)) {
      leftOut.push({ variable: j, reason: "no_variance" });
      continue;
    }
    const row = new Float64Array(kept.length + 1);
    for (let k = 0; k < kept.length; k++) {
      let sum = cov[j * p + kept[k]!]!;
      for (let m = 0; m < k; m++) sum -= row[m]! * rows[k]![m]!;
      row[k] = sum / rows[k]![k]!;
    }
    let residual = variance;
    for (let m = 0; m < kept.length; m++) residual -= row[m]! * row[m]!;
    if (residual <= variance * 1e-6) {
      leftOut.push({ variable: j, reason: "determined_by_others" });
      continue;
    }
    row[kept.length] = Math.sqrt(residual);
    kept.push(j);
    rows.push(row);
  }
  const q = kept.length;
  const lower = new Float64Array(q * q);
  rows.forEach((row, k) => lower.set(row, k * q));
  return { kept, leftOut, lower };
}

/** z = L⁻¹ x over the kept variables, by forward substitution; `x` holds every near-match variable. */
export function whiten(whitener: Whitener, x: Float64Array, z: Float64Array): void {
  const { kept, lower } = whitener;
  const q = kept.length;
  for (let k = 0; k < q; k++) {
    let sum = x[kept[k]!]!;
    for (let m = 0; m < k; m++) sum -= lower[k * q + m]! * z[m]!;
    z[k] = sum / lower[k * q + k]!;
  }
}

/** The distance itself, of two vectors of every near-match variable (for a report, or a check). */
export function mahalanobisDistance(whitener: Whitener, x: Float64Array, y: Float64Array): number {
  const z = new Float64Array(whitener.kept.length);
  whiten(whitener, x.map((value, v) => value - y[v]!), z);
  let sum = 0;
  for (const value of z) sum += value * value;
  return Math.sqrt(sum);
}
