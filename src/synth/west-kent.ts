/**
 * The West Kent example extract, as plain rows: referred patients (included and excluded), their
 * activity, the matched comparison group and its activity, and the never-referred residents who make
 * up the bulk of the ICB's extracts. Pure: the same seed gives the same rows.
 */
import { personActivity } from "./activity-events.js";
import { comparisonTotals, planComparisonGroup } from "./comparison-group.js";
import { withDischargeDates } from "./discharge-dates.js";
import { pseudonym, pseudonymKey } from "./pseudonyms.js";
import { createRandom, type Random } from "./random.js";
import { referralContacts } from "./referral-contacts.js";
import { planReferredPatients, type ReferredPatient } from "./referred-patients.js";
import { residentActivity } from "./residents.js";
import type { ActivitySink, AppointmentRow, AttendanceRow, ComparisonRow, PopulationRow, ReferralRow, SpellRow } from "./rows.js";
import { RESIDENTS_WITHOUT_ACTIVITY, westKentPopulation } from "./west-kent-population.js";
import { GP_EXTRACT, OUTPATIENT_EXTRACT, westKentAppointments, type WestKentPerson } from "./west-kent-appointments.js";
import { ACTIVITY_SPAN } from "./west-kent-calendar.js";
import { WEST_KENT_COHORTS, type WestKentCohort } from "./west-kent-cohorts.js";
import { drawnWindowCounts, exactWindowCounts, type WindowCounts } from "./window-counts.js";

export const DEFAULT_SEED = 1;

/** Never-referred residents with activity in the extracts (beside the comparison group). */
export const RESIDENTS = 26_000;

/**
 * Each part draws from its own stream (see `createRandom`). The last four were added after the
 * published counts were fixed: drawing them apart leaves every row of the first five as it was.
 */
const STREAM = { patients: 1, contacts: 2, activity: 3, comparison: 4, residents: 5, discharges: 6, outpatients: 7, gp: 8, population: 9 } as const;

/** What the activity is drawn with for a referred patient whose provider recorded no age. */
const AGE_IF_UNKNOWN = 40;

/** Away from the windows, use runs at 90% of the post-window rate: lower than before the referral. */
const BASELINE_OF_POST_RATE = 0.9;

export interface WestKentExtract {
  /** In the order the provider's extract lists them (the order rows were entered). */
  referrals: ReferralRow[];
  /** In date order, as the ICB extracts come. */
  attendances: AttendanceRow[];
  /** One row per spell, with its discharge date. */
  admissions: SpellRow[];
  comparison: ComparisonRow[];
  outpatients: AppointmentRow[];
  gpAppointments: AppointmentRow[];
  /** The registered population (matching.md), in pseudonym order. */
  population: PopulationRow[];
}

type NextId = () => string;

function baselineOf(cohort: WestKentCohort): { ae: number; admissions: number } {
  return {
    ae: (BASELINE_OF_POST_RATE * cohort.ae.post) / cohort.patients,
    admissions: (BASELINE_OF_POST_RATE * cohort.admissions.post) / cohort.patients,
  };
}

function referralRows(random: Random, patients: readonly ReferredPatient[], ids: readonly string[]): ReferralRow[] {
  const entered = patients.flatMap((patient, i) => referralContacts(random, patient, ids[i] ?? ""));
  // Array sort is stable: rows entered the same day keep their order, the index row first.
  return entered.sort((a, b) => a.enteredOn - b.enteredOn).map((entry) => entry.row);
}

/** Included patients get the cohort's exact totals; excluded ones counts drawn at the same rates. */
function referredActivity(random: Random, patients: readonly ReferredPatient[], ids: readonly string[], sink: ActivitySink): void {
  for (const cohort of WEST_KENT_COHORTS) {
    const members = patients.map((patient, i) => ({ patient, id: ids[i] ?? "" })).filter((m) => m.patient.cohort === cohort);
    const included = members.filter((m) => m.patient.fate === "included");
    const exact = exactWindowCounts(random, included.map((m) => m.patient.frailty), cohort);
    const countsOf = new Map<ReferredPatient, WindowCounts>(included.map((m, i) => [m.patient, exact[i] as WindowCounts]));
    for (const { patient, id } of members) {
      const counts = countsOf.get(patient) ?? drawnWindowCounts(random, patient.frailty, cohort);
      const age = patient.age ?? AGE_IF_UNKNOWN;
      personActivity(random, { patientId: id, indexDate: patient.indexDate, age, frailty: patient.frailty, counts, baseline: baselineOf(cohort) }, sink);
    }
  }
}

function comparisonGroup(random: Random, nextId: NextId, sink: ActivitySink, people: WestKentPerson[]): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const cohort of WEST_KENT_COHORTS) {
    const group = planComparisonGroup(random, cohort).sort((a, b) => a.indexDate - b.indexDate);
    const counts = exactWindowCounts(random, group.map((p) => p.frailty), comparisonTotals(cohort));
    group.forEach((person, i) => {
      const patientId = nextId();
      rows.push({ patientId, cohort: cohort.cohort, indexDate: person.indexDate });
      people.push({ patientId, age: person.age, frailty: person.frailty });
      const personCounts = counts[i] as WindowCounts;
      personActivity(random, { ...person, patientId, counts: personCounts, baseline: baselineOf(cohort) }, sink);
    });
  }
  return rows;
}

/** Each person's age, by identifier: every admission belongs to someone drawn. */
function agesOf(people: readonly WestKentPerson[]): (patientId: string) => number {
  const ages = new Map(people.map((person) => [person.patientId, person.age]));
  return (patientId) => {
    const age = ages.get(patientId);
    if (age === undefined) throw new Error(`generateWestKent: an admission of ${patientId}, who is no one drawn`);
    return age;
  };
}

export function generateWestKent(seed: number = DEFAULT_SEED): WestKentExtract {
  const key = pseudonymKey(seed);
  let serial = 0;
  const nextId: NextId = () => pseudonym(key, serial++, "WK");
  const sink: ActivitySink = { attendances: [], admissions: [] };

  const patients = planReferredPatients(createRandom(seed, STREAM.patients), WEST_KENT_COHORTS);
  const ids = patients.map(nextId);
  const referrals = referralRows(createRandom(seed, STREAM.contacts), patients, ids);
  referredActivity(createRandom(seed, STREAM.activity), patients, ids, sink);
  const people: WestKentPerson[] = patients.map((patient, i) => ({
    patientId: ids[i] ?? "",
    age: patient.age ?? AGE_IF_UNKNOWN,
    frailty: patient.frailty,
    referral: { indexDate: patient.indexDate, cohort: patient.cohort },
  }));
  const comparison = comparisonGroup(createRandom(seed, STREAM.comparison), nextId, sink, people);
  const residents = createRandom(seed, STREAM.residents);
  for (let k = 0; k < RESIDENTS; k++) {
    const patientId = nextId();
    people.push({ patientId, ...residentActivity(residents, patientId, sink), resident: true });
  }

  // Named after everyone else, so that no one drawn before is renamed.
  const withoutActivity = Array.from({ length: RESIDENTS_WITHOUT_ACTIVITY }, nextId);
  const comparisonDates = new Map(comparison.map((row) => [row.patientId, row.indexDate]));
  const admissions = sink.admissions.sort((a, b) => a.admissionDate - b.admissionDate);
  return {
    referrals,
    attendances: sink.attendances.sort((a, b) => a.arrivalDate - b.arrivalDate),
    admissions: withDischargeDates(createRandom(seed, STREAM.discharges), admissions, agesOf(people), ACTIVITY_SPAN.end),
    comparison,
    outpatients: westKentAppointments(createRandom(seed, STREAM.outpatients), people, OUTPATIENT_EXTRACT, "outpatients"),
    gpAppointments: westKentAppointments(createRandom(seed, STREAM.gp), people, GP_EXTRACT, "gp"),
    population: westKentPopulation(createRandom(seed, STREAM.population), people, comparisonDates, withoutActivity),
  };
}
