import { describe, expect, it } from "vitest";
import { suppressResult } from "../../src/disclosure/suppress.js";
import { escapeHtml, html } from "../../src/render/html/escape.js";
import { niceAxis } from "../../src/render/html/charts.js";
import { wrapWords } from "../../src/render/html/flow-diagram.js";
import { renderHtml } from "../../src/render/html.js";
import { fullResult, HOSTILE, hostileResult, smallResult } from "./results.js";

/** The report's structure, one line per landmark: what a reader finds, in order, without the styling. */
function outline(page: string): string {
  const lines: string[] = [];
  const landmark = /<(section) id="([^"]+)"|<(h[123])[^>]*>(.*?)<\/h[123]>|<svg class="(\w+)"[\s\S]*?<\/svg>|<table[\s\S]*?<\/table>|<(p) class="(disclosure|headline)">(.*?)<\/p>|<ul class="(warnings)">([\s\S]*?)<\/ul>/g;
  for (const match of page.matchAll(landmark)) {
    const [whole] = match;
    if (match[1]) lines.push(`section #${match[2]}`);
    else if (match[3]) lines.push(`${"  ".repeat(Number(match[3][1]) - 1)}${match[3]} ${match[4]}`);
    else if (match[5]) {
      const count = (tag: string) => (whole.match(new RegExp(`<${tag}[ >]`, "g")) ?? []).length;
      lines.push(`    svg.${match[5]}: ${count("rect")} rect, ${count("circle")} circle, ${count("line")} line, ${count("text")} text`);
    } else if (whole.startsWith("<table")) {
      const rows = whole.match(/<tr[ >]/g)?.length ?? 0;
      const columns = whole.match(/<tr[^>]*>([\s\S]*?)<\/tr>/)?.[1]?.match(/<t[hd][ >]/g)?.length ?? 0;
      lines.push(`    table ${rows} rows × ${columns} columns${whole.includes('class="total"') ? ", total row" : ""}`);
    } else if (match[6]) lines.push(`    p.${match[7]} ${match[8]!.replace(/<[^>]+>/g, "").slice(0, 40)}`);
    else if (match[9]) lines.push(`    ul.warnings ${match[10]!.match(/<li>/g)?.length} items`);
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

  it("shows the suppression note and * for what was withheld, drawing no bar for it", async () => {
    const page = renderHtml(suppressResult(await fullResult()));
    expect(page).toContain(`<p class="disclosure">`);
    expect(page).toMatch(/nearest 5/);
    expect(page).toMatch(/<th scope="row" class="left">Pilot: young carers<\/th><td class="right">10<\/td><td class="right">\*<\/td>/);
    expect(page).toMatch(/<rect class="pre" x="[\d.]+" y="[\d.]+" width="0" height="11"\/><text [^>]*>\*<\/text>/);
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
    const written = ["html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "h3", "p", "strong", "div", "section", "figure", "figcaption", "svg", "g", "rect", "text", "tspan", "line", "circle", "defs", "marker", "path", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "footer"];
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
