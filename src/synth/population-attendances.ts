/**
 * The scale mode's ae.csv, one line at a time: the spec's columns, then those a real ECDS export
 * carries (`POPULATION_ATTENDANCE_COLUMNS`). Categories mix counted and planned follow-ups, so that a
 * benchmark exercises both paths of the counting.
 */
import { PLANNED_FOLLOW_UP, UNPLANNED_CATEGORIES } from "./activity-codes.js";
import { pickIndexWeighted, pickWeighted } from "./distributions.js";
import { ARRIVAL_HOURS, ARRIVAL_MODES, CHIEF_COMPLAINTS, CLOCK_TIMES, DEPARTMENT_TYPES, DISCHARGE_DESTINATIONS, PROVIDERS } from "./export-codes.js";
import { isoDay } from "./iso-days.js";
import { drawOwner, newOwner, type PopulationShape } from "./population-activity.js";
import { createRandom } from "./random.js";

const ATTENDANCE_STREAM = 201;
const PLANNED_SHARE = 0.06;

/** An attendance identifier, unique in the extract: `A` and nine digits. */
function attendanceId(k: number): string {
  return `A${String(k + 1).padStart(9, "0")}`;
}

/** `rows` lines of ae.csv, each ending in a new line. */
export function* populationAttendanceLines(shape: PopulationShape, rows: number): Generator<string> {
  const random = createRandom(shape.seed, ATTENDANCE_STREAM);
  const owner = newOwner();
  for (let k = 0; k < rows; k++) {
    drawOwner(random, shape, owner);
    const category = random.chance(PLANNED_SHARE) ? PLANNED_FOLLOW_UP : pickWeighted(random, UNPLANNED_CATEGORIES);
    const time = CLOCK_TIMES[pickIndexWeighted(random, ARRIVAL_HOURS) * 60 + random.int(0, 59)];
    const department = pickWeighted(random, DEPARTMENT_TYPES);
    const provider = pickWeighted(random, PROVIDERS);
    const mode = pickWeighted(random, ARRIVAL_MODES);
    const complaint = CHIEF_COMPLAINTS[random.int(0, CHIEF_COMPLAINTS.length - 1)];
    const destination = pickWeighted(random, DISCHARGE_DESTINATIONS);
    yield `${owner.patientId},${isoDay(owner.day)},${category},${attendanceId(k)},${time},${department},${provider},${mode},${complaint},${destination},${owner.ageBand},${owner.lsoa}\n`;
  }
}
