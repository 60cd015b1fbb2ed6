/**
 * The scale mode's outpatients.csv, one line at a time: the spec's columns, then those a SUS+
 * outpatient export carries (`POPULATION_OUTPATIENT_COLUMNS`). Statuses mix attended (5, 6: counted)
 * and every code that is not (did not attend, cancelled, late and not seen, unknown, empty), so that
 * a benchmark exercises both paths of the counting.
 */
import { OUTPATIENT_STATUSES } from "./appointment-codes.js";
import { pickWeighted } from "./distributions.js";
import { FIRST_ATTENDANCES, PROVIDERS, TREATMENT_FUNCTIONS } from "./export-codes.js";
import { isoDay } from "./iso-days.js";
import { drawOwner, newOwner, type PopulationShape } from "./population-activity.js";
import { createRandom } from "./random.js";

const OUTPATIENT_STREAM = 204;

/** An appointment identifier, unique in the extract: `O` and nine digits. */
function appointmentId(k: number): string {
  return `O${String(k + 1).padStart(9, "0")}`;
}

/** `rows` lines of outpatients.csv, each ending in a new line. */
export function* populationOutpatientLines(shape: PopulationShape, rows: number): Generator<string> {
  const random = createRandom(shape.seed, OUTPATIENT_STREAM);
  const owner = newOwner();
  for (let k = 0; k < rows; k++) {
    drawOwner(random, shape, owner);
    const status = pickWeighted(random, OUTPATIENT_STATUSES);
    const provider = pickWeighted(random, PROVIDERS);
    const treatment = pickWeighted(random, TREATMENT_FUNCTIONS);
    const first = pickWeighted(random, FIRST_ATTENDANCES);
    yield `${owner.patientId},${isoDay(owner.day)},${status},${appointmentId(k)},${provider},${treatment},${first},${owner.ageBand},${owner.lsoa}\n`;
  }
}
