import { describe, expect, it } from "vitest";
import { suppressResult } from "../../src/disclosure/suppress.js";
import { markdownText, renderMarkdown } from "../../src/render/markdown.js";
import { fullResult, HOSTILE, hostileResult, smallByAgeResult, smallResult } from "./results.js";

describe("markdown: the Involve-style tables for papers and wikis (golden files)", () => {
  it("renders the small example", async () => {
    await expect(renderMarkdown(await smallResult())).toMatchFileSnapshot("golden/small.md");
  });
  it("renders every statistic, the comparison group, costs and warnings where the result has them", async () => {
    await expect(renderMarkdown(await fullResult())).toMatchFileSnapshot("golden/full.md");
  });
  it("renders a suppressed result with * and the note", async () => {
    await expect(renderMarkdown(suppressResult(await fullResult()))).toMatchFileSnapshot("golden/full.suppressed.md");
  });
  it("renders breakdown tables under each outcome's cohort table, the Total's groups in bold, suppressed too", async () => {
    await expect(renderMarkdown(await smallByAgeResult())).toMatchFileSnapshot("golden/small.by-age.md");
    await expect(renderMarkdown(suppressResult(await smallByAgeResult()))).toMatchFileSnapshot("golden/small.by-age.suppressed.md");
  });
  it("stays clean without the statistics: no empty columns or tables", async () => {
    // A result as a library user might build it: rule 5's figures only, no statistics.json fields.
    const result = await smallResult();
    const STATISTICS = ["pre_any_pct", "post_any_pct", "test", "p_value", "ci_low", "ci_high", "prior_patients", "prior", "prior_pre", "prior_change_pct", "warnings"];
    for (const outcome of result.outcomes) {
      for (const row of [...outcome.cohorts, outcome.total]) for (const field of STATISTICS) delete (row as unknown as Record<string, unknown>)[field];
    }
    const text = renderMarkdown(result);
    expect(text).not.toMatch(/95% CI|Wilcoxon|regression to the mean|comparison group|cost|Suppression/i);
  });

  it("shows no comparison, cost or suppression tables where the run had none", async () => {
    expect(renderMarkdown(await smallResult())).not.toMatch(/comparison group|cost|Suppression/i);
  });
});

describe("markdown: text from the input cannot break a table or become markup", () => {
  it("escapes what Markdown and HTML act on", () => {
    expect(markdownText(HOSTILE.script)).toBe(`\\<script\\>alert(1)\\</script\\> & "quotes"`);
    expect(markdownText("a | b")).toBe("a \\| b");
    expect(markdownText("[x](http://evil) *y* _z_ `c` &amp;")).toBe("\\[x\\](http://evil) \\*y\\* \\_z\\_ \\`c\\` \\&amp;");
    expect(markdownText("two\nlines\r\nhere")).toBe("two lines here");
  });
  it("keeps every table row's cell count whatever the labels", async () => {
    const text = renderMarkdown(await hostileResult());
    expect(text).not.toContain("<script>");
    for (const line of text.split("\n").filter((l) => l.startsWith("|"))) {
      const cells = line.replace(/\\\|/g, "").split("|").length;
      expect(cells).toBeGreaterThan(2);
    }
    const figures = text.split("\n").filter((l) => l.startsWith("| ") && l.includes("0.24"));
    for (const line of figures) expect(line.replace(/\\\|/g, "").split("|").length).toBe(10);
  });
});
