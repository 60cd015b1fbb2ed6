/**
 * prepost as a library: `import { evaluate, resolveRun, renderJson } from "prepost"`. Forwards only;
 * no logic lives here.
 *
 *   const run = await resolveRun({ config: "evaluation.json" });   // the same config and flags as the CLI
 *   const result = await evaluate(run);                            // suppressed where run.settings.suppress says
 *   process.stdout.write(renderJson(result));
 *
 * `matchComparison(run)` is `prepost match`: the controls (write them with `comparisonCsv`) and the
 * match report; a run with `match: true` (`evaluate --match`) matches inside `evaluate` first.
 *
 * `evaluate` applies disclosure control inside the library whenever the settings ask for it, so that a
 * script cannot publish unsuppressed small numbers by forgetting a step; `evaluateCounts` gives the
 * true counts, for code that must see them (and must not publish them).
 */

export { evaluate, evaluateCounts, evaluateWithPatients, type EvaluateOptions, type Progress, type ProgressListener } from "./evaluate.js";
export type { PatientRow, PatientTable } from "./patient-rows.js";
export { matchComparison, type MatchedComparison } from "./match-comparison.js";
export { comparisonCsv } from "./extracts/write-comparison.js";
export { resolveRun, mergeSettings, type RunFlags } from "./config/resolve-run.js";
export { loadConfigFile, configFileSchema, type ConfigFile } from "./config/config-file.js";
export type { EvaluationRun, RunSettings, ListedCohort, GivenCoverage } from "./config/run.js";
export type { Settings, SettingsInput } from "./config/settings.js";
export type { ExtractSource, ExtractFormat } from "./extracts/source.js";
export { forPublication, suppressResult } from "./disclosure/suppress.js";
export type {
  ActivityRowAccount,
  AttritionStep,
  BalanceLine,
  Breakdown,
  BreakdownRow,
  CohortFigures,
  ComparisonFigures,
  Count,
  Disclosure,
  ExclusionReason,
  ExtractName,
  Inputs,
  MatchedCaseFigures,
  MatchReport,
  MonthFigures,
  MonthSeries,
  MonthsResult,
  NotCountableReason,
  OutcomeId,
  OutcomeResult,
  PublishedResult,
  Result,
  RowCounts,
  RunWarning,
  SkippedRows,
  UnmatchedReason,
} from "./result.js";
export { renderTable } from "./render/table.js";
export { renderJson } from "./render/json.js";
export { renderCsv } from "./render/csv.js";
export { renderAttritionCsv } from "./render/attrition-csv.js";
export { renderMonthsCsv } from "./render/months-csv.js";
export { renderPatientsCsv } from "./render/patients-csv.js";
export { renderMatchCsv } from "./render/match-csv.js";
export { renderMarkdown } from "./render/markdown.js";
export { renderHtml } from "./render/html.js";
export { FORMAT_NAMES, type FormatName, PATIENTS_FORMAT, type ResultFormatName, rendererFor, type Renderer } from "./render/formats.js";
export { type DataError, formatDataError, formatInputError, InputError } from "./errors.js";
export { TOOL } from "./version.js";
