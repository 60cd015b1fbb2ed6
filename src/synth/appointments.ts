/**
 * One person's booked appointments (outpatient or general practice) over an extract's span. Unlike
 * the A&E and admission counts, no window total is fixed: appointments are drawn at the person's
 * rate, which is raised in the six months before a referral (people are referred after a bad patch)
 * and less so after it, by the cohort's factors, so that each cohort shows a plausible fall.
 */
import type { Day } from "../core/day.js";
import { rateAt, type RatesByAge } from "./appointment-codes.js";
import { pickWeighted, poisson } from "./distributions.js";
import type { Random } from "./random.js";
import type { AppointmentRow } from "./rows.js";
import type { Windows } from "./west-kent-calendar.js";
import type { AppointmentChange } from "./west-kent-cohorts.js";

const DAYS_PER_SIX_MONTHS = 182.6;

/** What an extract holds: its span, how often each age books, and the statuses its rows carry. */
export interface AppointmentExtract {
  span: { start: Day; end: Day };
  perSixMonths: RatesByAge;
  statuses: readonly (readonly [string, number])[];
}

export interface AppointmentPerson {
  patientId: string;
  age: number;
  /** The person's gamma frailty (mean 1), shared with their hospital use. */
  frailty: number;
  /** A referred or comparison patient's windows, and the rate's factor in each; none for a resident. */
  windows?: Windows;
  change?: AppointmentChange;
}

/**
 * Half of a person's appointment rate follows their frailty: nearly everyone sees a GP or a clinic
 * now and then, so appointments are less overdispersed than A&E visits, but heavy users of one are
 * heavy users of the other.
 */
function personFactor(frailty: number): number {
  return 0.5 + 0.5 * frailty;
}

/** The person's stretches of the span, each with the factor their rate is multiplied by. */
function stretches(person: AppointmentPerson, span: { start: Day; end: Day }): [Day, Day, number][] {
  const { windows, change } = person;
  if (!windows || !change) return [[span.start, span.end, 1]];
  const all: [Day, Day, number][] = [
    [span.start, windows.preStart - 1, 1],
    [windows.preStart, windows.indexDate - 1, change.pre],
    // The index day goes with the post window: the referral is often made at that day's appointment.
    [windows.indexDate, windows.postEnd, change.post],
    [windows.postEnd + 1, span.end, 1],
  ];
  return all.map(([from, to, factor]): [Day, Day, number] => [Math.max(from, span.start), Math.min(to, span.end), factor]).filter(([from, to]) => from <= to);
}

/** Appends the person's appointments, in no particular order, to `rows`. */
export function personAppointments(random: Random, person: AppointmentPerson, extract: AppointmentExtract, rows: AppointmentRow[]): void {
  const rate = rateAt(extract.perSixMonths, person.age) * personFactor(person.frailty);
  for (const [from, to, factor] of stretches(person, extract.span)) {
    const count = poisson(random, (rate * factor * (to - from + 1)) / DAYS_PER_SIX_MONTHS);
    for (let k = 0; k < count; k++) {
      rows.push({ patientId: person.patientId, appointmentDate: random.int(from, to), status: pickWeighted(random, extract.statuses) });
    }
  }
}
