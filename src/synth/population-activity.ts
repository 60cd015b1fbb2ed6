/**
 * The scale mode's activity rows, one at a time: a share belongs to referred patients (dated around
 * their index date), the rest to residents never referred (dated anywhere in the span). Codes mix
 * counted and not-countable ones, so that a benchmark exercises every path of the counting.
 */
import {
  ANTE_PARTUM,
  BIRTH_METHODS,
  ELECTIVE_METHODS,
  EMERGENCY_METHODS,
  PLANNED_FOLLOW_UP,
  POST_PARTUM,
  TRANSFER_IN,
  UNPLANNED_CATEGORIES,
} from "./activity-codes.js";
import { pickWeighted } from "./distributions.js";
import { isoDay } from "./iso-days.js";
import { populationIndexDate } from "./population-patients.js";
import { pseudonym } from "./pseudonyms.js";
import { createRandom, type Random } from "./random.js";
import { ACTIVITY_SPAN } from "./west-kent-calendar.js";

const ACTIVITY_STREAM = 201;
/** Share of activity rows belonging to referred patients. */
const REFERRED_SHARE = 0.3;
/** Residents in the extract per referred patient. */
const RESIDENTS_PER_PATIENT = 4;
/** Share of activity rows that are A&E attendances (the rest are admissions). */
export const ATTENDANCE_SHARE = 0.6;

const ATTENDANCE_KINDS = [
  ["unplanned", 0.94],
  ["planned", 0.06],
] as const;
type Codes = readonly (readonly [string, number])[];
const ADMISSION_KINDS: readonly (readonly [Codes, number])[] = [
  [EMERGENCY_METHODS, 0.45],
  [ELECTIVE_METHODS, 0.45],
  [
    [
      [ANTE_PARTUM, 0.8],
      [POST_PARTUM, 0.2],
    ],
    0.04,
  ],
  [[[TRANSFER_IN, 1]], 0.03],
  [BIRTH_METHODS, 0.03],
];

export interface PopulationShape {
  seed: number;
  key: number;
  patients: number;
}

interface Owner {
  patientId: string;
  day: number;
}

function owner(random: Random, shape: PopulationShape): Owner {
  if (random.chance(REFERRED_SHARE)) {
    const serial = random.int(0, shape.patients - 1);
    const around = populationIndexDate(shape.seed, serial) + random.int(-300, 300);
    return { patientId: pseudonym(shape.key, serial, "PP"), day: Math.min(ACTIVITY_SPAN.end, Math.max(ACTIVITY_SPAN.start, around)) };
  }
  const serial = shape.patients + random.int(0, shape.patients * RESIDENTS_PER_PATIENT - 1);
  return { patientId: pseudonym(shape.key, serial, "PP"), day: random.int(ACTIVITY_SPAN.start, ACTIVITY_SPAN.end) };
}

export function* populationAttendanceFields(shape: PopulationShape, rows: number): Generator<string[]> {
  const random = createRandom(shape.seed, ACTIVITY_STREAM);
  for (let k = 0; k < rows; k++) {
    const { patientId, day } = owner(random, shape);
    const planned = pickWeighted(random, ATTENDANCE_KINDS) === "planned";
    yield [patientId, isoDay(day), planned ? PLANNED_FOLLOW_UP : pickWeighted(random, UNPLANNED_CATEGORIES)];
  }
}

export function* populationAdmissionFields(shape: PopulationShape, rows: number): Generator<string[]> {
  const random = createRandom(shape.seed, ACTIVITY_STREAM + 1);
  for (let k = 0; k < rows; k++) {
    const { patientId, day } = owner(random, shape);
    yield [patientId, isoDay(day), pickWeighted(random, pickWeighted(random, ADMISSION_KINDS))];
  }
}
