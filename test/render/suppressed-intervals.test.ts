import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { suppressResult } from "../../src/disclosure/suppress.js";
import { renderCsv } from "../../src/render/csv.js";
import { renderHtml } from "../../src/render/html.js";
import { renderJson } from "../../src/render/json.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderTable } from "../../src/render/table.js";
import type { CohortFigures } from "../../src/result.js";
import { csv, runCli, workspace } from "../helpers.js";
import { fullResult } from "./results.js";

/**
 * Under --suppress, a row with a count from 1 to 7 shows none of its intervals or p-values, in any
 * format; a row with no suppressed count keeps them as computed. The hand-made full result has one
 * such row per outcome, the pilot: A&E 12 patients (→ 10), 7 before and 3 after (both 1-7, so *);
 * its other rows have every count over 7. Expected texts are those figures as the tables print them.
 */
const PILOT = "Pilot: young carers";
const CARERS = "Adult 'Carers'";

async function published() {
  return suppressResult(await fullResult());
}

describe("--suppress withholds the intervals and p-value of a row with a suppressed count, in every format", () => {
  it("json: null, and named in the row's suppressed list; the other rows' as computed", async () => {
    const json = JSON.parse(renderJson(await published()));
    const [pilot, carers, total] = [json.outcomes[0].cohorts[4], json.outcomes[0].cohorts[0], json.outcomes[0].total] as [CohortFigures, CohortFigures, CohortFigures];
    expect(pilot).toMatchObject({ label: PILOT, p_value: null, ci_low: null, ci_high: null, did_ci_low: null, did_ci_high: null });
    expect(pilot.comparison).toMatchObject({ ci_low: null, ci_high: null });
    expect(pilot.suppressed).toEqual(expect.arrayContaining(["p_value", "ci_low", "ci_high", "comparison_ci_low", "comparison_ci_high", "did_ci_low", "did_ci_high"]));
    expect(carers).toMatchObject({ label: CARERS, p_value: 0.0021, ci_low: -29.4, ci_high: -9.1, did_ci_low: -27.1, did_ci_high: 1.2 });
    expect(total).toMatchObject({ ci_low: -24.1, ci_high: -15.9 });
  });

  it("csv: * in every interval and p-value column of the row", async () => {
    const rows = parse(renderCsv(await published()), { columns: true }) as Record<string, string>[];
    const pilot = rows.find((row) => row.outcome === "ae_attendances" && row.label === PILOT)!;
    for (const column of ["p_value", "ci_low", "ci_high", "comparison_ci_low", "comparison_ci_high", "did_ci_low", "did_ci_high"]) {
      expect(pilot[column], column).toBe("*");
    }
    const carers = rows.find((row) => row.outcome === "ae_attendances" && row.label === CARERS)!;
    expect(carers).toMatchObject({ p_value: "0.0021", ci_low: "-29.4", ci_high: "-9.1", did_ci_low: "-27.1" });
  });

  it("markdown: * in the interval and p columns of the row", async () => {
    const lines = renderMarkdown(await published()).split("\n");
    const pilotLines = lines.filter((line) => line.startsWith(`| ${PILOT} |`));
    // Per outcome: figures (… | 95% CI), statistics (… | p), prior check, comparison (… CI | DiD | CI), costs.
    expect(pilotLines[0]).toBe(`| ${PILOT} | 10 | \\* | \\* | \\* | \\* | \\* | \\* |`);
    expect(pilotLines[1]).toBe(`| ${PILOT} | \\* | \\* | \\* |`);
    expect(pilotLines[3]).toBe(`| ${PILOT} | 10 | \\* | \\* | \\* | \\* | \\* | \\* |`);
    expect(lines).toContain("| Adult 'Carers' | 1,485 | 365 | 290 | 0.25 | 0.20 | -20.55% | -29.40% to -9.10% |");
  });

  it("table: * for the row's interval, p and the comparison's intervals", async () => {
    const lines = renderTable(await published()).split("\n");
    const pilotLines = lines.filter((line) => line.startsWith(PILOT));
    expect(pilotLines[0]).toMatch(/\s\*$/);
    expect(pilotLines[0]).not.toMatch(/%/);
    expect(pilotLines[1]).toMatch(/^Pilot: young carers\s+\*\s+\*\s+\*$/);
    expect(pilotLines[3]).not.toMatch(/%|pp/);
    expect(lines.find((line) => line.startsWith(CARERS))).toMatch(/-29\.40% to -9\.10%$/);
  });

  it("html: * in the tables, and no whisker drawn for the row", async () => {
    const page = renderHtml(await published());
    const pilotRows = [...page.matchAll(/<tr><th scope="row" class="left">Pilot: young carers<\/th>(.*?)<\/tr>/g)].map((m) => m[1]!);
    expect(pilotRows[0]).not.toMatch(/%/);
    expect(pilotRows[0]!.match(/<td[^>]*>([^<]*)<\/td>$/)![1]).toBe("*");
    expect(pilotRows[1]).toBe(`<td class="right">*</td><td class="right">*</td><td class="right">*</td>`);
    expect(pilotRows[3]).not.toMatch(/%|pp/);
    expect(page).toContain(`<td class="right">-29.40% to -9.10%</td>`);
  });
});

describe("--suppress end to end: a tiny run's intervals and p-values are null", () => {
  it("withholds them in the JSON a run writes, for the cohort and the Total alike", async () => {
    // Three patients, each with one attendance before and none after: every count is 1-7.
    const ws = await workspace({
      "referrals.csv": csv`
        patient_id,cohort,intervention_date
        p1,A,2021-06-15
        p2,A,2021-06-15
        p3,A,2021-06-15
      `,
      "ae.csv": csv`
        patient_id,arrival_date
        p1,2021-05-01
        p2,2021-05-02
        p3,2021-05-03
      `,
    });
    const run = await runCli([
      "evaluate", "--referrals", ws.path("referrals.csv"), "--ae", ws.path("ae.csv"), "--data-start", "2020-01-01", "--data-end", "2022-12-31",
      "--bootstrap", "200", "--suppress", "--format", "json",
    ]);
    expect(run.stderr).toBe("");
    const outcome = JSON.parse(run.stdout).outcomes[0];
    for (const row of [outcome.cohorts[0], outcome.total]) {
      expect(row).toMatchObject({ patients: null, pre: null, post: 0, p_value: null, ci_low: null, ci_high: null });
      expect(row.suppressed).toEqual(expect.arrayContaining(["p_value", "ci_low", "ci_high"]));
    }
  });
});
