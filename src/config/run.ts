import type { CohortLabel } from "../core/aggregate.js";
import type { ExtractSource } from "../extracts/source.js";
import type { EngineChoice, Settings } from "./settings.js";

/**
 * Settings as the run starts: the data coverage is given or still to be inferred, and the engine
 * is as asked (`auto` is decided once the inputs are known).
 */
export type RunSettings = Omit<Settings, "dataStartInferred" | "dataEndInferred" | "dataStartSource" | "dataEndSource" | "engine"> & {
  engine: EngineChoice;
};

/** Everything `evaluate` needs, every choice made: the library's input. */
export interface EvaluationRun {
  settings: RunSettings;
  referrals: ExtractSource;
  ae?: ExtractSource;
  admissions?: ExtractSource;
  comparison?: ExtractSource;
  /** Cohort order and labels from the config; undefined to take them from the data. */
  cohorts?: CohortLabel[];
}
