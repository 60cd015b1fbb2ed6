/**
 * Writes the West Kent example: the referrals, the ICB's activity extracts (A&E, admissions with
 * discharge dates, outpatients, GP appointments), the comparison group, the registered population,
 * the config and the report's table.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic-write.js";
import { writeCsvFile } from "./csv-writer.js";
import { evaluationConfig, jsonText } from "./evaluation-config.js";
import {
  appointmentFields,
  ATTENDANCE_COLUMNS,
  attendanceFields,
  COMPARISON_COLUMNS,
  comparisonFields,
  fieldsOf,
  FILES,
  GP_APPOINTMENT_COLUMNS,
  OUTPATIENT_COLUMNS,
  POPULATION_COLUMNS,
  populationFields,
  REFERRAL_COLUMNS,
  referralFields,
  SPELL_COLUMNS,
  spellFields,
} from "./extract-columns.js";
import { generateWestKent } from "./west-kent.js";
import { publishedWestKent } from "./west-kent-published.js";

/** A file written and how many rows it holds (0 for JSON). */
export interface WrittenFile {
  file: string;
  rows: number;
}

export async function writeWestKent(outDir: string, seed: number): Promise<WrittenFile[]> {
  await mkdir(outDir, { recursive: true });
  const extract = generateWestKent(seed);
  const at = (file: string): string => join(outDir, file);
  const written: WrittenFile[] = [
    { file: FILES.referrals, rows: await writeCsvFile(at(FILES.referrals), REFERRAL_COLUMNS, fieldsOf(extract.referrals, referralFields)) },
    { file: FILES.ae, rows: await writeCsvFile(at(FILES.ae), ATTENDANCE_COLUMNS, fieldsOf(extract.attendances, attendanceFields)) },
    { file: FILES.admissions, rows: await writeCsvFile(at(FILES.admissions), SPELL_COLUMNS, fieldsOf(extract.admissions, spellFields)) },
    { file: FILES.comparison, rows: await writeCsvFile(at(FILES.comparison), COMPARISON_COLUMNS, fieldsOf(extract.comparison, comparisonFields)) },
    { file: FILES.outpatients, rows: await writeCsvFile(at(FILES.outpatients), OUTPATIENT_COLUMNS, fieldsOf(extract.outpatients, appointmentFields)) },
    {
      file: FILES.gpAppointments,
      rows: await writeCsvFile(at(FILES.gpAppointments), GP_APPOINTMENT_COLUMNS, fieldsOf(extract.gpAppointments, appointmentFields)),
    },
    { file: FILES.population, rows: await writeCsvFile(at(FILES.population), POPULATION_COLUMNS, fieldsOf(extract.population, populationFields)) },
  ];
  await writeFileAtomic(at(FILES.config), jsonText(evaluationConfig({ comparison: true, outpatients: true, gpAppointments: true, population: true }, { ageBands: true })));
  await writeFileAtomic(at(FILES.published), jsonText(publishedWestKent()));
  return [...written, { file: FILES.config, rows: 0 }, { file: FILES.published, rows: 0 }];
}
