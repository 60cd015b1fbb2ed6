/**
 * Residents in the ICB's activity extracts who were never referred: the bulk of any real extract,
 * and activity the evaluation must ignore (`activityOfOthers`). Their activity spreads over the whole
 * span, with no index date.
 */
import { attend, admitAsEmergency, plannedCare } from "./activity-events.js";
import { BIRTH_METHODS } from "./activity-codes.js";
import { frailty, pickWeighted, poisson } from "./distributions.js";
import type { Random } from "./random.js";
import type { ActivitySink } from "./rows.js";
import { ACTIVITY_SPAN } from "./west-kent-calendar.js";

const SIX_MONTHS_IN_SPAN = (ACTIVITY_SPAN.end - ACTIVITY_SPAN.start + 1) / 182.6;
const RESIDENT_FRAILTY_SHAPE = 0.5;
/** Share of the extract's residents who are babies born in the span (a birth admission, 82 or 83). */
const NEWBORN_SHARE = 0.02;

/** Expected unplanned attendances and emergency admissions per six months, by age. */
function residentRates(age: number): { ae: number; admissions: number } {
  if (age >= 75) return { ae: 0.3, admissions: 0.18 };
  if (age >= 55) return { ae: 0.2, admissions: 0.08 };
  return { ae: 0.18, admissions: 0.04 };
}

/** A resident's age and frailty, which their appointments and lengths of stay are drawn from. */
export interface Resident {
  age: number;
  frailty: number;
}

/** One resident's activity rows; everyone in an activity extract has at least one. */
export function residentActivity(random: Random, patientId: string, sink: ActivitySink): Resident {
  const before = sink.attendances.length + sink.admissions.length;
  const day = (): number => random.int(ACTIVITY_SPAN.start, ACTIVITY_SPAN.end);
  const newborn = random.chance(NEWBORN_SHARE);
  if (newborn) sink.admissions.push({ patientId, admissionDate: day(), method: pickWeighted(random, BIRTH_METHODS) });
  const age = newborn ? 0 : random.int(1, 95);
  const u = frailty(random, RESIDENT_FRAILTY_SHAPE);
  const rates = residentRates(age);
  for (let k = poisson(random, rates.ae * u * SIX_MONTHS_IN_SPAN); k > 0; k--) attend(random, sink, patientId, day());
  for (let k = poisson(random, rates.admissions * u * SIX_MONTHS_IN_SPAN); k > 0; k--) admitAsEmergency(random, sink, patientId, day());
  plannedCare(random, sink, patientId, age, u);
  if (sink.attendances.length + sink.admissions.length === before) attend(random, sink, patientId, day());
  return { age, frailty: u };
}
