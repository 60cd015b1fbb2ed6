import { type DataError, InputError } from "../errors.js";
import { type ExtractFormat, type ExtractSource, mappingOf } from "../extracts/source.js";
import { BUILT_IN_EXTRACTS } from "../outcomes/registry.js";
import { didYouMean } from "../text/nearest.js";
import type { ConfigFile } from "./config-file.js";
import { customColumns } from "./resolve-run.js";

/** The extracts `tables` may name, besides each custom outcome's id. */
const TABLE_KEYS = ["referrals", ...BUILT_IN_EXTRACTS.map((extract) => extract.name), "comparison"];

/**
 * A warehouse run's extracts (docs/warehouse.md): each a table the config's `tables` names, its
 * columns mapped as a file's are, in the order files are read. The table's name stands where a
 * file's would, in messages and in `inputs`; there is no path, since prepost never opens it.
 */
export function tablesFrom(
  config: ConfigFile,
  configFile: string,
  formatOf: (extract: string) => ExtractFormat,
  neededOf: (extract: string) => Record<string, string>,
): Record<string, ExtractSource> {
  const tables = config.tables ?? {};
  const custom = config.customOutcomes ?? [];
  const known = [...TABLE_KEYS, ...custom.map((outcome) => outcome.id)];
  const problems: DataError[] = Object.keys(tables)
    .filter((key) => !known.includes(key))
    .map((key) => ({ code: "unknown_key", file: configFile, line: 0, column: `tables.${key}`, message: `is not an extract prepost knows${didYouMean(key, known) || `; the extracts are ${known.join(", ")}`}` }));
  // A file the config names for an extract that has no table would be left out in silence.
  for (const key of TABLE_KEYS) {
    const file = (config as Record<string, unknown>)[key];
    if (typeof file === "string" && tables[key] === undefined) {
      problems.push({ code: "usage", file: configFile, line: 0, column: key, message: `names a file (${file}), but the warehouse reads tables: give "tables": { "${key}": "schema.table" }, or leave the file out` });
    }
  }
  for (const outcome of custom) {
    if (outcome.extract !== undefined && tables[outcome.id] === undefined) {
      problems.push({ code: "usage", file: configFile, line: 0, column: `customOutcomes.${outcome.id}.extract`, message: `names a file (${outcome.extract}), but the warehouse reads tables: give "tables": { "${outcome.id}": "schema.table" }, or leave the file out` });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const order = [...TABLE_KEYS.slice(0, -1), ...custom.map((outcome) => outcome.id), "comparison"];
  return Object.fromEntries(
    order.flatMap((extract) => {
      const table = tables[extract];
      if (table === undefined) return [];
      const customOutcome = custom.find((outcome) => outcome.id === extract);
      const columns = customOutcome ? customColumns(customOutcome) : (config.columns?.[extract] ?? {});
      const source: ExtractSource = { extract, path: "", file: table, ...mappingOf(columns), format: formatOf(extract), needed: neededOf(extract) };
      return [[extract, source]];
    }),
  );
}
