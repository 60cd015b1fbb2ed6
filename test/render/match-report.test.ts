import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveRun } from "../../src/config/resolve-run.js";
import { suppressResult } from "../../src/disclosure/suppress.js";
import { evaluateCounts } from "../../src/evaluate.js";
import { renderAttritionCsv } from "../../src/render/attrition-csv.js";
import { renderCsv } from "../../src/render/csv.js";
import { renderHtml } from "../../src/render/html.js";
import { renderJson } from "../../src/render/json.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderMatchCsv } from "../../src/render/match-csv.js";
import { renderTable } from "../../src/render/table.js";
import type { Result } from "../../src/result.js";
import { plantedPopulation, writePlanted } from "../match/planted-population.js";

/** A small planted population (test/match/planted-population.ts), evaluated with --match, intervals off. */
let dir = "";
let result: Result;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "prepost-match-render-"));
  const config = await writePlanted(dir, plantedPopulation({ people: 3000, seed: 5, keep: 0.8 }));
  result = await evaluateCounts(await resolveRun({ config, match: true, bootstrap: 0, ratio: 2 }));
  // The temporary folder's name is in no golden file.
  for (const extract of ["referrals", "ae", "population"]) result.inputs[extract] = `${extract}.csv`;
}, 60_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the match report in every format (golden files)", () => {
  it("table, Markdown and HTML carry the cases, the unmatched by reason, controls per case, the balance and its warnings", async () => {
    await expect(renderTable(result)).toMatchFileSnapshot("golden/matched.table.txt");
    await expect(renderMarkdown(result)).toMatchFileSnapshot("golden/matched.md");
    const html = renderHtml(result);
    expect(html).toContain('<svg class="chart love"');
    expect(html).toContain("What it cannot show");
    expect(html.match(/class="smd-after"/g)!.length).toBe(result.match!.balance.rows.filter((row) => row.smd_after !== null).length + 1);
  });

  it("JSON holds the report as the result's match block; the CSVs hold it as rows", async () => {
    const json = JSON.parse(renderJson(result)) as Result;
    expect(Object.keys(json.match!)).toEqual(["cases", "matched", "controls", "unmatched", "controls_per_case", "variables", "balance", "warnings"]);
    expect(Object.keys(json.match!.balance.rows[0]!)).toEqual([
      "variable", "category", "cases", "pool", "matched_cases", "controls", "smd_before", "smd_after", "variance_ratio_before", "variance_ratio_after",
    ]);
    await expect(renderMatchCsv(result)).toMatchFileSnapshot("golden/matched.match.csv");
    await expect(renderAttritionCsv(result)).toMatchFileSnapshot("golden/matched.attrition.csv");
    expect(renderCsv(result).split("\n")[0]).toContain("matched_cases_patients,matched_cases_unmatched");
  });

  it("under --suppress, counts are rounded and shares of few people withheld with their SMDs", async () => {
    const published = suppressResult(result);
    const match = published.match!;
    expect(match.cases! % 5).toBe(0);
    const small = match.balance.rows.filter((row) => row.suppressed?.length);
    for (const row of small) expect(row.smd_after).toBeNull();
    await expect(renderTable(published)).toMatchFileSnapshot("golden/matched.suppressed.table.txt");
  });
});
