/**
 * `prepost synth population`: extracts of any size for benchmarks, generated row by row as they are
 * written (no array of rows anywhere), so that tens of millions of rows take bounded memory.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic-write.js";
import { writeCsvFile } from "./csv-writer.js";
import { evaluationConfig, jsonText } from "./evaluation-config.js";
import { ADMISSION_COLUMNS, ATTENDANCE_COLUMNS, FILES, REFERRAL_COLUMNS } from "./extract-columns.js";
import { ATTENDANCE_SHARE, populationAdmissionFields, populationAttendanceFields, type PopulationShape } from "./population-activity.js";
import { populationReferralFields } from "./population-patients.js";
import { pseudonymKey } from "./pseudonyms.js";
import type { WrittenFile } from "./west-kent-files.js";

export interface PopulationOptions {
  /** Referred patients (each with one to four rows in referrals.csv). */
  patients: number;
  /** Rows of ae.csv and admissions.csv together. */
  activityRows: number;
  seed: number;
}

export async function writePopulation(outDir: string, options: PopulationOptions): Promise<WrittenFile[]> {
  await mkdir(outDir, { recursive: true });
  const shape: PopulationShape = { seed: options.seed, key: pseudonymKey(options.seed), patients: options.patients };
  const attendances = Math.round(options.activityRows * ATTENDANCE_SHARE);
  const admissions = options.activityRows - attendances;
  const at = (file: string): string => join(outDir, file);
  const written: WrittenFile[] = [
    { file: FILES.referrals, rows: await writeCsvFile(at(FILES.referrals), REFERRAL_COLUMNS, populationReferralFields(shape.seed, shape.key, shape.patients)) },
    { file: FILES.ae, rows: await writeCsvFile(at(FILES.ae), ATTENDANCE_COLUMNS, populationAttendanceFields(shape, attendances)) },
    { file: FILES.admissions, rows: await writeCsvFile(at(FILES.admissions), ADMISSION_COLUMNS, populationAdmissionFields(shape, admissions)) },
  ];
  await writeFileAtomic(at(FILES.config), jsonText(evaluationConfig({ comparison: false })));
  return [...written, { file: FILES.config, rows: 0 }];
}
