import { describe, expect, it } from "vitest";
import { suppressResult } from "../../src/disclosure/suppress.js";
import { escapeHtml, html } from "../../src/render/html/escape.js";
import { niceAxis } from "../../src/render/html/charts.js";
import { wrapWords } from "../../src/render/html/flow-diagram.js";
import { renderHtml } from "../../src/render/html.js";
import type { Result } from "../../src/result.js";
import { fullResult, HOSTILE, hostileResult, smallResult } from "./results.js";

/** The report's structure, one line per landmark: what a reader finds, in order, without the styling. */
function outline(page: string): string {
  const lines: string[] = [];
  const landmark = /<(section) id="([^"]+)"|<(h[123])[^>]*>(.*?)<\/h[123]>|<svg class="([\w ]+)"[\s\S]*?<\/svg>|<table[\s\S]*?<\/table>|<(p) class="(disclosure|headline|interval)">(.*?)<\/p>|<ul class="(warnings|card-warnings)">([\s\S]*?)<\/ul>/g;
  for (const match of page.matchAll(landmark)) {
    const [whole] = match;
    if (match[1]) lines.push(`section #${match[2]}`);
    else if (match[3]) lines.push(`${"  ".repeat(Number(match[3][1]) - 1)}${match[3]} ${match[4]}`);
    else if (match[5]) {
      const count = (tag: string) => (whole.match(new RegExp(`<${tag}[ >]`, "g")) ?? []).length;
      lines.push(`    svg.${match[5].replace(" ", ".")}: ${count("rect")} rect, ${count("circle")} circle, ${count("line")} line, ${count("text")} text`);
    } else if (whole.startsWith("<table")) {
      const rows = whole.match(/<tr[ >]/g)?.length ?? 0;
      const columns = whole.match(/<tr[^>]*>([\s\S]*?)<\/tr>/)?.[1]?.match(/<t[hd][ >]/g)?.length ?? 0;
      lines.push(`    table ${rows} rows × ${columns} columns${whole.includes('class="total"') ? ", total row" : ""}`);
    } else if (match[6]) lines.push(`    p.${match[7]} ${match[8]!.replace(/<[^>]+>/g, "").slice(0, 40)}`);
    else if (match[9]) lines.push(`    ul.${match[9]} ${match[10]!.match(/<li>/g)?.length} items`);
  }
  return `${lines.join("\n")}\n`;
}

describe("html: one self-contained page", () => {
  it("has the structure of the reviewed report (golden outline)", async () => {
    await expect(outline(renderHtml(await fullResult()))).toMatchFileSnapshot("golden/full.html-outline.txt");
    await expect(outline(renderHtml(await smallResult()))).toMatchFileSnapshot("golden/small.html-outline.txt");
  });

  it("needs no network and no script: inline CSS and SVG only, and a policy that forbids the rest", async () => {
    for (const page of [renderHtml(await fullResult()), renderHtml(await smallResult())]) {
      expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|https?:|src=|href=/i);
      expect(page.match(/url\(([^)]*)\)/g)?.every((ref) => /^url\(#flow\d-arrowhead\)$/.test(ref)) ?? true).toBe(true);
      expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">`);
      const style = page.match(/<style>([\s\S]*?)<\/style>/)![1]!;
      expect(style).toContain("@media print");
      expect(style).toContain("@media (max-width");
    }
  });

  it("keeps its style sheet unescaped (entities are not decoded inside <style>)", async () => {
    const style = renderHtml(await smallResult()).match(/<style>([\s\S]*?)<\/style>/)![1]!;
    expect(style).toContain(`"Segoe UI"`);
    expect(style).not.toContain("&quot;");
  });

  it("draws a chart per outcome, a flow diagram per group and a table per figure set", async () => {
    const page = renderHtml(await fullResult());
    expect(page.match(/<svg class="chart"/g)).toHaveLength(4);
    expect(page.match(/<svg class="flow"/g)).toHaveLength(2);
    for (const id of ["figures", "statistics", "prior", "comparison", "costs"]) {
      expect(page).toContain(`id="ae_attendances-${id}"`);
      expect(page).toContain(`id="unplanned_admissions-${id}"`);
    }
  });

  it("draws each outcome's months as a chart: the two groups' lines broken at the index day, with their bands, the windows shaded", async () => {
    const page = renderHtml(await fullResult());
    const charts = page.match(/<svg class="chart months"[\s\S]*?<\/svg>/g)!;
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      // One line before the index day and one after, for each group; a band under each.
      expect(chart.match(/<polyline class="line referred"/g)).toHaveLength(2);
      expect(chart.match(/<polyline class="line comparison"/g)).toHaveLength(2);
      expect(chart.match(/<polygon class="band referred"/g)).toHaveLength(2);
      expect(chart.match(/<rect class="window"/g)).toHaveLength(2);
      expect(chart).toContain('class="index-day"');
      // Months −6 … −1 and +1 … +6, 12 dots a group: the index day is not a month.
      expect(chart.match(/<circle class="dot referred"/g)).toHaveLength(12);
    }
  });

  it("draws no point for a month withheld by suppression, breaking its line there", async () => {
    const result = await fullResult();
    const month = result.outcomes[0]!.months!.referred.months[3]!;
    month.count = 4;
    const chart = renderHtml(suppressResult(result)).match(/<svg class="chart months"[\s\S]*?<\/svg>/)![0];
    expect(chart.match(/<polyline class="line referred"/g)).toHaveLength(3);
    expect(chart.match(/<circle class="dot referred"/g)).toHaveLength(11);
    expect(chart.match(/<g class="series referred">[\s\S]*?<\/g>/)![0]).not.toContain("<title>-3:");
  });

  it("shows the suppression note and * for what was withheld, drawing no bar for it", async () => {
    const page = renderHtml(suppressResult(await fullResult()));
    expect(page).toContain(`<p class="disclosure">`);
    expect(page).toMatch(/nearest 5/);
    expect(page).toMatch(/<th scope="row" class="left">Pilot: young carers<\/th><td class="right">10<\/td><td class="right">\*<\/td>/);
    expect(page).toMatch(/<rect class="pre" x="[\d.]+" y="[\d.]+" width="0" height="11"\/><text [^>]*>\*<\/text>/);
  });
});

describe("html: each headline card says how far to trust its figure", () => {
  /** The cards of a page, in outcome order (a card holds no other div). */
  const cards = (page: string) => [...page.matchAll(/<div class="card(?: fragile)?">[\s\S]*?<\/div>/g)].map((m) => m[0]);

  it("says in words whether the 95% interval includes no change", async () => {
    // The full result's Totals: A&E -24.1 to -15.9 (below 0), admissions -10.9 to +0.6 (across 0).
    const [ae, admissions] = cards(renderHtml(await fullResult()));
    expect(ae).toContain("The 95% interval (-24.10% to -15.90%) is all a fall.");
    expect(admissions).toContain("The 95% interval (-10.90% to +0.60%) includes no change.");
    // Their differences in differences: -19.9 to -7 pp (below 0) and -12 to +6.6 pp (across 0).
    expect(ae).toContain("The 95% interval (-19.90 pp to -7.00 pp) is all below the comparison group&#39;s change.");
    expect(admissions).toContain("The 95% interval (-12.00 pp to +6.60 pp) includes no difference.");
  });

  it("says so for an interval that is all a rise, or that touches 0", async () => {
    const result = await fullResult();
    Object.assign(result.outcomes[0]!.total, { ci_low: 2.5, ci_high: 30 });
    Object.assign(result.outcomes[1]!.total, { ci_low: -12, ci_high: 0 });
    const [ae, admissions] = cards(renderHtml(result));
    expect(ae).toContain("The 95% interval (+2.50% to +30.00%) is all a rise.");
    expect(admissions).toContain("The 95% interval (-12.00% to 0.00%) includes no change.");
  });

  it("carries the Total's warnings and is marked fragile, a sturdy card not", async () => {
    const result: Result = await fullResult();
    const warning = "Fewer than 30 patients (23): a change in so small a group can easily be chance.";
    result.outcomes[0]!.total.warnings = [warning];
    const [ae, admissions] = cards(renderHtml(result));
    expect(ae).toMatch(/^<div class="card fragile">/);
    expect(ae).toContain("<strong>Not a finding on its own:</strong>");
    expect(ae).toContain(`<ul class="card-warnings"><li>${warning}</li></ul>`);
    expect(admissions).toMatch(/^<div class="card">/);
    expect(admissions).not.toContain("card-warnings");
  });

  it("says that intervals are off with --bootstrap 0", async () => {
    for (const card of cards(renderHtml(await smallResult()))) {
      expect(card).toContain("No 95% interval: intervals are off (--bootstrap 0)");
      expect(card).toMatch(/^<div class="card fragile">/); // the small example's Totals have 4 patients
    }
  });

  it("says that no interval could be computed where intervals were on but gave none", async () => {
    const result = await fullResult(); // settings.bootstrap 2000
    Object.assign(result.outcomes[1]!.total, { ci_low: null, ci_high: null });
    const [, admissions] = cards(renderHtml(result));
    expect(admissions).toContain("No 95% interval could be computed: too many resamples of these patients had no events before");
  });

  it("says that an interval is withheld under --suppress, and a withheld change", async () => {
    const result = await fullResult();
    // A&E Total: 5 patients with the prior window covered (suppressed); the change itself is shown.
    Object.assign(result.outcomes[0]!.total, { prior_patients: 5 });
    // Admissions Total: 6 events after (suppressed), so the change is withheld too.
    Object.assign(result.outcomes[1]!.total, { post: 6 });
    const [ae, admissions] = cards(renderHtml(suppressResult(result)));
    expect(ae).toContain("Its 95% interval is withheld (*): a count in this row is suppressed");
    expect(ae).not.toMatch(/-24\.10%|-15\.90%|-19\.90 pp/);
    expect(admissions).toContain(`<p class="headline">*</p>`);
    expect(admissions).toContain("The change is withheld (*): a count it is computed from is suppressed.");
    expect(admissions).not.toMatch(/-10\.90%|\+0\.60%/);
  });
});

describe("html: every text from the input is escaped", () => {
  it("escapes the five characters that matter", () => {
    expect(escapeHtml(HOSTILE.script)).toBe("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
    expect(escapeHtml("it's")).toBe("it&#39;s");
    expect(html`<td title="${`" onmouseover="x`}">${"<b>"}</td>`.text).toBe(`<td title="&quot; onmouseover=&quot;x">&lt;b&gt;</td>`);
  });

  it("shows hostile labels, file names and skipped reasons as text, never as markup", async () => {
    const page = renderHtml(await hostileResult());
    expect(page).not.toMatch(/<script|<img|<b>not/i);
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
    expect(page).toContain("&lt;img src=x onerror=alert(2)&gt;.csv");
    expect(page).toContain("must be a real date &lt;b&gt;not&lt;/b&gt;");
    // every tag in the page is one the renderer writes
    const tags = new Set([...page.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
    const written = ["html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "h3", "p", "strong", "div", "section", "figure", "figcaption", "svg", "g", "rect", "text", "tspan", "line", "circle", "polyline", "polygon", "defs", "marker", "path", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "footer"];
    expect([...tags].filter((tag) => !written.includes(tag))).toEqual([]);
  });
});

describe("html: chart geometry", () => {
  it("chooses round axis steps covering the figures", () => {
    expect(niceAxis(0, 0.69)).toEqual({ low: 0, high: 0.8, step: 0.2 });
    expect(niceAxis(-100, 25)).toEqual({ low: -100, high: 50, step: 50 });
    expect(niceAxis(0, 0)).toEqual({ low: 0, high: 1, step: 0.2 });
  });
  it("wraps words to a box's width", () => {
    expect(wrapWords("Excluded: look-back or follow-up not fully covered", 20)).toEqual(["Excluded: look-back", "or follow-up not", "fully covered"]);
  });
});
