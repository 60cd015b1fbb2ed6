import { describe, expect, it } from "vitest";
import { caseOrder, matchOrderStream } from "../../src/match/case-order.js";
import { streamFor } from "../../src/stats/random-stream.js";

describe("matching.md: cases are taken in a random order from --seed", () => {
  it("is a permutation of the cases, the same for the same seed", () => {
    const order = caseOrder(1000, 1);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(caseOrder(1000, 1)).toEqual(order);
    expect(caseOrder(1000, 2)).not.toEqual(order);
  });

  it("is Durstenfeld's shuffle: from the last position down, position i swapped with uniformInt(i + 1)", () => {
    const random = matchOrderStream(42);
    const expected = [0, 1, 2, 3, 4, 5, 6, 7];
    for (let i = expected.length - 1; i > 0; i--) {
      const j = random.uniformInt(i + 1);
      [expected[i], expected[j]] = [expected[j]!, expected[i]!];
    }
    expect([...caseOrder(8, 42)]).toEqual(expected);
  });

  it("uses a stream of its own, not any bootstrap's", () => {
    const order = matchOrderStream(1);
    const bootstrap = streamFor(1, 0, 0);
    expect([order.nextUint32(), order.nextUint32()]).not.toEqual([bootstrap.nextUint32(), bootstrap.nextUint32()]);
  });

  it("has nothing to shuffle for no case or one", () => {
    expect([...caseOrder(0, 1)]).toEqual([]);
    expect([...caseOrder(1, 1)]).toEqual([0]);
  });
});
