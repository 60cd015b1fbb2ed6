import type { RunFlags } from "../config/resolve-run.js";
import { InputError } from "../errors.js";
import { BUILT_IN_EXTRACTS } from "../outcomes/registry.js";
import { PATIENTS_FORMAT } from "../render/formats.js";
import type { PublishedResult } from "../result.js";
import type { OutputPlan } from "./outputs.js";

function usage(file: string, message: string): InputError {
  return new InputError([{ code: "usage", file, line: 0, column: "", message }]);
}

/** The extract flags, which a warehouse run does not read (its config's `tables` say where the data is). */
const EXTRACT_FLAGS = ["referrals", ...BUILT_IN_EXTRACTS.map((extract) => extract.name), "comparison", "population"];

/**
 * `evaluate --warehouse-result FILE`: the config resolved with its tables, the long form read
 * strictly, the result rebuilt and published (suppressed where the settings say) as `evaluate` does.
 */
export async function evaluateWarehouseResult(file: string, flags: RunFlags, outs: readonly string[], outputs: readonly OutputPlan[]): Promise<PublishedResult> {
  const given = EXTRACT_FLAGS.filter((name) => flags[name] !== undefined);
  if (given.length > 0) {
    throw new InputError(given.map((name) => ({ code: "usage", file: `--${name}`, line: 0, column: "", message: "is not read with --warehouse-result: the result's counts came from the config's tables" })));
  }
  // Only cohort tables leave the warehouse: nothing here knows a patient.
  if (flags.match) throw usage("--match", "is not made in the warehouse: match with prepost match where the population extract is, and give its comparison group a table in the config's tables");
  const perPatient = outputs.find(({ format }) => format === PATIENTS_FORMAT);
  if (perPatient) throw usage(perPatient.path ?? `--format ${PATIENTS_FORMAT}`, "needs each patient's counts, which never leave the warehouse: the result has only cohort tables");
  if (flags.config === undefined) throw usage("--warehouse-result", "needs --config, the config the script was made from");
  const [{ resolveRun }, { readLongForm }, { evaluateWarehouse }, { forPublication }, { checkOutputs }] = await Promise.all([
    import("../config/resolve-run.js"),
    import("../warehouse/read-long-form.js"),
    import("../warehouse/evaluate-warehouse.js"),
    import("../disclosure/suppress.js"),
    import("../io/output-target.js"),
  ]);
  const run = await resolveRun(flags, "tables");
  await checkOutputs(outs.map((path) => ({ path, name: path })), [
    { path: file, name: file, what: "the warehouse result" },
    { path: flags.config, name: flags.config, what: "the config file" },
  ]);
  const rows = await readLongForm(file, file);
  return forPublication(await evaluateWarehouse(run, rows, file));
}
