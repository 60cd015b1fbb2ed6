import { z } from "zod";
import { parseIsoSetting } from "../extracts/dates.js";
import type { CustomOutcomeDefinition } from "../outcomes/custom-outcomes.js";
import { BUILT_IN_OUTCOMES } from "../outcomes/registry.js";
import { MAX_RATIO } from "../match/match-cases.js";

/** ECDS codes 4 as a planned follow-up; HES A&E (AEATTENDCAT) codes 2 (evaluation.md, inputs). */
export const DEFAULT_EXCLUDED_ATTENDANCE_CATEGORIES = { ecds: ["4"], hes: ["2"] } as const;

/** Admission methods of unplanned (emergency) admissions in SUS/HES admitted patient care. */
export const DEFAULT_EMERGENCY_ADMISSION_METHODS = ["21", "22", "23", "24", "25", "2A", "2B", "2C", "2D", "28"] as const;

export const isoDate = z
  .string()
  .refine((text) => parseIsoSetting(text) !== undefined, { message: "must be a real date written YYYY-MM-DD" });

export const windowText = z
  .string()
  .regex(/^[1-9]\d{0,3}[md]$/, { message: "must be a whole number of months or days, like 6m or 182d" });

export const indexDayRule = z.enum(["exclude", "pre", "post"]);
/** How an extract writes its dates: `auto` decides each date column from its first value (evaluation.md, inputs). */
export const dateFormat = z.enum(["auto", "iso", "dmy"]);
export const aeCoding = z.enum(["ecds", "hes"]);
/** Which engine reads the activity extracts; `auto` decides from the inputs (see `chooseEngine`). */
export const engineChoice = z.enum(["stream", "duckdb", "auto"]);
export type EngineChoice = z.infer<typeof engineChoice>;
export type EngineName = Exclude<EngineChoice, "auto">;
/** `--match-exact`: a variable matched exactly on request (matching.md); sex, age band and IMD quintile always are. */
export const matchExactVariable = z.enum(["practice"]);
const wholeNumber = z.number().int().min(0);
/**
 * The most months either side of the index date a month-by-month series may show. Each month costs
 * 4 bytes per patient per outcome while the extracts are read; 60 (five years either side) is ten
 * times the usual window.
 */
export const MAX_MONTHS = 60;
/**
 * The most bootstrap replicates a run may ask for. Each replicate keeps a value per cohort and
 * outcome; a billion ran to 10 GB and a V8 fatal error. 100,000 is fifty times the default.
 */
export const MAX_BOOTSTRAP = 100_000;

/**
 * `--max-invalid N` or `N%`: how many invalid rows `--skip-invalid` may skip in one extract before
 * the run stops all the same. A count is a whole number; a share a number and `%`.
 */
export const maxInvalid = z.union([
  wholeNumber,
  z.string().trim().regex(/^(\d+|\d+%|\d*\.\d+%)$/, { message: "must be a whole number of rows (like 50) or a share of the rows (like 2%)" }),
]);
const unitCost = z.number().positive().finite();

/**
 * `--unit-cost ae=GBP --unit-cost bed_day=GBP`: the price of one unit of an outcome, by its id or short
 * name (`ae`, `admission`, `bed_day`, `outpatient`); the names are checked against the run's outcomes.
 */
export const unitCostsInput = z.record(z.string().trim().min(1), unitCost);

/** `costColumns`: per outcome (id or short name), the extract's column holding each row's cost (SUS+ `Tariff_Total_Payment`). */
export const costColumnsInput = z.record(z.string().trim().min(1), z.string().trim().min(1));

/**
 * The settings a run can be given, in the config file or by flags: the camelCase keys of the JSON
 * output's `settings` block, less the ones prepost works out itself (`dataStartInferred`…).
 */
export const settingsInput = z.strictObject({
  from: isoDate.optional().describe("First index date of the study period (YYYY-MM-DD, inclusive)."),
  to: isoDate.optional().describe("Last index date of the study period (YYYY-MM-DD, inclusive)."),
  window: windowText.optional().describe("Window either side of the index date: Nm calendar months or Nd days. Default 6m."),
  indexDay: indexDayRule.optional().describe("Events on the index date: exclude (default), or count them in the pre or post window."),
  months: z
    .number()
    .int()
    .min(1)
    .max(MAX_MONTHS, { message: `must be at most ${MAX_MONTHS} (each month is counted for every patient)` })
    .optional()
    .describe("Months either side of the index date in the month-by-month series: at least the window's (30-day blocks for a window in days); the series is then over the patients whose data cover them all. Default: the window's."),
  dataStart: isoDate.optional().describe("First day every activity extract covers; default: each extract's own earliest event date (coverage.<extract> sets one extract's)."),
  dataEnd: isoDate.optional().describe("Last day every activity extract covers; default: each extract's own latest event date (coverage.<extract> sets one extract's)."),
  requireConsent: z.boolean().optional().describe("Exclude patients whose index row has no consent. Default false."),
  minOnwardReferrals: wholeNumber.optional().describe("Exclude patients with fewer onward referrals (summed over their rows). Default: no minimum."),
  minAge: wholeNumber.optional().describe("Exclude patients younger than this at the index row, or of unknown age. Default: no minimum."),
  by: z
    .array(z.string().trim().min(1))
    .optional()
    .describe(
      "Referral columns to break each outcome's rows down by, read from each patient's index row (sex, imd_quintile, pcn, any column of the referrals, mapped in columns.referrals or by its own name), or age_band (with ageBands): rows for each value, and `unknown` for a missing one, under each cohort and the Total. Default: none.",
    ),
  ageBands: z
    .array(z.number().int().min(1).max(150))
    .min(1)
    .optional()
    .describe("For by age_band: where each age band after the first starts, ascending: [18, 35, 55, 75] makes 0-17, 18-34, 35-54, 55-74 and 75+ from the age at the index row."),
  dateFormat: dateFormat
    .optional()
    .describe("How the extracts write dates: auto (default: each date column decided from its first value), iso (YYYY-MM-DD) or dmy (D/M/YYYY). `formats` sets it per extract."),
  aeCoding: aeCoding.optional().describe("A&E attendance category coding: ecds (default) or hes."),
  excludedAttendanceCategories: z.array(z.string().trim()).optional().describe("Attendance categories not counted. Default: 4 for ecds, 2 for hes."),
  emergencyAdmissionMethods: z.array(z.string().trim().toUpperCase()).optional().describe("Admission methods counted as unplanned. Default: 21 22 23 24 25 2A 2B 2C 2D 28."),
  skipInvalid: z.boolean().optional().describe("Skip invalid rows (reported) instead of stopping. Default false."),
  maxInvalid: maxInvalid
    .optional()
    .describe("With skipInvalid: the most invalid rows one extract may have, a count (50) or a share of its rows (\"2%\"). Default: more than 1% of the rows and more than 10 stops the run."),
  bootstrap: wholeNumber
    .max(MAX_BOOTSTRAP, { message: `must be at most ${MAX_BOOTSTRAP.toLocaleString("en-GB")} (each replicate is held in memory; the default is 2,000)` })
    .optional()
    .describe(`Bootstrap replicates for confidence intervals; 0 turns them off. Default 2000, at most ${MAX_BOOTSTRAP.toLocaleString("en-GB")}.`),
  seed: z.number().int().optional().describe("Seed of the bootstrap random numbers. Default 1."),
  suppress: z.boolean().optional().describe("Apply NHS England's HES/ECDS small-number suppression to every count published. Default false."),
  unitCosts: unitCostsInput
    .optional()
    .describe("Unit costs in GBP by outcome (ae, admission, bed_day, outpatient, or an outcome's id), to cost each window's activity. No default: without them no cost is shown."),
  costColumns: costColumnsInput
    .optional()
    .describe("Per outcome (its id or short name), the extract's column giving each row's cost in GBP, instead of a unit cost (e.g. Tariff_Total_Payment)."),
  outcomes: z
    .array(z.string().trim().min(1))
    .min(1)
    .optional()
    .describe(
      `The outcomes to report, in this order (ids: ${BUILT_IN_OUTCOMES.map((outcome) => outcome.id).join(", ")}, or a custom outcome's). Default: every outcome whose extract is given, but those reported only when listed (${BUILT_IN_OUTCOMES.filter((outcome) => !outcome.byDefault).map((outcome) => outcome.id).join(", ")}).`,
    ),
  attendedCodes: z.array(z.string().trim()).optional().describe("Outpatient attendance status codes counted as attended. Default: 5 and 6."),
  costSource: z.string().trim().min(1).optional().describe("Where the unit costs come from (printed beside them), e.g. the National Cost Collection year."),
  engine: engineChoice
    .optional()
    .describe("Engine reading the activity extracts: stream (csv-parse), duckdb (embedded DuckDB), or auto (default: DuckDB for Parquet input or an activity extract over 64 MB)."),
  ratio: z
    .number()
    .int()
    .min(1)
    .max(MAX_RATIO)
    .optional()
    .describe(`Matching (prepost match, evaluate --match): controls per case, 1 to ${MAX_RATIO}. Default 1.`),
  caliper: z
    .number()
    .positive()
    .finite()
    .nullable()
    .optional()
    .describe("Matching: the largest distance (Mahalanobis, in the cases' own spread) a control may be at; null for none. Default 1.0."),
  matchExact: z
    .array(matchExactVariable)
    .optional()
    .describe("Matching: what is matched exactly besides sex, five-year age band and IMD quintile: practice (the practice, or the PCN where the extract has only that). Default: nothing more."),
});
export type SettingsInput = z.infer<typeof settingsInput>;

/** An activity extract, by name (`ae`, `admissions`, `outpatients`, a custom outcome's id): each has its own data coverage. */
export type CoveredExtract = string;

/** One activity extract's coverage in the output (its file is in `inputs`): its days, and whether each bound was given or inferred. */
export interface ExtractCoverageSettings {
  start: string;
  end: string;
  startSource: "given" | "inferred";
  endSource: "given" | "inferred";
}

/** Every setting decided: what the run used and what the JSON output's `settings` block prints. */
export interface Settings {
  from: string | null;
  to: string | null;
  window: string;
  indexDay: z.infer<typeof indexDayRule>;
  dataStart: string | null;
  dataEnd: string | null;
  dataStartInferred: boolean;
  dataEndInferred: boolean;
  /** Where an inferred bound came from, in words (which extract and row it was found in). */
  dataStartSource: string;
  dataEndSource: string;
  /** The activity extracts whose own start and end are the run's (the latest start, the earliest end); more than one where they tie. */
  dataStartBoundBy: CoveredExtract[];
  dataEndBoundBy: CoveredExtract[];
  /** Each activity extract's own coverage, as given or inferred from its own event dates (rule 2.5). */
  coverage: Record<CoveredExtract, ExtractCoverageSettings>;
  requireConsent: boolean;
  minOnwardReferrals: number | null;
  minAge: number | null;
  /** The breakdowns (statistics.md): referral columns, and `age_band`, each outcome's rows are broken down by; none by default. */
  by: string[];
  /** Where each age band after the first starts (`--age-bands`), for `by` `age_band`; null where not given. */
  ageBands: number[] | null;
  dateFormat: z.infer<typeof dateFormat>;
  aeCoding: z.infer<typeof aeCoding>;
  excludedAttendanceCategories: string[];
  emergencyAdmissionMethods: string[];
  attendedCodes: string[];
  /** The outcomes reported, by id, in order. */
  outcomes: string[];
  /** The config's custom outcomes: what each counts. */
  customOutcomes: CustomOutcomeDefinition[];
  skipInvalid: boolean;
  /** The limit on skipping, as given; null for the default (more than 1% of the rows and more than 10). */
  maxInvalid: number | string | null;
  bootstrap: number;
  seed: number;
  /** K of the month-by-month series: months −K…K around each index date (30-day blocks for a window in days). */
  months: number;
  /** `--suppress`: disclosure control applied to the published counts. */
  suppress: boolean;
  /** GBP per unit, by each reported outcome's short name (`ae`, `admission`…); null where none was given (never a hidden default). */
  unitCosts: Record<string, number | null>;
  /** Per outcome id, the column its rows' costs were read from. */
  costColumns: Record<string, string>;
  costSource: string | null;
  /** The engine that read the activity extracts (what `auto` chose), or `warehouse` where the warehouse's SQL counted them (docs/warehouse.md); the answers do not depend on it. */
  engine: EngineName | "warehouse";
  /** Matching (matching.md), in a run that matched: controls per case, the caliper (null for none), what else is matched exactly. */
  ratio?: number;
  caliper?: number | null;
  matchExact?: z.infer<typeof matchExactVariable>[];
}
