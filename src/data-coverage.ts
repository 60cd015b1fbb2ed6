/**
 * Rule 2.5 is decided once, by `decideCoverage` (core/coverage.ts, pure, on days); this is its
 * border with a run: it gathers each activity extract's given and observed dates, and turns the
 * decision into the output's settings, their words, or the problems that stop the run.
 */
import type { EvaluationRun } from "./config/run.js";
import type { CoveredExtract, ExtractCoverageSettings, Settings } from "./config/settings.js";
import { type CoverageDecision, decideCoverage, type ExtractCoverage, type ExtractDates, type MissingBound } from "./core/coverage.js";
import { type Day, isoFromDay } from "./core/day.js";
import type { ActivityRead } from "./engines/stream.js";
import { type DataError, InputError } from "./errors.js";
import { parseIsoSetting } from "./extracts/dates.js";

/** The coverage fields of the output's `settings` block. */
export type CoverageSettings = Pick<
  Settings,
  | "dataStart"
  | "dataEnd"
  | "dataStartInferred"
  | "dataEndInferred"
  | "dataStartSource"
  | "dataEndSource"
  | "dataStartBoundBy"
  | "dataEndBoundBy"
  | "coverage"
>;

const dayOf = (iso: string | null): Day | null => (iso === null ? null : parseIsoSetting(iso)!);
const finiteOrNull = (day: number): Day | null => (Number.isFinite(day) ? day : null);

/** What an engine (or a warehouse's result) saw of one activity extract: its earliest and latest real event day, null where it had none. */
export interface ObservedDates {
  extract: CoveredExtract;
  file: string;
  earliest: Day | null;
  latest: Day | null;
}

function datesOf(run: EvaluationRun, observed: ObservedDates): ExtractDates<CoveredExtract> {
  // A library caller may leave `coverage` out: the data settings then give it for every extract.
  const given = run.coverage?.[observed.extract] ?? { start: run.settings.dataStart, end: run.settings.dataEnd };
  return { extract: observed.extract, given: { start: dayOf(given.start), end: dayOf(given.end) }, earliest: observed.earliest, latest: observed.latest };
}

/** The dates an engine's read of an extract saw. */
export const observedDates = (read: ActivityRead): ObservedDates => ({
  extract: read.extract,
  file: read.file,
  earliest: finiteOrNull(read.tallies[0]!.tally.earliest),
  latest: finiteOrNull(read.tallies[0]!.tally.latest),
});

function howToGive(missing: readonly MissingBound<CoveredExtract>[], extract: CoveredExtract): string {
  const bounds = missing.filter((m) => m.extract === extract).map((m) => m.bound);
  const flags = bounds.map((bound) => (bound === "start" ? "--data-start" : "--data-end")).join(" and ");
  const keys = bounds.map((bound) => `coverage.${extract}.${bound}`).join(" and ");
  return `give its ${bounds.join(" and ")} with ${flags} (for every extract) or ${keys} in the config`;
}

function problemsOf(decision: Exclude<CoverageDecision<CoveredExtract>, { kind: "covered" }>, files: Map<CoveredExtract, string>): DataError[] {
  if (decision.kind === "missing") {
    const extracts = [...new Set(decision.missing.map((m) => m.extract))];
    return extracts.map((extract) => ({
      code: "no_coverage",
      file: files.get(extract)!,
      line: 0,
      column: "",
      message: `has no dated row to infer its data coverage from (rule 2.5): ${howToGive(decision.missing, extract)}`,
    }));
  }
  const spans = decision.extracts.map((c) => `${files.get(c.extract)} covers ${spanInWords(c)}`).join("; ");
  return [
    {
      code: "empty_coverage",
      file: "prepost evaluate",
      line: 0,
      column: "",
      message:
        `the data coverage is empty: the latest start, ${isoFromDay(decision.start)}, is after the earliest end, ${isoFromDay(decision.end)} ` +
        `(${spans}), so no window is covered by every activity extract; check the given coverage (--data-start, --data-end, coverage.<extract>)`,
    },
  ];
}

function spanInWords(c: ExtractCoverage<CoveredExtract>): string {
  return `${isoFromDay(c.start)} (${c.startSource}) to ${isoFromDay(c.end)} (${c.endSource})`;
}

/** Where the run's bound came from, in words: each extract that sets it, and why it is the run's. */
function boundSource(
  bound: "start" | "end",
  boundBy: readonly CoveredExtract[],
  extracts: readonly ExtractCoverage<CoveredExtract>[],
  files: Map<CoveredExtract, string>,
  run: EvaluationRun,
): string {
  const byExtract = new Map(extracts.map((c) => [c.extract, c]));
  const setting = bound === "start" ? run.settings.dataStart : run.settings.dataEnd;
  const words = boundBy.map((extract) => {
    const c = byExtract.get(extract)!;
    const source = bound === "start" ? c.startSource : c.endSource;
    if (source === "inferred") return `${bound === "start" ? "earliest" : "latest"} event date in ${files.get(extract)}`;
    // Given by the data flag (or setting) for every extract: plainly "given", as it always was.
    const day = bound === "start" ? c.start : c.end;
    return setting !== null && dayOf(setting) === day ? "given" : `given as coverage.${extract}.${bound}`;
  });
  const said = [...new Set(words)].join(" and ");
  if (boundBy.length === extracts.length) return said;
  return `${said} (the ${bound === "start" ? "latest start" : "earliest end"} of the extracts)`;
}

function extractSettings(c: ExtractCoverage<CoveredExtract>): ExtractCoverageSettings {
  return { start: isoFromDay(c.start), end: isoFromDay(c.end), startSource: c.startSource, endSource: c.endSource };
}

/**
 * Rule 2.5's coverage for the output's settings: every activity extract's own, and the run's (their
 * overlap), saying which extract bounds it. An extract with no dated row and no given coverage, or
 * an empty overlap, is an `InputError` that says what to give.
 */
export function dataCoverage(run: EvaluationRun, activity: readonly ObservedDates[]): CoverageSettings {
  const files = new Map(activity.map((read) => [read.extract, read.file]));
  const decision = decideCoverage(activity.map((read) => datesOf(run, read)));
  if (decision.kind !== "covered") throw new InputError(problemsOf(decision, files));
  const { coverage } = decision;
  const inferred = (boundBy: readonly CoveredExtract[], bound: "start" | "end") =>
    boundBy.every((extract) => coverage.extracts.find((c) => c.extract === extract)![bound === "start" ? "startSource" : "endSource"] === "inferred");
  return {
    dataStart: isoFromDay(coverage.start),
    dataEnd: isoFromDay(coverage.end),
    dataStartInferred: inferred(coverage.startBoundBy, "start"),
    dataEndInferred: inferred(coverage.endBoundBy, "end"),
    dataStartSource: boundSource("start", coverage.startBoundBy, coverage.extracts, files, run),
    dataEndSource: boundSource("end", coverage.endBoundBy, coverage.extracts, files, run),
    dataStartBoundBy: coverage.startBoundBy,
    dataEndBoundBy: coverage.endBoundBy,
    coverage: Object.fromEntries(coverage.extracts.map((c) => [c.extract, extractSettings(c)])),
  };
}
