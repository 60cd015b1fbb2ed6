/**
 * One independent random stream per bootstrap, so that adding an outcome, a cohort or a comparison
 * group leaves every other row's interval byte for byte the same.
 *
 * Derivation (everything modulo 2^64; `seed` and each index are first taken as 64-bit two's
 * complement, so −1 is 2^64 − 1):
 *
 *     first(s) = mix64(s + 0x9E3779B97F4A7C15)           // the first output of SplitMix64 seeded with s
 *     key      = first(seed)
 *     key      = first(key XOR outcomeIndex)
 *     key      = first(key XOR rowIndex)
 *     key      = first(key XOR sampleIndex)             // referred 0, comparison 1, their months 2, 3, matched sets 4
 *     key      = first(key XOR fnv1a64(group))          // a breakdown row only (below)
 *     z1, z2   = the first two outputs of SplitMix64 seeded with key
 *     state    = [low32(z1), high32(z1), low32(z2), high32(z2)] of xoshiro128**
 *
 * mix64 is SplitMix64's output function (G. L. Steele, D. Lea, C. H. Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014; constants of D. Stafford's "Mix13"), a bijection of
 * 64-bit words, which is how Blackman and Vigna recommend seeding xoshiro from a 64-bit value. Two
 * consecutive outputs of SplitMix64 cannot both be zero, so the state is never the forbidden all-zero
 * one. Distinct tuples give unrelated 128-bit starting points on a cycle of length 2^128 − 1; a row
 * uses at most a few hundred million outputs (2000 replicates of 100 000 patients), so the chance
 * that any two of a run's streams overlap is below 2^-80.
 *
 * A breakdown row (statistics.md, "Breakdowns") is told apart by its column and value, `age_band=35-54`,
 * hashed by FNV-1a (64-bit, over its UTF-8 bytes; G. Fowler, L. C. Noll, K.-P. Vo, the FNV hash),
 * rather than by its position, so that a value appearing or vanishing moves no other row's stream;
 * a row without one (every cohort row and Total) skips that step, so its stream is as before.
 *
 * The month-by-month series draw from the months' own streams (samples 2 and 3) of the Total row,
 * month after month from each month's frequency table (`month-series.ts`).
 */
import { Xoshiro128StarStar } from "../random/xoshiro128.js";

const MASK_64 = (1n << 64n) - 1n;
const MASK_32 = (1n << 32n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;

/**
 * The row index of `Total`. Cohort rows use their 0-based position in the outcome's cohort order,
 * so a cohort added at the end changes no existing row's stream.
 */
export const TOTAL_ROW_INDEX = -1;

/**
 * Whose patients a stream resamples: the referred patients, the comparison group's, their months,
 * or matched sets (a case with its controls, matching.md).
 */
export type StreamSample = "referred" | "comparison" | "referred_months" | "comparison_months" | "matched_sets";

const SAMPLE_INDEX: Readonly<Record<StreamSample, number>> = { referred: 0, comparison: 1, referred_months: 2, comparison_months: 3, matched_sets: 4 };

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

/** FNV-1a, 64-bit, of the text's UTF-8 bytes. */
export function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  return hash;
}

function mix64(value: bigint): bigint {
  let z = value;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
  return z ^ (z >> 31n);
}

function firstSplitMix64(seed: bigint): bigint {
  return mix64((seed + GOLDEN_GAMMA) & MASK_64);
}

function asWord64(name: string, value: number): bigint {
  if (!Number.isSafeInteger(value)) {
    throw new Error(`streamFor: ${name} must be a safe integer (got ${value})`);
  }
  return BigInt.asUintN(64, BigInt(value));
}

/** The xoshiro128** state words of the stream for (seed, outcome, row, sample[, group]); see the file comment. */
export function streamState(
  seed: number,
  outcomeIndex: number,
  rowIndex: number,
  sample: StreamSample = "referred",
  group?: string,
): [number, number, number, number] {
  let key = firstSplitMix64(asWord64("seed", seed));
  key = firstSplitMix64(key ^ asWord64("outcomeIndex", outcomeIndex));
  key = firstSplitMix64(key ^ asWord64("rowIndex", rowIndex));
  key = firstSplitMix64(key ^ BigInt(SAMPLE_INDEX[sample]));
  if (group !== undefined) key = firstSplitMix64(key ^ fnv1a64(group));
  const z1 = firstSplitMix64(key);
  const z2 = firstSplitMix64((key + GOLDEN_GAMMA) & MASK_64);
  return [Number(z1 & MASK_32), Number(z1 >> 32n), Number(z2 & MASK_32), Number(z2 >> 32n)];
}

/**
 * The generator for one row's bootstrap: `seed` is `--seed`, `outcomeIndex` from
 * the outcome's `streamIndex` (src/outcomes), `rowIndex` the cohort's position or `TOTAL_ROW_INDEX`, and `sample`
 * whether it resamples the referred patients or the comparison group (or shares their months), and
 * `group` a breakdown row's `column=value`.
 */
export function streamFor(
  seed: number,
  outcomeIndex: number,
  rowIndex: number,
  sample: StreamSample = "referred",
  group?: string,
): Xoshiro128StarStar {
  return new Xoshiro128StarStar(streamState(seed, outcomeIndex, rowIndex, sample, group));
}
