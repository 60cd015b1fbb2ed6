import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { suppressResult } from "../../src/disclosure/suppress.js";
import { renderAttritionCsv } from "../../src/render/attrition-csv.js";
import { neutralised } from "../../src/render/csv-cells.js";
import { renderCsv } from "../../src/render/csv.js";
import { formatForFile } from "../../src/render/formats.js";
import { renderMonthsCsv } from "../../src/render/months-csv.js";
import { fullResult, HOSTILE, hostileResult, smallByAgeResult, smallResult } from "./results.js";

const rows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

describe("csv: one tidy row per outcome × cohort (golden files)", () => {
  it("renders the small example", async () => {
    await expect(renderCsv(await smallResult())).toMatchFileSnapshot("golden/small.csv");
  });
  it("renders every figure of the full result, the comparison flattened", async () => {
    await expect(renderCsv(await fullResult())).toMatchFileSnapshot("golden/full.csv");
  });
  it("renders a suppressed result with *, the fields withheld and the rule", async () => {
    await expect(renderCsv(suppressResult(await fullResult()))).toMatchFileSnapshot("golden/full.suppressed.csv");
  });

  it("has a column for every figure of the JSON rows, numbers unrounded", async () => {
    const result = await fullResult();
    const table = rows(renderCsv(result));
    expect(table).toHaveLength(12);
    const json = result.outcomes[0]!.cohorts[0]!;
    const csv = table[0]!;
    for (const [field, value] of Object.entries(json)) {
      if (field === "comparison") {
        for (const [inner, v] of Object.entries(value as object)) expect(csv[`comparison_${inner}`]).toBe(String(v));
      } else if (field === "warnings") {
        expect(csv.warnings).toBe((value as string[]).join(" | "));
      } else {
        expect(csv[field], field).toBe(String(value));
      }
    }
    expect(table.map((r) => r.cohort)).toContain("Total");
  });

  it("has only the columns the result has figures for", async () => {
    // No comparison group and no unit costs in the small example: none of their columns.
    const header = renderCsv(await smallResult()).split("\n")[0]!.split(",");
    expect(header).toEqual(expect.arrayContaining(["patients", "change_pct", "p_value", "ci_low", "prior_change_pct"]));
    expect(header.filter((column) => /comparison|did_|cost/.test(column))).toEqual([]);
  });

  it("leaves a figure that cannot be computed empty", async () => {
    const table = rows(renderCsv(await smallResult()));
    expect(table.find((r) => r.outcome === "unplanned_admissions" && r.cohort === "FRAILTY")!.change_pct).toBe("");
  });
});

describe("attrition csv: the patient flow as rows (golden files)", () => {
  it("renders the small example's flow", async () => {
    await expect(renderAttritionCsv(await smallResult())).toMatchFileSnapshot("golden/small.attrition.csv");
  });
  it("renders the comparison group's flow after the referred patients'", async () => {
    await expect(renderAttritionCsv(await fullResult())).toMatchFileSnapshot("golden/full.attrition.csv");
  });
  it("puts the flow through suppression, rounding each remaining total from its true value", async () => {
    const text = renderAttritionCsv(suppressResult(await smallResult()));
    await expect(text).toMatchFileSnapshot("golden/small.suppressed.attrition.csv");
    const table = rows(text);
    expect(table[0]).toMatchObject({ step: "0", reason: "referred", remaining: "10" });
    expect(table[2]).toMatchObject({ reason: "outside_period", excluded: "*", remaining: "*", suppressed: "excluded remaining" });
    expect(table.every((r) => r.disclosure === "nhs_england_hes_ecds")).toBe(true);
  });
});

describe("csv: a text cell that a spreadsheet would run is neutralised", () => {
  it("prefixes ' to text starting with = + - @ tab or carriage return", () => {
    expect(neutralised(HOSTILE.formula)).toBe(`'${HOSTILE.formula}`);
    expect(neutralised(HOSTILE.plus)).toBe(`'${HOSTILE.plus}`);
    expect(neutralised(HOSTILE.minus)).toBe(`'${HOSTILE.minus}`);
    expect(neutralised(HOSTILE.at)).toBe(`'${HOSTILE.at}`);
    expect(neutralised(HOSTILE.tab)).toBe(`'${HOSTILE.tab}`);
    expect(neutralised(HOSTILE.carriageReturn)).toBe(`'${HOSTILE.carriageReturn}`);
    expect(neutralised("Adult 'Carers'")).toBe("Adult 'Carers'");
  });

  it("neutralises labels in the output but never a number, negative ones included", async () => {
    const table = rows(renderCsv(await hostileResult()));
    const labels = table.map((r) => r.label);
    expect(labels).toContain(`'${HOSTILE.formula}`);
    expect(labels).toContain(`'${HOSTILE.plus}`);
    expect(labels).toContain(`'${HOSTILE.minus}`);
    expect(labels).toContain(`'${HOSTILE.at}`);
    expect(labels).toContain(HOSTILE.script);
    // A control is shown as its code (a CSV is read on a terminal too), so it no longer starts the cell.
    expect(table.map((r) => r.cohort)).toContain("\\u000DReturned");
    for (const value of table.flatMap((r) => [r.change_pct, r.cost_change, r.did_pct])) expect(value).toMatch(/^-?\d/);
    expect(table[0]!.change_pct!.startsWith("-")).toBe(true);
  });
});

describe("months csv: one tidy row per outcome × group × month (golden files)", () => {
  it("renders the full result's series, the referred patients' and the comparison group's", async () => {
    await expect(renderMonthsCsv(await fullResult())).toMatchFileSnapshot("golden/full.months.csv");
  });

  it("carries the JSON's figures unrounded, months −6 to 6 for each group", async () => {
    const result = await fullResult();
    const table = rows(renderMonthsCsv(result));
    expect(table).toHaveLength(2 * 2 * 13);
    const json = result.outcomes[0]!.months!.referred.months[3]!;
    const csv = table[3]!;
    expect(csv).toMatchObject({ outcome: "ae_attendances", group: "referred", unit: "calendar_month", month: "-3", window: "pre", first_day: "", patients: "5920" });
    for (const field of ["count", "mean", "ci_low", "ci_high"] as const) expect(csv[field], field).toBe(String(json[field]));
    expect(table.filter((r) => r.group === "comparison")).toHaveLength(26);
  });

  it("shows a withheld month as * and names it, under --suppress", async () => {
    const table = rows(renderMonthsCsv(suppressResult(await fullResult())));
    // Unplanned admissions on the index day: 3, suppressed.
    const indexDay = table.find((r) => r.outcome === "unplanned_admissions" && r.group === "referred" && r.month === "0")!;
    expect(indexDay).toMatchObject({ count: "*", mean: "*", ci_low: "*", ci_high: "*", suppressed: "count mean ci_low ci_high", disclosure: "nhs_england_hes_ecds" });
    expect(table.find((r) => r.month === "-1")!.count).toMatch(/^\d+$/);
  });

  it("is the format of a .months.csv file", () => {
    expect(formatForFile("out/series.months.csv")).toBe("months-csv");
    expect(formatForFile("out/figures.csv")).toBe("csv");
  });
});

describe("csv: breakdown rows after the row they break down, with by and group", () => {
  it("renders the small example by age band (golden file)", async () => {
    await expect(renderCsv(await smallByAgeResult())).toMatchFileSnapshot("golden/small.by-age.csv");
  });

  it("follows each row with its groups, which add up to it", async () => {
    const table = rows(renderCsv(await smallByAgeResult()));
    const ae = table.filter((r) => r.outcome === "ae_attendances");
    expect(ae.map((r) => [r.cohort, r.by, r.group])).toEqual([
      ["CARERS", "", ""],
      ["CARERS", "age_band", "0-64"],
      ["CARERS", "age_band", "65+"],
      ["FRAILTY", "", ""],
      ["FRAILTY", "age_band", "0-64"],
      ["FRAILTY", "age_band", "65+"],
      ["Total", "", ""],
      ["Total", "age_band", "0-64"],
      ["Total", "age_band", "65+"],
    ]);
    for (const start of [0, 3, 6]) {
      for (const field of ["patients", "pre", "post"]) expect(Number(ae[start + 1]![field]) + Number(ae[start + 2]![field]), field).toBe(Number(ae[start]![field]));
    }
  });

  it("has no by or group column without --by", async () => {
    expect(renderCsv(await smallResult()).split("\n")[0]).not.toMatch(/,by,|,group,/);
  });
});
