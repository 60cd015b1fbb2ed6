import { Xoshiro128StarStar } from "../random/xoshiro128.js";

const MASK_64 = (1n << 64n) - 1n;
const MASK_32 = (1n << 32n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;
/**
 * Set apart from the bootstrap's streams (src/stats/random-stream.ts, which key on outcome, row and
 * sample): the order of the cases is keyed on the seed and this word alone ("match" in ASCII), so
 * that a bootstrap setting never moves a control, nor the order its intervals' draws.
 */
const MATCH_ORDER_KEY = 0x6d61746368n;

/** SplitMix64's output function (Steele, Lea and Flood, OOPSLA 2014), as random-stream.ts uses it. */
function mix64(value: bigint): bigint {
  let z = value;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
  return z ^ (z >> 31n);
}

const first = (seed: bigint) => mix64((seed + GOLDEN_GAMMA) & MASK_64);

/**
 * The generator of the cases' order for `--seed S`: key = first(first(S) XOR "match"), and the state
 * the first two SplitMix64 outputs from the key (never both zero), as for the bootstrap's streams.
 */
export function matchOrderStream(seed: number): Xoshiro128StarStar {
  if (!Number.isSafeInteger(seed)) throw new Error(`matchOrderStream: seed must be a safe integer (got ${seed})`);
  const key = first(first(BigInt.asUintN(64, BigInt(seed))) ^ MATCH_ORDER_KEY);
  const z1 = first(key);
  const z2 = first((key + GOLDEN_GAMMA) & MASK_64);
  return new Xoshiro128StarStar([Number(z1 & MASK_32), Number(z1 >> 32n), Number(z2 & MASK_32), Number(z2 >> 32n)]);
}

/**
 * The order cases are taken in (matching.md: "a random order from --seed"): the Fisher–Yates shuffle
 * (R. Durstenfeld, "Algorithm 235: random permutation", CACM 7 (1964) 420) of 0 … n−1, from the last
 * position down, position i swapped with `uniformInt(i + 1)`.
 */
export function caseOrder(cases: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: cases }, (_, i) => i);
  const random = matchOrderStream(seed);
  for (let i = cases - 1; i > 0; i--) {
    const j = random.uniformInt(i + 1);
    const swap = order[i]!;
    order[i] = order[j]!;
    order[j] = swap;
  }
  return order;
}
