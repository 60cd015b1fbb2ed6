import type { ProgressListener } from "../io/progress.js";
import { visitRecords } from "../io/records.js";
import type { ActivitySink } from "./activity.js";
import { type AdmissionReading, admissionRowParser } from "./admissions.js";
import { type AeReading, aeRowParser } from "./ae.js";
import type { ProblemLog } from "./problem-log.js";
import type { ExtractSource } from "./source.js";

type RowParser = (fields: string[], line: number) => void;

async function streamActivity(
  source: ExtractSource,
  makeParser: (header: string[]) => RowParser,
  progress?: ProgressListener,
): Promise<number> {
  let rows = 0;
  let parseRow: RowParser | undefined;
  await visitRecords(source, {
    header: (fields) => {
      parseRow = makeParser(fields);
    },
    record: (fields, line) => {
      rows++;
      parseRow!(fields, line);
    },
  }, progress);
  return rows;
}

/** Streams an A&E extract row by row into the sink; returns the number of rows read. */
export function readAe(source: ExtractSource, reading: AeReading, log: ProblemLog, sink: ActivitySink, progress?: ProgressListener): Promise<number> {
  return streamActivity(source, (header) => aeRowParser(header, source, reading, log, sink), progress);
}

/** Streams an admissions extract row by row into the sink; returns the number of rows read. */
export function readAdmissions(
  source: ExtractSource,
  reading: AdmissionReading,
  log: ProblemLog,
  sink: ActivitySink,
  progress?: ProgressListener,
): Promise<number> {
  return streamActivity(source, (header) => admissionRowParser(header, source, reading, log, sink), progress);
}
