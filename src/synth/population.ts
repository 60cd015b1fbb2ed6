/**
 * `prepost synth population`: extracts of any size for benchmarks, shaped like real ECDS, SUS and
 * primary-care exports (the spec's columns first, then a real export's others) and generated row by row as they
 * are written (no array of rows anywhere), so that tens of millions of rows take bounded memory.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic-write.js";
import { writeCsvFile, writeCsvLines } from "./csv-writer.js";
import { evaluationConfig, jsonText } from "./evaluation-config.js";
import {
  FILES,
  POPULATION_ADMISSION_COLUMNS,
  POPULATION_ATTENDANCE_COLUMNS,
  POPULATION_GP_APPOINTMENT_COLUMNS,
  POPULATION_OUTPATIENT_COLUMNS,
  POPULATION_SCALE_COLUMNS,
  REFERRAL_COLUMNS,
} from "./extract-columns.js";
import type { PopulationShape } from "./population-activity.js";
import { populationAdmissionLines } from "./population-admissions.js";
import { populationAttendanceLines } from "./population-attendances.js";
import { populationGpAppointmentLines } from "./population-gp-appointments.js";
import { populationOutpatientLines } from "./population-outpatients.js";
import { populationReferralFields } from "./population-patients.js";
import { populationPeopleLines } from "./population-people.js";
import { pseudonymKey } from "./pseudonyms.js";
import type { WrittenFile } from "./west-kent-files.js";

/**
 * The version of what a seed gives: raised with every change to the bytes of the files (pinned by
 * test/synth/population.test.ts), so that `npm run bench` remakes data an older version made.
 * 1: three-column activity rows; 2: the columns of real ECDS and SUS exports, `--ae-share`;
 * 3: discharge dates on a spell's last episode only (none on an open spell), outpatients.csv and
 * gp-appointments.csv (`--outpatient-rows`, `--gp-rows`), the outcomes listed in evaluation.json;
 * 4: no 16-digit discharge destination (a ward admission, 306706006, in its place).
 */
export const POPULATION_VERSION = 4;

/** Share of the activity rows that are A&E attendances, unless told otherwise (the rest are admissions). */
export const DEFAULT_AE_SHARE = 0.6;

export interface PopulationOptions {
  /** Referred patients (each with one to four rows in referrals.csv). */
  patients: number;
  /** Rows of ae.csv and admissions.csv together. */
  activityRows: number;
  /**
   * Share of `activityRows` in ae.csv, 0 to 1 (default `DEFAULT_AE_SHARE`). At 1 the population is
   * A&E only: admissions.csv is not written, nor named in evaluation.json; at 0, likewise ae.csv.
   */
  aeShare?: number;
  /** Rows of outpatients.csv; without any (the default), it is not written, nor named in evaluation.json. */
  outpatientRows?: number;
  /** Rows of gp-appointments.csv, likewise. */
  gpRows?: number;
  /**
   * People in population.csv (matching.md): the patients and the residents the activity belongs to.
   * Without it (the default) no population extract is written, and the activity is as it always was.
   */
  population?: number;
  seed: number;
}

export async function writePopulation(outDir: string, options: PopulationOptions): Promise<WrittenFile[]> {
  const aeShare = options.aeShare ?? DEFAULT_AE_SHARE;
  if (!(aeShare >= 0 && aeShare <= 1)) throw new RangeError(`writePopulation: aeShare must be from 0 to 1, not ${aeShare}`);
  await mkdir(outDir, { recursive: true });
  if (options.population !== undefined && !(options.population > options.patients)) {
    throw new RangeError(`writePopulation: population must be more than the patients (${options.patients}), not ${options.population}`);
  }
  const shape: PopulationShape = {
    seed: options.seed,
    key: pseudonymKey(options.seed),
    patients: options.patients,
    ...(options.population !== undefined ? { residents: options.population - options.patients } : {}),
  };
  const attendances = Math.round(options.activityRows * aeShare);
  const admissions = options.activityRows - attendances;
  const withAe = aeShare > 0;
  const withAdmissions = aeShare < 1;
  const at = (file: string): string => join(outDir, file);
  const written: WrittenFile[] = [
    { file: FILES.referrals, rows: await writeCsvFile(at(FILES.referrals), REFERRAL_COLUMNS, populationReferralFields(shape.seed, shape.key, shape.patients)) },
  ];
  if (withAe) {
    written.push({ file: FILES.ae, rows: await writeCsvLines(at(FILES.ae), POPULATION_ATTENDANCE_COLUMNS, populationAttendanceLines(shape, attendances)) });
  }
  if (withAdmissions) {
    written.push({ file: FILES.admissions, rows: await writeCsvLines(at(FILES.admissions), POPULATION_ADMISSION_COLUMNS, populationAdmissionLines(shape, admissions)) });
  }
  const outpatientRows = options.outpatientRows ?? 0;
  const gpRows = options.gpRows ?? 0;
  if (outpatientRows > 0) {
    const lines = populationOutpatientLines(shape, outpatientRows);
    written.push({ file: FILES.outpatients, rows: await writeCsvLines(at(FILES.outpatients), POPULATION_OUTPATIENT_COLUMNS, lines) });
  }
  if (gpRows > 0) {
    const lines = populationGpAppointmentLines(shape, gpRows);
    written.push({ file: FILES.gpAppointments, rows: await writeCsvLines(at(FILES.gpAppointments), POPULATION_GP_APPOINTMENT_COLUMNS, lines) });
  }
  if (options.population !== undefined) {
    written.push({ file: FILES.population, rows: await writeCsvLines(at(FILES.population), POPULATION_SCALE_COLUMNS, populationPeopleLines(shape, options.population)) });
  }
  const extracts = { comparison: false, ae: withAe, admissions: withAdmissions, outpatients: outpatientRows > 0, gpAppointments: gpRows > 0, population: options.population !== undefined };
  await writeFileAtomic(at(FILES.config), jsonText(evaluationConfig(extracts)));
  return [...written, { file: FILES.config, rows: 0 }];
}
