import { type DataError, InputError } from "../errors.js";
import { visitRecords } from "../io/records.js";
import { type ComparisonPatient, type ComparisonReading, comparisonRowParser } from "./comparison.js";
import type { ProblemLog } from "./problem-log.js";
import type { ExtractSource } from "./source.js";

export interface ComparisonRead {
  patients: ComparisonPatient[];
  rows: number;
}

/** Reads the comparison group (a patient a row); invalid rows go to the log, a wrong group stops the run. */
export async function readComparison(source: ExtractSource, reading: ComparisonReading, log: ProblemLog): Promise<ComparisonRead> {
  const patients: ComparisonPatient[] = [];
  let rows = 0;
  const fatal: DataError[] = [];
  let parseRow: ((fields: string[], line: number) => ComparisonPatient | undefined) | undefined;
  await visitRecords(source, {
    header: (fields) => {
      parseRow = comparisonRowParser(fields, source, reading, log, fatal);
    },
    record: (fields, line) => {
      rows++;
      const patient = parseRow!(fields, line);
      if (patient) patients.push(patient);
    },
  });
  if (fatal.length > 0) throw new InputError(fatal);
  return { patients, rows };
}
