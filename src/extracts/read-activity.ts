import type { ProgressListener } from "../io/progress.js";
import { visitRecords } from "../io/records.js";
import { type ActivityRow, activityRowParser, type OutcomeReading } from "./activity-rows.js";
import type { ProblemLog } from "./problem-log.js";
import { type ExtractReading, noteTextKind, startReading } from "./reading-report.js";
import type { ExtractSource } from "./source.js";

/** What reading an activity extract gives besides the sinks' counts. */
export interface ActivityReadout {
  rows: number;
  reading: ExtractReading;
}

/** Streams an activity extract row by row, each valid row to every outcome of the extract. */
export async function readActivity(
  source: ExtractSource,
  outcomes: readonly OutcomeReading[],
  log: ProblemLog,
  progress?: ProgressListener,
  seeRow?: (patientId: string, day: number, row: ActivityRow) => void,
): Promise<ActivityReadout> {
  let rows = 0;
  let parseRow: ReturnType<typeof activityRowParser> | undefined;
  const reading = startReading(source);
  await visitRecords(
    source,
    {
      textKind: (kind) => noteTextKind(reading, kind),
      header: (fields) => {
        parseRow = activityRowParser(fields, source, outcomes, log, reading, seeRow);
      },
      record: (fields, line) => {
        rows++;
        parseRow!(fields, line);
      },
    },
    progress,
  );
  parseRow?.finish();
  return { rows, reading };
}
