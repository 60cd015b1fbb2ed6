/**
 * Values for the columns a real ECDS or SUS admitted patient care export carries beyond the spec's.
 * No rule reads them: they are there so that a benchmark reads rows as wide as a real extract's
 * (about 80 bytes an A&E row, a dozen columns), with codes of the right shape and rough shares. None
 * ever needs quoting in CSV (no comma, quote or new line), which the scale mode's writer relies on.
 */

/** Kent and Medway's acute trusts and a neighbour: Maidstone and Tunbridge Wells, East Kent, Dartford and Gravesham, Medway, Lewisham and Greenwich. */
export const PROVIDERS = [
  ["RWF", 0.35],
  ["RVV", 0.25],
  ["RN7", 0.2],
  ["RPA", 0.15],
  ["RJ2", 0.05],
] as const;

/** ECDS department type: 01 emergency department, 02 single-specialty, 03 urgent treatment centre or minor injuries unit. */
export const DEPARTMENT_TYPES = [
  ["01", 0.7],
  ["02", 0.05],
  ["03", 0.25],
] as const;

/** Arrival mode: 1 by ambulance, 2 otherwise. */
export const ARRIVAL_MODES = [
  ["1", 0.3],
  ["2", 0.7],
] as const;

/** Arrivals by hour of the day: few overnight, most from late morning to evening. */
export const ARRIVAL_HOURS = [
  2, 1.6, 1.3, 1.1, 1, 1, 1.3, 2, 3.5, 5, 6, 6.3, 6, 5.8, 5.6, 5.5, 5.4, 5.3, 5.2, 5, 4.6, 4, 3.3, 2.6,
] as const;

/** `HH:MM` of every minute of a day, made once. */
export const CLOCK_TIMES: readonly string[] = Array.from(
  { length: 24 * 60 },
  (_, minute) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`,
);

/** Chief complaints: a code from a list of a thousand, as the export numbers them. */
export const CHIEF_COMPLAINTS: readonly string[] = Array.from({ length: 1000 }, (_, k) => String(1000 + k));

/**
 * Discharge destinations (SNOMED CT): home, transfer to another facility, admitted to a ward. Codes
 * of the UK extension run to 16 digits; none is used, so that no synthetic field holds a run of
 * ten digits, the length of an NHS number, for a scanner (or a reader) to take for one.
 */
export const DISCHARGE_DESTINATIONS = [
  ["306689006", 0.7],
  ["19712007", 0.2],
  ["306706006", 0.1],
] as const;

/** Five-year age bands, 1 (0–4) to 19 (90 and over). */
export const AGE_BANDS: readonly string[] = Array.from({ length: 19 }, (_, k) => String(k + 1));

/** A county's worth of Lower Layer Super Output Areas, where each person lives. */
export const LSOAS: readonly string[] = Array.from({ length: 1000 }, (_, k) => `E0${1024000 + k}`);

/** Admission source: 19 usual residence, 29 temporary residence, 51 another NHS hospital's ward, 54 NHS care home, 65 local authority care home. */
export const ADMISSION_SOURCES = [
  ["19", 0.88],
  ["29", 0.02],
  ["51", 0.05],
  ["54", 0.02],
  ["65", 0.03],
] as const;

/** Main specialty: general surgery, trauma and orthopaedics, emergency medicine, general medicine, gastroenterology, cardiology, respiratory, paediatrics, geriatric medicine, obstetrics. */
export const SPECIALTIES = [
  ["100", 0.14],
  ["110", 0.12],
  ["180", 0.08],
  ["300", 0.24],
  ["301", 0.06],
  ["320", 0.07],
  ["340", 0.06],
  ["420", 0.07],
  ["430", 0.1],
  ["501", 0.06],
] as const;

/** Primary diagnosis (ICD-10, four characters, as HES writes it): pneumonia, MI, UTI, chest pain, COPD, heart failure, hip fracture, abdominal pain, gallstones, sepsis. */
export const DIAGNOSES = [
  ["J189", 0.15],
  ["I214", 0.08],
  ["N390", 0.12],
  ["R074", 0.14],
  ["J441", 0.1],
  ["I509", 0.08],
  ["S720", 0.07],
  ["R104", 0.12],
  ["K802", 0.06],
  ["A419", 0.08],
] as const;

/** Episodes in a spell: most spells have one consultant; a transfer between consultants starts another. */
export const EPISODES_PER_SPELL = [
  [1, 0.85],
  [2, 0.11],
  [3, 0.04],
] as const;

/** `episode_order` as HES writes EPIORDER: two digits. */
export const EPISODE_ORDERS: readonly string[] = ["01", "02", "03"];

/** Outpatient treatment functions: general surgery, T&O, ENT, ophthalmology, general medicine, cardiology, dermatology, respiratory, rheumatology, gynaecology, physiotherapy. */
export const TREATMENT_FUNCTIONS = [
  ["100", 0.08],
  ["110", 0.12],
  ["120", 0.06],
  ["130", 0.14],
  ["300", 0.1],
  ["320", 0.09],
  ["330", 0.07],
  ["340", 0.06],
  ["410", 0.06],
  ["502", 0.08],
  ["650", 0.14],
] as const;

/** SUS+ First_Attendance: 1 first face to face, 2 follow-up face to face, 3 and 4 the same by telephone or video. */
export const FIRST_ATTENDANCES = [
  ["1", 0.27],
  ["2", 0.55],
  ["3", 0.05],
  ["4", 0.13],
] as const;

/** Sixty practices' ODS codes, as Kent and Medway's run (G82…). */
export const PRACTICES: readonly string[] = Array.from({ length: 60 }, (_, k) => `G82${String(k + 1).padStart(3, "0")}`);

/** GP appointments data's HCP_TYPE: a GP, another member of the practice's staff, not recorded. */
export const HCP_TYPES = [
  ["GP", 0.45],
  ["Other Practice staff", 0.5],
  ["Unknown", 0.05],
] as const;

/** GP appointments data's APPT_MODE. */
export const APPOINTMENT_MODES = [
  ["Face-to-Face", 0.68],
  ["Telephone", 0.27],
  ["Home Visit", 0.01],
  ["Video Conference/Online", 0.01],
  ["Unknown", 0.03],
] as const;
