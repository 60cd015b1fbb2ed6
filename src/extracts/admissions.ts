import { findColumns } from "../io/columns.js";
import type { ActivitySink } from "./activity.js";
import { MISSING_DATE } from "./dates.js";
import { eventDayField, optionalTextField, patientIdField } from "./fields.js";
import type { ProblemLog } from "./problem-log.js";
import type { ExtractReading } from "./reading-report.js";
import { RowReader } from "./row-reader.js";
import { type ExtractSource, wantedColumns } from "./source.js";

export const ADMISSION_COLUMNS = [
  { name: "patient_id", required: true },
  { name: "admission_date", required: true },
  { name: "admission_method", required: true },
  { name: "episode_order", required: false },
] as const;

export interface AdmissionReading {
  /** Admission methods of unplanned admissions (trimmed, upper case). */
  emergencyMethods: ReadonlySet<string>;
  /** Told every valid row with a real date, where the extract has no episode order (see spell-repeats.ts). */
  seeSpell?: (patientId: string, day: number, method: string) => void;
}

// HES writes EPIORDER with a leading zero ("01"): the first episode of a spell is 1 as a number.
const FIRST_EPISODE = /^0*1$/;

/** Builds the row parser for an admitted patient care extract (SUS/HES) from its header. */
export function admissionRowParser(
  header: string[],
  source: ExtractSource,
  reading: AdmissionReading,
  log: ProblemLog,
  sink: ActivitySink,
  report: ExtractReading,
) {
  const { at, used } = findColumns(header, wantedColumns(source, ADMISSION_COLUMNS), source);
  report.columns = used;
  // Messages name a column by the extract's own header for it, as the user sees it in the file.
  const name = (column: (typeof ADMISSION_COLUMNS)[number]["name"]) => used[column]?.header ?? source.columns[column] ?? column;
  const row = new RowReader("admissions", source.file, header.length, log);
  const dayField = eventDayField(source.format.dateFormat);
  report.dateFormats = { admission_date: null };
  const noteDateFormat = () => void (report.dateFormats.admission_date = dayField.format ?? null);
  const countsEpisodes = at.episode_order >= 0;
  const [patientIdColumn, dateColumn, methodColumn, episodeColumn] = [name("patient_id"), name("admission_date"), name("admission_method"), name("episode_order")];

  return Object.assign((fields: string[], line: number): void => {
    if (!row.begin(fields, line)) return;
    const patientId = row.read(patientIdField, at.patient_id, patientIdColumn);
    const day = row.read(dayField, at.admission_date, dateColumn);
    const method = row.read(optionalTextField, at.admission_method, methodColumn);
    const episode = countsEpisodes ? row.read(optionalTextField, at.episode_order, episodeColumn) : "1";
    if (!row.end()) return;
    if (!countsEpisodes && typeof day === "number") reading.seeSpell?.(patientId!, day, method!);
    // An extract is counted one row per spell; in an episode-level extract only first episodes count.
    const notCountable = !FIRST_EPISODE.test(episode!)
      ? "later_episode"
      : !reading.emergencyMethods.has(method!.toUpperCase())
        ? "not_emergency"
        : day === MISSING_DATE
          ? "missing_date"
          : undefined;
    sink(patientId!, day!, notCountable);
  }, { finish: noteDateFormat });
}
