/**
 * Whether two sets of bootstrap replicates, each from `REPLICATES` draws on its own stream, come from
 * one distribution, within resampling error: the check that holds prepost's resampling to the
 * patient-by-patient reference (bootstrap.test.ts, month-series.test.ts).
 *
 * Tolerances from the replicates' spread s: six standard errors of a difference of two independent
 * estimates, for the mean s·√(2/B), for the standard deviation about s/√B, for a 2.5% or 97.5%
 * quantile 2.6713·s·√(2/B) (sqrt(0.025 * 0.975) / dnorm(qnorm(0.025)) = 2.671310865, for near-normal
 * replicates); and the two-sample Kolmogorov–Smirnov distance below its 1e-6 critical value
 * 2.693386·√(2/B) (sqrt(-log(1e-6 / 2) / 2) = 2.693386134).
 */
import { quantileSorted } from "simple-statistics";
import { expect } from "vitest";

export const REPLICATES = 20_000;

function summary(replicates: Float64Array) {
  const sorted = Array.from(replicates).sort((a, b) => a - b);
  const mean = sorted.reduce((total, value) => total + value, 0) / sorted.length;
  const sd = Math.sqrt(sorted.reduce((total, value) => total + (value - mean) ** 2, 0) / (sorted.length - 1));
  return { sorted, mean, sd, low: quantileSorted(sorted, 0.025), high: quantileSorted(sorted, 0.975) };
}

function kolmogorovSmirnov(a: number[], b: number[]): number {
  let i = 0;
  let j = 0;
  let distance = 0;
  while (i < a.length && j < b.length) {
    const value = Math.min(a[i]!, b[j]!);
    while (i < a.length && a[i] === value) i++;
    while (j < b.length && b[j] === value) j++;
    distance = Math.max(distance, Math.abs(i / a.length - j / b.length));
  }
  return distance;
}

export function expectSameReplicates(ours: Float64Array, reference: Float64Array): void {
  const B = REPLICATES;
  expect(ours.length).toBe(B);
  expect(reference.length).toBe(B);
  expect(ours.some(Number.isNaN) || reference.some(Number.isNaN)).toBe(false);
  const a = summary(ours);
  const b = summary(reference);
  const s = (a.sd + b.sd) / 2;
  expect(Math.abs(a.mean - b.mean)).toBeLessThan(6 * s * Math.sqrt(2 / B));
  expect(Math.abs(a.sd - b.sd)).toBeLessThan((6 * s) / Math.sqrt(B));
  expect(Math.abs(a.low - b.low)).toBeLessThan(6 * 2.6713 * s * Math.sqrt(2 / B));
  expect(Math.abs(a.high - b.high)).toBeLessThan(6 * 2.6713 * s * Math.sqrt(2 / B));
  expect(kolmogorovSmirnov(a.sorted, b.sorted)).toBeLessThan(2.693386 * Math.sqrt(2 / B));
}
