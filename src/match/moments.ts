/**
 * A variable's count, sum and sum of squares over a group (each value with a whole-number weight:
 * how many pairs of a case and a candidate it stands for), from which its mean and variance follow.
 */
export class Moments {
  n = 0;
  sum = 0;
  squares = 0;

  add(value: number, weight = 1): void {
    this.n += weight;
    this.sum += value * weight;
    this.squares += value * value * weight;
  }

  mean(): number | null {
    return this.n === 0 ? null : this.sum / this.n;
  }

  /** The sample variance (denominator n − 1, as R's `var`); null below two values. */
  variance(): number | null {
    if (this.n < 2) return null;
    const variance = (this.squares - (this.sum * this.sum) / this.n) / (this.n - 1);
    // Rounding can leave a constant's variance a hair below zero.
    return variance < 0 ? 0 : variance;
  }
}

/**
 * The standardised mean difference of matching.md: (mean_cases − mean_controls) /
 * √((var_cases + var_controls) / 2) (P. C. Austin, "Balance diagnostics for comparing the
 * distribution of baseline covariates between treatment groups in propensity-score matched samples",
 * Statistics in Medicine 28 (2009) 3083–3107). Where both variances are 0 it is 0 if the means are
 * equal and null (no finite figure) if they are not; null where either group lacks a mean or variance.
 */
export function standardisedMeanDifference(cases: Moments, controls: Moments): number | null {
  const caseMean = cases.mean();
  const controlMean = controls.mean();
  const caseVariance = cases.variance();
  const controlVariance = controls.variance();
  if (caseMean === null || controlMean === null || caseVariance === null || controlVariance === null) return null;
  const scale = Math.sqrt((caseVariance + controlVariance) / 2);
  if (scale === 0) return caseMean === controlMean ? 0 : null;
  return (caseMean - controlMean) / scale;
}

/** var_cases / var_controls; null where the controls' variance is 0 or either is unknown. */
export function varianceRatio(cases: Moments, controls: Moments): number | null {
  const caseVariance = cases.variance();
  const controlVariance = controls.variance();
  if (caseVariance === null || controlVariance === null || controlVariance === 0) return null;
  return caseVariance / controlVariance;
}
