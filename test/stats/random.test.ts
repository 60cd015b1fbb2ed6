import { describe, expect, it } from "vitest";
import { Xoshiro128StarStar } from "../../src/random/xoshiro128.js";
import { type StreamSample, TOTAL_ROW_INDEX, streamFor, streamState } from "../../src/stats/random-stream.js";
import { BUILT_IN_OUTCOMES } from "../../src/outcomes/registry.js";
import { customOutcome } from "../../src/outcomes/custom-outcomes.js";

/** A generator whose 32-bit outputs are scripted, to walk uniformInt's rejection paths. */
class ScriptedOutputs extends Xoshiro128StarStar {
  readonly outputs: number[];
  constructor(outputs: number[]) {
    super([1, 2, 3, 4]);
    this.outputs = [...outputs];
  }
  override nextUint32(): number {
    const next = this.outputs.shift();
    if (next === undefined) throw new Error("script ran out");
    return next;
  }
}

describe("xoshiro128** matches the reference C implementation", () => {
  // Expected outputs from test/stats/reference/random.c (Vigna's xoshiro128starstar.c):
  //   cc -O2 -o /tmp/random-reference test/stats/reference/random.c && /tmp/random-reference
  it("gives the reference outputs from state [1, 2, 3, 4]", () => {
    const generator = new Xoshiro128StarStar([1, 2, 3, 4]);
    const first = Array.from({ length: 8 }, () => generator.nextUint32());
    expect(first).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
    for (let i = 8; i < 1000; i++) generator.nextUint32();
    expect(generator.nextUint32()).toBe(136054147);
  });

  it("refuses the all-zero state, which it could never leave", () => {
    expect(() => new Xoshiro128StarStar([0, 0, 0, 0])).toThrow(/all zero/);
    expect(() => new Xoshiro128StarStar([1, 2, 3, 2 ** 32])).toThrow(/\[0, 2\^32\)/);
  });
});

describe("uniformInt is uniform, without modulo bias", () => {
  it("stays in [0, n) and gives every value, in proportion (chi-squared, 5 df)", () => {
    const generator = streamFor(1, 0, 0);
    const tally = new Array<number>(6).fill(0);
    const draws = 60_000;
    let outside = 0;
    for (let i = 0; i < draws; i++) {
      const value = generator.uniformInt(6);
      if (value >= 0 && value < 6 && Number.isInteger(value)) tally[value]!++;
      else outside++;
    }
    expect(outside).toBe(0);
    const expected = draws / 6;
    const chiSquared = tally.reduce((total, observed) => total + (observed - expected) ** 2 / expected, 0);
    // qchisq(0.999, 5) = 20.515
    expect(chiSquared).toBeLessThan(20.515);
  });

  it("rejects the draws that would bias a small n (Lemire's threshold 2^32 mod n)", () => {
    // 2^32 mod 3 = 1: the draw 0 has low part 0 < 1 and is rejected; 2^32 − 1 maps to ⌊(2^32 − 1)·3 / 2^32⌋ = 2.
    const generator = new ScriptedOutputs([0, 2 ** 32 - 1]);
    expect(generator.uniformInt(3)).toBe(2);
    expect(generator.outputs).toEqual([]);
    // 1 has low part 3 ≥ threshold: kept, ⌊3 / 2^32⌋ = 0.
    expect(new ScriptedOutputs([1]).uniformInt(3)).toBe(0);
  });

  it("rejects the draws that would bias a large n (arc4random_uniform's threshold)", () => {
    // n = 3·2^30: 2^32 mod n = 2^30, so draws below 2^30 are rejected; plain x mod n would return
    // values below 2^30 half the time instead of a third.
    const n = 3 * 2 ** 30;
    const scripted = new ScriptedOutputs([5, 2 ** 30 + 7]);
    expect(scripted.uniformInt(n)).toBe(2 ** 30 + 7);
    const generator = streamFor(3, 1, 2);
    let low = 0;
    const draws = 30_000;
    for (let i = 0; i < draws; i++) if (generator.uniformInt(n) < 2 ** 30) low++;
    // A third, ± 5 standard errors (sqrt(1/3 · 2/3 / 30000) = 0.0027); biased modulo gives a half.
    expect(Math.abs(low / draws - 1 / 3)).toBeLessThan(0.0136);
  });

  it("refuses a bound that is not a whole number from 1 to 2^32", () => {
    const generator = streamFor(1, 0, 0);
    expect(() => generator.uniformInt(0)).toThrow(/uniformInt/);
    expect(() => generator.uniformInt(2.5)).toThrow(/uniformInt/);
    expect(generator.uniformInt(1)).toBe(0);
  });
});

describe("fillUniformInts draws a whole resample at a time, without modulo bias", () => {
  // Expected from test/stats/reference/random.c (fill_uniform16): Lemire's method on 16-bit halves.
  const reference: [number, number[], number][] = [
    [6000, [1054, 8, 2636, 98, 3691, 2838, 3693, 2287, 1386, 1798, 4253], 3734860849],
    [40000, [54, 18921, 24625, 15247, 9240, 11987, 28355, 18154, 34729, 39656, 4113], 337829053],
    [65536, [0, 11520, 0, 0, 90, 28800, 1080, 40320, 31001, 40347, 24982], 1287239034],
    [1, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1287239034],
  ];
  it.each(reference)("matches the reference below %d, and leaves the generator where the C does", (n, draws, nextOutput) => {
    const generator = new Xoshiro128StarStar([1, 2, 3, 4]);
    const target = new Int32Array(11);
    generator.fillUniformInts(target, n);
    expect(Array.from(target)).toEqual(draws);
    expect(generator.nextUint32()).toBe(nextOutput);
  });

  it("rejects the 16-bit draws that would bias it", () => {
    // n = 3·2^14: h ↦ ⌊3h/4⌋ hits multiples of 3 twice as often as other values unless the
    // 2^16 mod n = 2^14 draws with the smallest low parts are rejected.
    const generator = streamFor(9, 0, 0);
    const target = new Int32Array(30_000);
    generator.fillUniformInts(target, 3 * 2 ** 14);
    const multiplesOfThree = target.filter((value) => value % 3 === 0).length;
    expect(Math.abs(multiplesOfThree / target.length - 1 / 3)).toBeLessThan(0.0136);
    expect(target.every((value) => value >= 0 && value < 3 * 2 ** 14)).toBe(true);
  });

  it("is uniform (chi-squared, 9 df) and falls back to uniformInt above 2^16", () => {
    const target = new Int32Array(50_000);
    streamFor(4, 1, 0).fillUniformInts(target, 10);
    const tally = new Array<number>(10).fill(0);
    for (const value of target) tally[value]!++;
    const chiSquared = tally.reduce((total, observed) => total + (observed - 5000) ** 2 / 5000, 0);
    // qchisq(0.999, 9) = 27.877
    expect(chiSquared).toBeLessThan(27.877);

    const big = new Int32Array(5);
    streamFor(4, 1, 0).fillUniformInts(big, 100_000);
    const oneByOne = streamFor(4, 1, 0);
    expect(Array.from(big)).toEqual(Array.from({ length: 5 }, () => oneByOne.uniformInt(100_000)));
  });

  it("refuses a bound that is not a whole number from 1 to 2^32", () => {
    expect(() => streamFor(1, 0, 0).fillUniformInts(new Int32Array(2), 0)).toThrow(/fillUniformInts/);
    expect(() => streamFor(1, 0, 0).fillUniformInts(new Int32Array(0), 0)).not.toThrow();
  });
});

describe("streamFor derives one documented stream per (seed, outcome, row, sample)", () => {
  // Expected states and outputs from test/stats/reference/random.c, which follows the derivation in
  // the JSDoc of src/stats/random-stream.ts with SplitMix64 from https://prng.di.unimi.it/splitmix64.c.
  const reference: [number, number, number, StreamSample, number[], number[]][] = [
    [1, 0, 0, "referred", [4173252837, 881605914, 805342459, 3897079155], [1398720795, 1872944678, 1417129917]],
    [1, 0, -1, "referred", [2275904363, 3466213190, 1125097777, 4274961035], [2379982628, 1737422561, 774910528]],
    [1, 1, 2, "comparison", [2104147345, 1890477972, 3614731463, 1914991515], [1411023585, 2282753586, 3937919952]],
    [0, 0, 0, "referred", [1801442398, 2024692378, 1750674929, 3112786475], [1391889045, 1381509725, 3286453243]],
    [-7, 1, 3, "referred", [2190838886, 2171287242, 853466122, 1657753502], [3964715867, 1493539658, 3711650879]],
    [Number.MAX_SAFE_INTEGER, 0, 0, "comparison", [2621120324, 810494332, 1002535478, 3468124379], [4112869944, 1865367379, 2397796736]],
    [1, 0, -1, "referred_months", [758413114, 93555518, 1771943512, 3774069431], [2008871797, 2676561723, 1847256867]],
    [1, 3, -1, "comparison_months", [3764304981, 2239996542, 245847116, 1099224385], [298325429, 1066012140, 4028252960]],
  ];
  it.each(reference)("stream(%d, %d, %d, %s)", (seed, outcome, row, sample, state, outputs) => {
    expect(streamState(seed, outcome, row, sample)).toEqual(state);
    const generator = streamFor(seed, outcome, row, sample);
    expect([generator.nextUint32(), generator.nextUint32(), generator.nextUint32()]).toEqual(outputs);
  });

  // A breakdown row's stream: the same reference program, with its group hashed by FNV-1a.
  const groups: [number, number, number, StreamSample, string, number[], number[]][] = [
    [1, 0, 0, "referred", "age_band=35-54", [2562894971, 652942898, 4210905046, 2677883144], [2854709353, 3091888908, 1066703843]],
    [1, 2, -1, "referred", "sex=F", [675783540, 4291685812, 560820900, 2661601566], [2573489783, 1389284785, 1850889465]],
  ];
  it.each(groups)("stream(%d, %d, %d, %s, %s)", (seed, outcome, row, sample, group, state, outputs) => {
    expect(streamState(seed, outcome, row, sample, group)).toEqual(state);
    const generator = streamFor(seed, outcome, row, sample, group);
    expect([generator.nextUint32(), generator.nextUint32(), generator.nextUint32()]).toEqual(outputs);
  });

  it("fixes the outcome indices by outcome (the spec's order), and gives Total its own row index", () => {
    const indices = Object.fromEntries(BUILT_IN_OUTCOMES.map((outcome) => [outcome.id, outcome.streamIndex]));
    expect(indices).toEqual({ ae_attendances: 0, unplanned_admissions: 1, emergency_bed_days: 2, outpatient_attendances: 3 });
    expect(TOTAL_ROW_INDEX).toBe(-1);
  });

  it("gives a custom outcome a stream from its id, past every built-in one, whatever its place in the list", () => {
    const gp = customOutcome({ id: "gp_appointments", label: "GP appointments" });
    const again = customOutcome({ id: "gp_appointments", label: "GP visits" });
    const other = customOutcome({ id: "nhs111_calls", label: "NHS 111 calls" });
    expect(gp.streamIndex).toBe(again.streamIndex);
    expect(gp.streamIndex).not.toBe(other.streamIndex);
    expect(gp.streamIndex).toBeGreaterThanOrEqual(1000);
  });

  it("refuses a seed or index that is not a safe integer", () => {
    expect(() => streamFor(1.5, 0, 0)).toThrow(/streamFor: seed/);
    expect(() => streamFor(1, 0, 2 ** 60)).toThrow(/streamFor: rowIndex/);
  });
});
