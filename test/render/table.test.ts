import { describe, expect, it } from "vitest";
import { resolveRun } from "../../src/config/resolve-run.js";
import { evaluateCounts } from "../../src/evaluate.js";
import { formatChange, formatCount, formatRate } from "../../src/render/numbers.js";
import { renderTable } from "../../src/render/table.js";
import { suppressResult } from "../../src/disclosure/suppress.js";

describe("table: figures as the Involve report prints them", () => {
  it("uses thousands separators for counts", () => {
    expect(formatCount(5908)).toBe("5,908");
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(0)).toBe("0");
  });
  it("gives rates to two places, rounded", () => {
    expect(formatRate(0.24428)).toBe("0.24");
    expect(formatRate(0.6332)).toBe("0.63");
    expect(formatRate(0.676)).toBe("0.68");
    expect(formatRate(null)).toBe("n/a");
  });
  it("gives changes to two places with a sign", () => {
    expect(formatChange(-20.264046)).toBe("-20.26%");
    expect(formatChange(3)).toBe("+3.00%");
    expect(formatChange(0)).toBe("0.00%");
    expect(formatChange(-0.001)).toBe("0.00%");
    expect(formatChange(null)).toBe("n/a");
  });
});

describe("table: the rendering of the small example (golden file)", () => {
  it("matches the reviewed output", async () => {
    const result = await evaluateCounts(await resolveRun({ config: "fixtures/small/evaluation.json", bootstrap: 0 }));
    await expect(renderTable(result)).toMatchFileSnapshot("golden/small.table.txt");
  });

  it("puts every count through --suppress, the patient and row accounts included", async () => {
    const result = await evaluateCounts(await resolveRun({ config: "fixtures/small/evaluation.json", bootstrap: 0, suppress: true }));
    await expect(renderTable(suppressResult(result))).toMatchFileSnapshot("golden/small.suppressed.table.txt");
  });
});
