import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveRun } from "../../src/config/resolve-run.js";
import { evaluateCounts } from "../../src/evaluate.js";
import { renderHtml } from "../../src/render/html.js";
import { fullResult } from "./results.js";

/**
 * (Code run in the page is written as strings: the project's TypeScript has no DOM types.)
 *
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core (never a
 * downloaded browser). `.ci/run` installs it, so CI always runs this; elsewhere, without it, only
 * this file is skipped, and it says so loudly. Screenshots and a PDF go to `__output__/` (ignored
 * by git) for a person to look at.
 */
const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const OUTPUT = new URL("__output__/", import.meta.url);
const WEST_KENT = "fixtures/west-kent/evaluation.json";
const SMALL = "fixtures/small/evaluation.json";

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `\n${"!".repeat(78)}\n! SKIPPED: the HTML report's browser test needs Chromium at ${CHROMIUM}\n! (Debian: apt-get install -y chromium). Nothing else is skipped.\n${"!".repeat(78)}\n`,
  );
}

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function open(browser: Browser, file: URL, viewport: { width: number; height: number }): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(file.href);
  return { page, requests };
}

/** Every element matching `selector` is laid out with a non-zero box. */
async function boxes(page: Page, selector: string): Promise<{ width: number; height: number }[]> {
  const all = page.locator(selector);
  const found: { width: number; height: number }[] = [];
  for (let i = 0; i < (await all.count()); i++) {
    const box = await all.nth(i).boundingBox();
    found.push({ width: box?.width ?? 0, height: box?.height ?? 0 });
  }
  return found;
}

describe.skipIf(!hasChromium)("the HTML report in headless Chromium", () => {
  let browser: Browser;
  const reports: { name: string; file: URL; outcomes: number; flows: number }[] = [];

  beforeAll(async () => {
    await mkdir(OUTPUT, { recursive: true });
    // The West Kent report where its fixture exists; the small example otherwise.
    const config = existsSync(WEST_KENT) ? WEST_KENT : SMALL;
    const evaluated = await evaluateCounts(await resolveRun({ config, bootstrap: 200 }));
    const full = await fullResult();
    for (const [name, result] of [[config === WEST_KENT ? "west-kent" : "small", evaluated], ["full", full]] as const) {
      const file = new URL(`${name}.html`, OUTPUT);
      await writeFile(file, renderHtml(result));
      reports.push({ name, file, outcomes: result.outcomes.length, flows: result.comparison_attrition ? 2 : 1 });
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("shows every table, chart and flow diagram, on a desktop and on a phone, asking the network for nothing", async () => {
    for (const report of reports) {
      for (const [size, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
        const { page, requests } = await open(browser, report.file, viewport);
        const where = `${report.name} on a ${size}`;
        const tables = await boxes(page, "table");
        expect(tables.length, where).toBeGreaterThanOrEqual(report.outcomes + 3);
        for (const box of tables) expect(box.width * box.height, where).toBeGreaterThan(0);
        const charts = await boxes(page, "svg.chart");
        // Per outcome: events per patient, the change, and the months around the index date.
        expect(charts, where).toHaveLength(3 * report.outcomes);
        for (const box of charts) expect(box.height, where).toBeGreaterThan(100);
        const flows = await boxes(page, "svg.flow");
        expect(flows, where).toHaveLength(report.flows);
        for (const box of flows) expect(box.height, where).toBeGreaterThan(100);
        expect(await page.locator("svg.chart rect.post").count(), where).toBeGreaterThan(0);
        // The page itself never scrolls sideways: wide tables scroll inside their own box.
        expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), where).toBe(true);
        expect(requests, where).toEqual([report.file.href]);
        await page.screenshot({ path: new URL(`${report.name}-${size}.png`, OUTPUT).pathname, fullPage: true });
        await page.close();
      }
    }
  });

  it("shows on each card, on a phone, what its interval says and a fragile Total's warnings", async () => {
    // The small example: 4 patients in each Total, so both cards are fragile.
    const small = await evaluateCounts(await resolveRun({ config: SMALL, bootstrap: 200 }));
    const file = new URL("small-cards.html", OUTPUT);
    await writeFile(file, renderHtml(small));
    const { page } = await open(browser, file, PHONE);
    const cards = page.locator(".card");
    expect(await cards.count()).toBe(small.outcomes.length);
    for (let i = 0; i < small.outcomes.length; i++) {
      const card = cards.nth(i);
      expect(await card.locator(".interval").innerText()).toMatch(/^The 95% interval \(.+\) (includes no change|is all a fall|is all a rise)\.$|^No 95% interval could be computed: too many resamples/);
      expect(await card.locator(".card-warnings li").first().innerText()).toMatch(/^Fewer than 30 patients \(4\)/);
      for (const box of await boxes(page, `.card:nth-child(${i + 1}) .card-warnings li`)) expect(box.width * box.height).toBeGreaterThan(0);
    }
    await page.screenshot({ path: new URL("small-cards-phone.png", OUTPUT).pathname, fullPage: false });
    await page.close();
  });

  it("prints to PDF", async () => {
    for (const report of reports) {
      const { page } = await open(browser, report.file, DESKTOP);
      await page.emulateMedia({ media: "print" });
      expect(await page.evaluate("getComputedStyle(document.querySelector('.table-scroll')).overflowX")).toBe("visible");
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      await writeFile(new URL(`${report.name}.pdf`, OUTPUT), pdf);
      await page.close();
    }
  });
});
