import { createReadStream } from "node:fs";
import { z } from "zod";
import { type DataError, InputError } from "../errors.js";
import { extractColumns } from "../extracts/activity-rows.js";
import { COMPARISON_COLUMNS } from "../extracts/comparison.js";
import { POPULATION_COLUMNS } from "../extracts/population-columns.js";
import { BUILT_IN_EXTRACTS, BUILT_IN_OUTCOMES } from "../outcomes/registry.js";
import { REFERRAL_COLUMNS } from "../extracts/referrals.js";
import { didYouMean } from "../text/nearest.js";
import { dateFormat, isoDate, settingsInput } from "./settings.js";

/**
 * Each extract's columns may be renamed to the extract's own header; unknown names are errors. An
 * optional column mapped to null is one the extract does not have: a warehouse's script cannot look
 * at a table's columns as a reader looks at a file's header (docs/warehouse.md).
 */
function columnMapping(columns: readonly { name: string }[]) {
  const shape = Object.fromEntries(columns.map(({ name }) => [name, z.string().trim().min(1).nullable().optional()]));
  return z.strictObject(shape);
}

const path = z.string().trim().min(1);

/** `formats.<extract>`: how one extract writes its text, where it differs from the others. */
const extractFormat = z.strictObject({
  dateFormat: dateFormat.optional().describe("auto (each date column decided from its first value), iso (YYYY-MM-DD) or dmy (D/M/YYYY)."),
  delimiter: z
    .enum([",", ";", "\t", "|", "tab"])
    .optional()
    .describe('The field delimiter: "," (default), ";", "\\t" (or "tab") or "|".'),
  encoding: z.enum(["utf-8", "windows-1252"]).optional().describe("utf-8 (default; a byte-order mark is fine) or windows-1252 (what Excel writes on a UK desktop)."),
});

/** `coverage.<extract>`: the days an activity extract covers, where its event dates do not show it. */
const extractCoverage = z.strictObject({
  start: isoDate.optional().describe("First day the extract covers (YYYY-MM-DD)."),
  end: isoDate.optional().describe("Last day the extract covers (YYYY-MM-DD)."),
});

/** Every column any outcome of a built-in extract may read, by the extract's name. */
const activityColumns = (name: string) => extractColumns(BUILT_IN_OUTCOMES.filter((outcome) => outcome.extract.name === name), false);

/** One key per built-in activity extract, each with the same schema. */
const perActivityExtract = <T extends z.ZodType>(schema: (name: string) => T) =>
  Object.fromEntries(BUILT_IN_EXTRACTS.map((extract) => [extract.name, schema(extract.name)]));

/** A custom outcome (outcomes.md): an ICB extract of its own, counted one a row, or the rows `countWhere` selects. */
const customOutcomeSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, { message: "must be a lower-case word: a letter, then letters, digits or _ (like gp_appointments)" })
    .describe("The outcome's id in every output: a lower-case word, unlike every built-in outcome's."),
  label: z.string().trim().min(1).describe("The outcome's name in tables and reports (GP appointments)."),
  extract: path.optional().describe("Its extract (CSV, or .parquet), relative to this file (for the warehouse, tables.<id> instead)."),
  columns: z
    .strictObject({ patient_id: z.string().trim().min(1).optional(), event_date: z.string().trim().min(1).optional() })
    .optional()
    .describe("The extract's own headers for patient_id and event_date."),
  countWhere: z
    .strictObject({ column: z.string().trim().min(1), in: z.array(z.string().trim()).min(1) })
    .optional()
    .describe("Count only the rows whose column holds one of these values (trimmed, any case). Default: every row with a date."),
  costColumn: z.string().trim().min(1).optional().describe("The extract's column giving each row's cost in GBP, instead of a unit cost."),
  format: extractFormat.optional(),
  coverage: extractCoverage.optional(),
});

export const configFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe("The JSON Schema this file follows (for editors)."),
    referrals: path.optional().describe("Referrals extract (CSV, or .parquet), relative to this file."),
    ...perActivityExtract((name) => path.optional().describe(`${BUILT_IN_EXTRACTS.find((e) => e.name === name)!.help}, relative to this file.`)),
    comparison: path.optional().describe("Matched comparison group (CSV, or .parquet), relative to this file."),
    tables: z
      .record(z.string().trim().min(1), z.string().trim().min(1))
      .optional()
      .describe('For `prepost sql` (docs/warehouse.md): each extract\'s table in the warehouse, by extract: { "referrals": "schema.table", "ae": "…", … }; a custom outcome\'s by its id.'),
    population: path
      .optional()
      .describe("The ICB's registered population (CSV, or .parquet), relative to this file: what prepost match and evaluate --match find the comparison group in."),
    customOutcomes: z.array(customOutcomeSchema).optional().describe("Outcomes of the ICB's own extracts (GP appointments, community contacts, NHS 111 calls)."),
    columns: z
      .strictObject({
        // Any other column may be mapped too, for a breakdown (`by`): resolveRun checks that one names it.
        referrals: columnMapping(REFERRAL_COLUMNS)
          .catchall(z.string().trim().min(1))
          .optional()
          .describe("The referrals' columns, and any column a breakdown reads (by), mapped to the extract's own headers."),
        ...perActivityExtract((name) => columnMapping(activityColumns(name)).optional()),
        comparison: columnMapping(COMPARISON_COLUMNS).optional(),
        population: columnMapping(POPULATION_COLUMNS).optional(),
      })
      .optional()
      .describe("Per extract: the spec's column name → the extract's own header."),
    formats: z
      .strictObject({
        referrals: extractFormat.optional(),
        ...perActivityExtract(() => extractFormat.optional()),
        comparison: extractFormat.optional(),
        population: extractFormat.optional(),
      })
      .optional()
      .describe("Per extract: how its dates, delimiter and encoding are written, where they differ from the run's settings."),
    coverage: z
      .strictObject(perActivityExtract(() => extractCoverage.optional()))
      .optional()
      .describe("Per activity extract: the days it covers; default, its own earliest and latest event date. dataStart/dataEnd give them for all."),
    cohorts: z
      .array(
        z.strictObject({
          cohort: z.string().trim().min(1),
          label: z.string().trim().min(1).optional(),
          aliases: z.array(z.string().trim().min(1)).optional().describe("Other spellings of this cohort in the referrals, merged into it."),
        }),
      )
      .optional()
      .describe("Cohort order and display labels; a cohort in the data but not listed is an error. Compared without regard to case or runs of white space."),
  })
  .extend(settingsInput.shape);

export type CustomOutcomeConfig = z.infer<typeof customOutcomeSchema>;
type ExtractFormatConfig = z.infer<typeof extractFormat>;
type ExtractCoverageConfig = z.infer<typeof extractCoverage>;

/** The config file as read. Its per-extract keys are made from the registry, so they are typed here by hand. */
export type ConfigFile = Omit<z.infer<typeof configFileSchema>, "columns" | "formats" | "coverage"> & {
  [extract: string]: unknown;
  columns?: Record<string, Record<string, string | null | undefined> | undefined>;
  formats?: Record<string, ExtractFormatConfig | undefined>;
  coverage?: Record<string, ExtractCoverageConfig | undefined>;
};

/** A schema without the wrappers that do not change its keys (optional, nullable, default). */
function unwrapped(schema: z.core.$ZodType): z.core.$ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.core.$ZodType;
  return inner;
}

/** The keys the object at `path` of the schema knows (an array's items are stepped through by index). */
export function keysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let at: z.core.$ZodType | undefined = unwrapped(schema);
  for (const step of path) {
    if (at instanceof z.ZodObject) at = (at.shape as Record<string, z.core.$ZodType>)[String(step)];
    else if (at instanceof z.ZodArray) at = at.element as z.core.$ZodType;
    else return [];
    if (at === undefined) return [];
    at = unwrapped(at);
  }
  return at instanceof z.ZodObject ? Object.keys(at.shape) : [];
}

/** `"a", "b" or "c"` (or `and`), as the messages list names and values. */
const listed = (values: readonly string[], conjunction: "or" | "and") => {
  const quoted = values.map((value) => JSON.stringify(value));
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
};

/** At most this many keys are listed where none is near the one given (the top level has 30). */
const KEYS_LISTED = 8;

/** What to do about an unknown key: the nearest known ones, else the keys of that place, else the schema. */
function unknownKeyHelp(key: string, known: readonly string[]): string {
  const near = didYouMean(key, known);
  if (near) return near;
  if (known.length > 0 && known.length <= KEYS_LISTED) return `; the keys here are ${listed(known, "and")}`;
  return "; `prepost schema` prints every key";
}

/**
 * One zod issue as the problems it names, each saying what would fix it: an unknown key with the
 * nearest known keys at that place (from the schema's own shape), a value outside a list with the
 * values allowed. `schema` is the one that was parsed (the config file's, unless the flags').
 */
function issueToProblem(issue: z.core.$ZodIssue, file: string, schema: z.core.$ZodType = configFileSchema): DataError[] {
  const at = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    const known = keysAt(schema, issue.path);
    return issue.keys.map((key) => ({
      code: "unknown_key",
      file,
      line: 0,
      column: [...at, key].join("."),
      message: `is not a key prepost knows${unknownKeyHelp(key, known)}`,
    }));
  }
  const column = at.join(".") || "(top level)";
  if (issue.code === "invalid_value" && issue.values.every((value) => typeof value === "string")) {
    const allowed = issue.values as string[];
    const given = "input" in issue && issue.input !== undefined ? `${JSON.stringify(issue.input)} is not allowed: ` : "";
    // A suggestion for a value of one or two characters (a delimiter) would be any of the others.
    const near = typeof issue.input === "string" && issue.input.length >= 3 ? didYouMean(issue.input, allowed) : "";
    return [{ code: "invalid_setting", file, line: 0, column, message: `${given}must be ${listed(allowed, "or")}${near}` }];
  }
  return [{ code: "invalid_setting", file, line: 0, column, message: issue.message }];
}

/** Where in the text a JSON.parse error points, as line and column. */
function jsonErrorPlace(text: string, error: Error): { line: number; column: number } {
  const position = Number(/position (\d+)/.exec(error.message)?.[1] ?? NaN);
  if (Number.isNaN(position)) return { line: 0, column: 0 };
  const before = text.slice(0, position).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** A config file of settings and mappings is a few kilobytes; anything near this is another file given by mistake. */
export const CONFIG_FILE_LIMIT = 4 * 2 ** 20;

class TooLong extends Error {}

/**
 * The file's text, read once as it comes (so `--config <(jq …)` works), and stopped past the limit,
 * so that an extract given as `--config` is refused without being read into memory whole.
 */
async function readConfigText(filePath: string): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 16 })) {
    length += (chunk as Buffer).length;
    if (length > CONFIG_FILE_LIMIT) throw new TooLong();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads and validates a config file; every unknown or mistyped key is an error that names it. */
export async function loadConfigFile(filePath: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readConfigText(filePath);
  } catch (error) {
    const message = error instanceof TooLong ? `is longer than the ${CONFIG_FILE_LIMIT / 2 ** 20} MB a config file may be: is it the config file?` : "cannot read the config file";
    throw new InputError([{ code: error instanceof TooLong ? "config_too_long" : "unreadable_file", file: filePath, line: 0, column: "", message }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const place = jsonErrorPlace(text, error as Error);
    const column = place.column ? `column ${place.column}` : "";
    throw new InputError([{ code: "invalid_json", file: filePath, line: place.line, column, message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const parsed = configFileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => issueToProblem(issue, filePath));
    throw new InputError(problems);
  }
  return parsed.data as ConfigFile;
}

export { issueToProblem };
