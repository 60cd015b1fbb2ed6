import type { ProgressListener } from "../io/progress.js";
import { visitRecords } from "../io/records.js";
import type { ActivitySink } from "./activity.js";
import { type AdmissionReading, admissionRowParser } from "./admissions.js";
import { type AeReading, aeRowParser } from "./ae.js";
import type { ProblemLog } from "./problem-log.js";
import { type ExtractReading, noteTextKind, startReading } from "./reading-report.js";
import type { ExtractSource } from "./source.js";

/** A row parser, and what it has to say of the extract once every row is read. */
type RowParser = ((fields: string[], line: number) => void) & { finish(): void };

/** What reading an activity extract gives besides the sink's counts. */
export interface ActivityReadout {
  rows: number;
  reading: ExtractReading;
}

async function streamActivity(
  source: ExtractSource,
  makeParser: (header: string[], report: ExtractReading) => RowParser,
  progress?: ProgressListener,
): Promise<ActivityReadout> {
  let rows = 0;
  let parseRow: RowParser | undefined;
  const reading = startReading(source);
  await visitRecords(source, {
    textKind: (kind) => noteTextKind(reading, kind),
    header: (fields) => {
      parseRow = makeParser(fields, reading);
    },
    record: (fields, line) => {
      rows++;
      parseRow!(fields, line);
    },
  }, progress);
  parseRow?.finish();
  return { rows, reading };
}

/** Streams an A&E extract row by row into the sink. */
export function readAe(source: ExtractSource, reading: AeReading, log: ProblemLog, sink: ActivitySink, progress?: ProgressListener): Promise<ActivityReadout> {
  return streamActivity(source, (header, report) => aeRowParser(header, source, reading, log, sink, report), progress);
}

/** Streams an admissions extract row by row into the sink. */
export function readAdmissions(
  source: ExtractSource,
  reading: AdmissionReading,
  log: ProblemLog,
  sink: ActivitySink,
  progress?: ProgressListener,
): Promise<ActivityReadout> {
  return streamActivity(source, (header, report) => admissionRowParser(header, source, reading, log, sink, report), progress);
}
