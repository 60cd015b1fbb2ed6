import { aeAttendances } from "./ae-attendances.js";
import { customOutcome, type CustomOutcomeDefinition } from "./custom-outcomes.js";
import { emergencyBedDays } from "./emergency-bed-days.js";
import type { ActivityExtract, Outcome } from "./outcome.js";
import { outpatientAttendances } from "./outpatient-attendances.js";
import { unplannedAdmissions } from "./unplanned-admissions.js";

/**
 * Every built-in outcome, in the order a run reports them by default. A new outcome is a file of
 * its own (see `outcome.ts`) and a line here.
 */
export const BUILT_IN_OUTCOMES: readonly Outcome[] = [aeAttendances, unplannedAdmissions, emergencyBedDays, outpatientAttendances];

/** The built-in activity extracts, each once, in the order of their first outcome. */
export const BUILT_IN_EXTRACTS: readonly ActivityExtract[] = [...new Map(BUILT_IN_OUTCOMES.map((outcome) => [outcome.extract.name, outcome.extract])).values()];

/** A run's outcome as plain data: a built-in one by id, or a custom one with its definition. */
export interface RunOutcome {
  id: string;
  custom?: CustomOutcomeDefinition;
}

/** The descriptor of a run's outcome (in any thread: a run travels as plain data). */
export function outcomeOf(chosen: RunOutcome): Outcome {
  if (chosen.custom) return customOutcome(chosen.custom);
  const outcome = BUILT_IN_OUTCOMES.find((built) => built.id === chosen.id);
  if (!outcome) throw new Error(`no outcome ${chosen.id}`);
  return outcome;
}

/** A reported outcome's descriptor, from its id and the settings that made it (a custom outcome's definition is in them). */
export function describedOutcome(id: string, settings: { customOutcomes: readonly CustomOutcomeDefinition[] }): Outcome | undefined {
  const custom = settings.customOutcomes.find((definition) => definition.id === id);
  return custom ? customOutcome(custom) : BUILT_IN_OUTCOMES.find((outcome) => outcome.id === id);
}

/** The extract of a reported outcome, by the extract's name: how the renderers name it. */
export function describedExtract(name: string, settings: { outcomes: readonly string[]; customOutcomes: readonly CustomOutcomeDefinition[] }): ActivityExtract | undefined {
  for (const id of settings.outcomes) {
    const outcome = describedOutcome(id, settings);
    if (outcome?.extract.name === name) return outcome.extract;
  }
  return BUILT_IN_EXTRACTS.find((extract) => extract.name === name);
}
