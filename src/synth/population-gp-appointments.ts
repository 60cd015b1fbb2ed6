/**
 * The scale mode's gp-appointments.csv, one line at a time: a primary-care extract's own column names
 * (mapped by the config's custom outcome), its dates in the UK order `DD/MM/YYYY` as a GP system's
 * export writes them, then the columns of GP appointments data (`POPULATION_GP_APPOINTMENT_COLUMNS`).
 * Statuses mix seen (counted by the config's `countWhere`) and not, a few in another case.
 */
import { GP_STATUSES } from "./appointment-codes.js";
import { pickWeighted } from "./distributions.js";
import { APPOINTMENT_MODES, HCP_TYPES } from "./export-codes.js";
import { ukDay } from "./iso-days.js";
import { drawOwner, newOwner, type PopulationShape } from "./population-activity.js";
import { createRandom } from "./random.js";

const GP_STREAM = 205;

/** `rows` lines of gp-appointments.csv, each ending in a new line. */
export function* populationGpAppointmentLines(shape: PopulationShape, rows: number): Generator<string> {
  const random = createRandom(shape.seed, GP_STREAM);
  const owner = newOwner();
  for (let k = 0; k < rows; k++) {
    drawOwner(random, shape, owner);
    const status = pickWeighted(random, GP_STATUSES);
    const clinician = pickWeighted(random, HCP_TYPES);
    const mode = pickWeighted(random, APPOINTMENT_MODES);
    yield `${owner.patientId},${ukDay(owner.day)},${status},${owner.practice},${clinician},${mode},${owner.lsoa}\n`;
  }
}
