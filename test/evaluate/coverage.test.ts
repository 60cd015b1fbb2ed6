import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { resolveRun } from "../../src/config/resolve-run.js";
import { InputError } from "../../src/errors.js";
import { evaluateCounts } from "../../src/evaluate.js";
import { renderHtml } from "../../src/render/html.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderTable } from "../../src/render/table.js";
import { cohortRow, csv, evaluateExtracts, evaluateOnBothEngines, evaluateWithConfig, excluded, runCli, workspace } from "../helpers.js";

// Rule 2.5: every activity extract has its own coverage; the run's is their overlap.

// The example: the admissions extract ends six months before the A&E extract.
const referrals = csv`
  patient_id,cohort,intervention_date
  p1,A,2021-06-15
  p2,A,2022-03-01
  p3,A,2021-12-31
  p4,A,2022-01-01
`;
// A&E: 2020-01-01 to 2022-12-31 (anyone's rows count towards the span).
const ae = csv`
  patient_id,arrival_date
  other,2020-01-01
  p1,2021-03-01
  p2,2022-08-01
  other,2022-12-31
`;
// Admissions: 2020-03-01 to 2022-06-30; the method of a row does not matter to the span.
const admissions = csv`
  patient_id,admission_date,admission_method
  other,2020-03-01,11
  p1,2021-09-01,21
  p3,2022-06-30,21
`;

describe("rule 2.5: each activity extract's coverage is inferred from its own event dates", () => {
  // Windows (6m): p1 2020-12-15 to 2021-12-15, p2 2021-09-01 to 2022-09-01,
  // p3 2021-06-30 to 2022-06-30, p4 2021-07-01 to 2022-07-01. The run covers 2020-03-01 to
  // 2022-06-30 (admissions' start and end): p2 and p4's follow-up passes admissions' end.
  it("excludes as incomplete_window the patients whose follow-up passes the admissions' end", async () => {
    const result = await evaluateExtracts({ referrals, ae, admissions });
    expect(excluded(result, "incomplete_window")).toBe(2);
    // p1 and p3 remain: p1's A&E on 2021-03-01 is pre; p2's A&E on 2022-08-01 is not counted (p2 is excluded).
    expect(cohortRow(result, "ae_attendances", "Total")).toMatchObject({ patients: 2, pre: 1, post: 0 });
    // p1's admission on 2021-09-01 and p3's on 2022-06-30 (their post_end, inclusive) are post.
    expect(cohortRow(result, "unplanned_admissions", "Total")).toMatchObject({ patients: 2, pre: 0, post: 2 });
  });

  it("lists each extract's coverage and source, and says which extract bounds the run", async () => {
    const { settings } = await evaluateExtracts({ referrals, ae, admissions });
    expect(settings).toMatchObject({
      dataStart: "2020-03-01",
      dataEnd: "2022-06-30",
      dataStartInferred: true,
      dataEndInferred: true,
      dataStartBoundBy: ["admissions"],
      dataEndBoundBy: ["admissions"],
      coverage: {
        ae: { start: "2020-01-01", end: "2022-12-31", startSource: "inferred", endSource: "inferred" },
        admissions: { start: "2020-03-01", end: "2022-06-30", startSource: "inferred", endSource: "inferred" },
      },
    });
    expect(settings.dataStartSource).toMatch(/^earliest event date in .*admissions\.csv \(the latest start of the extracts\)$/);
    expect(settings.dataEndSource).toMatch(/^latest event date in .*admissions\.csv \(the earliest end of the extracts\)$/);
  });

  it("names every extract whose bound is the run's where they tie", async () => {
    const sameEnd = admissions + "other,2022-12-31,11\n";
    const { settings } = await evaluateExtracts({ referrals, ae, admissions: sameEnd });
    expect(settings.dataEndBoundBy).toEqual(["ae", "admissions"]);
    expect(settings.dataEndSource).toMatch(/^latest event date in .*ae\.csv and latest event date in .*admissions\.csv$/);
    expect(settings.dataStartBoundBy).toEqual(["admissions"]);
  });

  it("gives the same answer on both engines", async () => {
    const both = await evaluateOnBothEngines({ referrals, ae, admissions });
    expect(both.stream).not.toMatch(/^exit 2/);
    expect(both.duckdb).toBe(both.stream);
  });
});

describe("rule 2.5: a given coverage (--data-start/--data-end for all, coverage.<extract> per extract)", () => {
  const files = { "referrals.csv": referrals, "ae.csv": ae, "admissions.csv": admissions };
  const config = { referrals: "referrals.csv", ae: "ae.csv", admissions: "admissions.csv" };

  it("takes --data-start/--data-end for every extract", async () => {
    // Both extracts 2020-01-01 to 2022-12-31, given: nobody's window passes it.
    const result = await evaluateExtracts({ referrals, ae, admissions }, { dataStart: "2020-01-01", dataEnd: "2022-12-31" });
    expect(excluded(result, "incomplete_window")).toBe(0);
    expect(result.settings).toMatchObject({
      dataStart: "2020-01-01",
      dataEnd: "2022-12-31",
      dataStartInferred: false,
      dataEndSource: "given",
      dataEndBoundBy: ["ae", "admissions"],
      coverage: { admissions: { start: "2020-01-01", end: "2022-12-31", startSource: "given", endSource: "given" } },
    });
  });

  it("lets coverage.<extract> win over dataStart/dataEnd for that extract, bound by bound", async () => {
    // ae: 2020-01-01 to 2022-03-31 (both given by dataStart/dataEnd); admissions: 2020-01-01 (dataStart)
    // to 2022-12-31 (its coverage.end). Run: 2020-01-01 to 2022-03-31; only p1's follow-up (to
    // 2021-12-15) is inside it.
    const result = await evaluateWithConfig(files, {
      ...config,
      dataStart: "2020-01-01",
      dataEnd: "2022-03-31",
      coverage: { admissions: { end: "2022-12-31" } },
    });
    expect(result.settings.coverage.admissions).toMatchObject({ start: "2020-01-01", end: "2022-12-31", startSource: "given", endSource: "given" });
    expect(result.settings).toMatchObject({ dataEnd: "2022-03-31", dataEndBoundBy: ["ae"], dataEndSource: "given (the earliest end of the extracts)" });
    expect(excluded(result, "incomplete_window")).toBe(3);
  });

  it("infers the bounds not given, extract by extract", async () => {
    // admissions: 2020-03-01 (inferred) to 2022-12-31 (given); ae: 2020-01-01 to 2022-12-31 (inferred).
    const result = await evaluateWithConfig(files, { ...config, coverage: { admissions: { end: "2022-12-31" } } });
    expect(result.settings).toMatchObject({
      dataStart: "2020-03-01",
      dataStartInferred: true,
      dataStartBoundBy: ["admissions"],
      dataEnd: "2022-12-31",
      // Tied: one extract's end was given, so the run's is not only inferred.
      dataEndInferred: false,
      dataEndBoundBy: ["ae", "admissions"],
      coverage: { admissions: { startSource: "inferred", endSource: "given" } },
    });
    expect(result.settings.dataEndSource).toMatch(/^latest event date in .*ae\.csv and given as coverage\.admissions\.end$/);
    expect(excluded(result, "incomplete_window")).toBe(0);
  });
});

describe("rule 2.5: an extract with no dated row and no given coverage is an error that says to give it", () => {
  const undated = csv`
    patient_id,admission_date,admission_method
    other,1800-01-01,21
  `;

  it("names the extract, the flags and the config keys", async () => {
    const error = await evaluateExtracts({ referrals, ae, admissions: undated }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "no_coverage", line: 0 });
    expect(problems[0]!.file).toMatch(/admissions\.csv$/);
    expect(problems[0]!.message).toContain("--data-start and --data-end");
    expect(problems[0]!.message).toContain("coverage.admissions.start and coverage.admissions.end");
  });

  it("asks only for the bound that is missing", async () => {
    const ws = await workspace({ "r.csv": referrals, "ae.csv": ae, "adm.csv": undated });
    const config = ws.path("c.json");
    await writeFile(config, JSON.stringify({ referrals: "r.csv", ae: "ae.csv", admissions: "adm.csv", coverage: { admissions: { start: "2020-01-01" } } }));
    const run = await runCli(["evaluate", "--config", config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("adm.csv: has no dated row to infer its data coverage from (rule 2.5): give its end with --data-end (for every extract) or coverage.admissions.end in the config");
  });

  it("is no error once the coverage is given", async () => {
    const result = await evaluateExtracts({ referrals, ae, admissions: undated }, { dataStart: "2020-01-01", dataEnd: "2022-12-31" });
    expect(excluded(result, "incomplete_window")).toBe(0);
  });

  it("stops the run on both engines alike", async () => {
    const both = await evaluateOnBothEngines({ referrals, ae: "patient_id,arrival_date\n", admissions });
    expect(both.stream).toMatch(/^exit 2\n.*ae\.csv: has no dated row/);
    expect(both.duckdb).toBe(both.stream);
  });
});

describe("rule 2.5: extracts whose coverages do not overlap are an error", () => {
  it("names each extract's span", async () => {
    const early = csv`
      patient_id,arrival_date
      other,2020-01-01
      other,2020-12-31
    `;
    const late = csv`
      patient_id,admission_date,admission_method
      other,2021-06-01,21
      other,2022-06-30,21
    `;
    const error = (await evaluateExtracts({ referrals, ae: early, admissions: late }).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems[0]!.code).toBe("empty_coverage");
    expect(error.problems[0]!.message).toContain("the latest start, 2021-06-01, is after the earliest end, 2020-12-31");
    expect(error.problems[0]!.message).toMatch(/ae\.csv covers 2020-01-01 \(inferred\) to 2020-12-31 \(inferred\); .*admissions\.csv covers 2021-06-01/);
  });

  it("is an error for one extract whose given start is after its last event", async () => {
    const error = await evaluateExtracts({ referrals, ae }, { dataStart: "2023-01-01" }).catch((e: unknown) => e);
    expect((error as InputError).problems[0]!.code).toBe("empty_coverage");
  });
});

describe("rule 2.5: the human formats show each extract's coverage", () => {
  it("in the table, the markdown and the HTML", async () => {
    const ws = await workspace({ "r.csv": referrals, "ae.csv": ae, "adm.csv": admissions });
    const result = await evaluateCounts(await resolveRun({ bootstrap: 0, referrals: ws.path("r.csv"), ae: ws.path("ae.csv"), admissions: ws.path("adm.csv") }));
    const run = `2020-03-01 to 2022-06-30 (start: inferred, earliest event date in ${ws.path("adm.csv")} (the latest start of the extracts); end: inferred, latest event date in ${ws.path("adm.csv")} (the earliest end of the extracts))`;
    const aeLine = `2020-01-01 to 2022-12-31 (${ws.path("ae.csv")}: both inferred from its own event dates)`;
    for (const text of [renderTable(result), renderMarkdown(result)]) {
      expect(text).toContain(run);
      expect(text).toContain(aeLine);
    }
    const html = renderHtml(result);
    expect(html).toContain("2020-03-01 to 2022-06-30 (start: inferred, earliest event date in");
    expect(html).toContain("both inferred from its own event dates");
  });
});
