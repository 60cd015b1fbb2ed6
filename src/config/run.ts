import type { CohortLabel } from "../core/aggregate.js";
import type { ExtractSource } from "../extracts/source.js";
import type { RunOutcome } from "../outcomes/registry.js";
import type { EngineChoice, Settings } from "./settings.js";

/**
 * Settings as the run starts: the data coverage is given or still to be inferred, and the engine
 * is as asked (`auto` is decided once the inputs are known).
 */
export type RunSettings = Omit<
  Settings,
  "dataStartInferred" | "dataEndInferred" | "dataStartSource" | "dataEndSource" | "dataStartBoundBy" | "dataEndBoundBy" | "coverage" | "engine" | "outcomes" | "customOutcomes"
> & {
  engine: EngineChoice;
};

/** A cohort the config lists: its order, label and the other spellings merged into it. */
export interface ListedCohort extends CohortLabel {
  aliases: string[];
}

/** The days one activity extract covers, as given (`coverage.<extract>`, or the data flags); null to infer. */
export interface GivenCoverage {
  start: string | null;
  end: string | null;
}

/** Everything `evaluate` needs, every choice made: the library's input. */
export interface EvaluationRun {
  settings: RunSettings;
  referrals: ExtractSource;
  comparison?: ExtractSource;
  /** The registered population (matching.md), for `prepost match` and `evaluate --match`. */
  population?: ExtractSource;
  /** `evaluate --match`: the comparison group is matched from `population` first, then evaluated as any. */
  match?: boolean;
  /** The activity extracts given, by name (`ae`, `admissions`, `outpatients`, a custom outcome's id), in reading order. */
  activity: Record<string, ExtractSource>;
  /** The outcomes to report, in order, as plain data (a run travels to worker threads): `outcomeOf` gives each one's descriptor. */
  outcomes: RunOutcome[];
  /** Cohort order, labels and aliases from the config; undefined to take them from the data. */
  cohorts?: ListedCohort[];
  /** Settings the user chose (config or flag) rather than left to their defaults, where a rule must know. */
  chosen?: { aeCoding: boolean; excludedAttendanceCategories: boolean };
  /** Per activity extract, the coverage given for it (config `coverage`, over `dataStart`/`dataEnd`). */
  coverage?: Record<string, GivenCoverage>;
}
