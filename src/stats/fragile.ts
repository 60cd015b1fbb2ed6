/**
 * Warnings for fragile figures (statistics.md): a row with fewer than 30 patients, or fewer than 10
 * events in its pre window, gets a sentence saying why its change should not be read as an effect.
 * With so few, one or two patients' bad months move the percentage by tens of points.
 *
 * The count goes in brackets after a fixed phrase, so that no word depends on it: under
 * `--suppress` the count becomes `*`, and "1 patient" beside "2 patients" would tell it by grammar.
 * Under `--suppress` the warnings are decided from the published counts, not the true ones: a true
 * 28 published as 30 with "Fewer than 30 patients" beside it would tell that it is 28 or 29.
 */

import type { Count } from "../result.js";

/** Fewer patients than this and a row's change is mostly noise. */
export const FRAGILE_PATIENTS = 30;
/** Fewer pre-window events than this and each event is more than a tenth of the baseline. */
export const FRAGILE_PRE_EVENTS = 10;

/**
 * @param patients the row's patients, as published (`null` where suppressed: 1 to 7, so fewer than either bound)
 * @param pre the row's pre-window count, likewise
 * @returns the row's warnings, none for a sturdy row
 */
export function fragileRowWarnings(patients: Count, pre: Count): string[] {
  const warnings: string[] = [];
  if (patients === null || patients < FRAGILE_PATIENTS) {
    warnings.push(
      `Fewer than ${FRAGILE_PATIENTS} patients (${patients ?? "*"}): a change in so small a group can easily be chance and should not be read as an effect of the service.`,
    );
  }
  if (pre === 0) {
    warnings.push("No events in the pre window: there is nothing for the service to have reduced, so the row has no change to read.");
  } else if (pre === null || pre < FRAGILE_PRE_EVENTS) {
    warnings.push(
      `Fewer than ${FRAGILE_PRE_EVENTS} events in the pre window (${pre ?? "*"}): each one moves the change by over ten points, so it should not be read as an effect of the service.`,
    );
  }
  return warnings;
}
