import { visitCsv } from "./csv-records.js";

/** The start of a CSV file as csv-parse reads it: enough to plan a query over the rest. */
export interface CsvHead {
  header: string[];
  /** The header's line: 1 unless blank lines come before it. */
  headerLine: number;
  /** The first data record, if there is one. */
  firstRecord: string[] | undefined;
}

class HeadRead extends Error {}

/**
 * Reads the header and the first record as `visitCsv` reads them (the same fields and line
 * numbers), then stops. A problem with the file (missing, empty, malformed at its start) throws as it would
 * there.
 */
export async function readCsvHead(path: string, file: string): Promise<CsvHead> {
  const head: CsvHead = { header: [], headerLine: 0, firstRecord: undefined };
  try {
    await visitCsv(path, file, {
      header: (fields, line) => {
        head.header = fields;
        head.headerLine = line;
      },
      record: (fields) => {
        head.firstRecord = fields;
        throw new HeadRead();
      },
    }, undefined, "head");
  } catch (error) {
    if (!(error instanceof HeadRead)) throw error;
  }
  return head;
}
