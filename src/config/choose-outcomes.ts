import { type DataError, InputError } from "../errors.js";
import type { ExtractSource } from "../extracts/source.js";
import type { Outcome } from "../outcomes/outcome.js";
import { BUILT_IN_EXTRACTS, BUILT_IN_OUTCOMES, outcomeOf, type RunOutcome } from "../outcomes/registry.js";
import { didYouMean } from "../text/nearest.js";
import type { CustomOutcomeConfig } from "./config-file.js";

/**
 * Names a custom outcome may not take: a built-in outcome's id, the name of an extract it would be
 * read as, or a field of the output's blocks that are keyed by extract beside fields of their own
 * (`rows.skipped`, `rows.accounts`, `inputs.columns`, `inputs.formats`), which its extract would overwrite.
 */
const TAKEN = new Set([
  ...BUILT_IN_OUTCOMES.map((outcome) => outcome.id),
  ...BUILT_IN_EXTRACTS.map((extract) => extract.name),
  "referrals",
  "comparison",
  "skipped",
  "accounts",
  "columns",
  "formats",
]);

const problem = (column: string, message: string, value?: string): DataError => ({
  code: "invalid_setting",
  file: "",
  line: 0,
  column,
  message,
  ...(value !== undefined ? { value } : {}),
});

/** Every custom outcome of the config, each with an id of its own. */
export function customOutcomes(custom: readonly CustomOutcomeConfig[], file: string): RunOutcome[] {
  const problems: DataError[] = [];
  const seen = new Set<string>();
  custom.forEach(({ id }, i) => {
    if (TAKEN.has(id)) problems.push({ ...problem(`customOutcomes.${i}.id`, `"${id}" is a built-in outcome's id, an extract's name or a field of the output: give the custom outcome another`), file });
    else if (seen.has(id)) problems.push({ ...problem(`customOutcomes.${i}.id`, `"${id}" names two custom outcomes: give each its own id`), file });
    seen.add(id);
  });
  if (problems.length > 0) throw new InputError(problems);
  return custom.map(({ id, label, countWhere }) => ({ id, custom: { id, label, ...(countWhere ? { countWhere } : {}) } }));
}

/** How to give an outcome's extract, for a message. */
function howToGive(outcome: Outcome): string {
  const builtIn = BUILT_IN_EXTRACTS.some((extract) => extract.name === outcome.extract.name);
  return builtIn ? `give --${outcome.extract.name} FILE (config "${outcome.extract.name}")` : `give its "extract" in customOutcomes`;
}

/**
 * The outcomes a run reports (outcomes.md): those listed, in that order, each of which must have its
 * extract; by default every outcome whose extract is given and that is reported by default, then the
 * custom ones in the config's order.
 */
export function chooseOutcomes(listed: readonly string[] | undefined, custom: readonly RunOutcome[], activity: Readonly<Record<string, ExtractSource>>, where: string): RunOutcome[] {
  const known: RunOutcome[] = [...BUILT_IN_OUTCOMES.map(({ id }) => ({ id })), ...custom];
  if (listed === undefined) return known.filter((chosen) => activity[outcomeOf(chosen).extract.name] && (chosen.custom || outcomeOf(chosen).byDefault));
  const problems: DataError[] = [];
  const chosen: RunOutcome[] = [];
  listed.forEach((id, i) => {
    const column = where === "--outcomes" ? "" : `outcomes.${i}`;
    const found = known.find((outcome) => outcome.id === id);
    if (!found) {
      problems.push(problem(column, `"${id}" is not an outcome${didYouMean(id, known.map((outcome) => outcome.id)) || `; the outcomes are ${known.map((o) => o.id).join(", ")}`}`, id));
    } else if (chosen.includes(found)) {
      problems.push(problem(column, `"${id}" is listed twice`, id));
    } else if (!activity[outcomeOf(found).extract.name]) {
      problems.push(problem(column, `"${id}" is counted from ${outcomeOf(found).extract.what}, which the run was not given: ${howToGive(outcomeOf(found))}, or leave it out of the outcomes`, id));
    } else {
      chosen.push(found);
    }
  });
  if (problems.length > 0) throw new InputError(problems.map((p) => ({ ...p, file: where })));
  return chosen;
}

/**
 * The problems with `unitCosts` or `costColumns` keys: each must name an outcome, by its id or its
 * short name (`ae`, `admission`, `bed_day`, `outpatient`). One known but not in this run is left alone.
 */
export function costKeyProblems(keys: readonly string[], custom: readonly RunOutcome[], place: { file: string; key: string }): DataError[] {
  const names = [...BUILT_IN_OUTCOMES.flatMap((outcome) => [outcome.costName, outcome.id]), ...custom.map((outcome) => outcome.id)];
  return keys
    .filter((key) => !names.includes(key))
    .map((key) => ({
      ...problem(place.key ? `${place.key}.${key}` : "", `"${key}" is not an outcome${didYouMean(key, names) || `: use ${BUILT_IN_OUTCOMES.map((o) => o.costName).join(", ")}, or an outcome's id`}`, key),
      file: place.file,
    }));
}

/** Whether two cost keys name one outcome: the same key, or a built-in outcome's id and its short name (`bed_day`, `emergency_bed_days`). */
export function nameSameOutcome(a: string, b: string): boolean {
  return a === b || BUILT_IN_OUTCOMES.some((outcome) => [outcome.id, outcome.costName].includes(a) && [outcome.id, outcome.costName].includes(b));
}

/** The run's outcome a cost key names (its id or short name), or undefined. */
export function outcomeNamed(key: string, outcomes: readonly Outcome[]): Outcome | undefined {
  return outcomes.find((outcome) => outcome.id === key || outcome.costName === key);
}
