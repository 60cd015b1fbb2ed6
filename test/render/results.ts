import { readFile } from "node:fs/promises";
import { resolveRun } from "../../src/config/resolve-run.js";
import { evaluateCounts } from "../../src/evaluate.js";
import type { Result } from "../../src/result.js";

/** The shipped small example, evaluated as the README runs it (intervals off, so it is fast). */
export async function smallResult(): Promise<Result> {
  return evaluateCounts(await resolveRun({ config: "fixtures/small/evaluation.json", bootstrap: 0 }));
}

/** The small example broken down by age band (65 and over, or not), with intervals from a few replicates. */
export async function smallByAgeResult(): Promise<Result> {
  return evaluateCounts(await resolveRun({ config: "fixtures/small/evaluation.json", bootstrap: 100, by: ["age_band"], ageBands: [65] }));
}

/**
 * A hand-made result with every field a renderer can meet: the statistics (intervals, paired test,
 * prior window, comparison group, difference in differences), fragile-row warnings, costs, a
 * skipped-rows entry and a cohort small enough to be suppressed. Its counts are West Kent's
 * published ones plus a 12-patient pilot; its statistics are made up, consistent with its counts, and
 * so are its months around the index date (each window's months add up to its count).
 */
export async function fullResult(): Promise<Result> {
  return JSON.parse(await readFile(new URL("full-result.json", import.meta.url), "utf8")) as Result;
}

/** Labels and file names built to break CSV and HTML. */
export const HOSTILE = {
  script: `<script>alert(1)</script> & "quotes"`,
  formula: `=HYPERLINK("http://evil.example","click")`,
  plus: "+44 carers",
  minus: "-2 cohort",
  at: "@SUM(A1)",
  tab: "\tTabbed",
  carriageReturn: "\rReturned",
  file: `<img src=x onerror=alert(2)>.csv`,
} as const;

/** The full result with every label and file name replaced by hostile ones. */
export async function hostileResult(): Promise<Result> {
  const result = await fullResult();
  const labels = [HOSTILE.script, HOSTILE.formula, HOSTILE.plus, HOSTILE.minus, HOSTILE.at];
  for (const outcome of result.outcomes) {
    outcome.cohorts.forEach((cohort, i) => {
      cohort.label = labels[i] ?? HOSTILE.tab;
      cohort.cohort = i === 4 ? HOSTILE.carriageReturn : cohort.cohort;
    });
  }
  result.inputs.ae = HOSTILE.file;
  result.rows.skipped[0]!.file = HOSTILE.file;
  result.rows.skipped[0]!.reason = `must be a real date <b>not</b> "${HOSTILE.formula}"`;
  return result;
}
