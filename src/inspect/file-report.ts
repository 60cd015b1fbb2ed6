import { columnReport, kindHint } from "./column-kind.js";
import { dateProblems, duplicateColumns, episodeProblem, extractProblems, missingRequiredValues, nhsNumberProblem, raggedRows } from "./problems.js";
import type { InspectedFile, Problem, TextReport } from "./report.js";
import { rulesFor } from "./rules.js";
import type { RowScan } from "./scan-rows.js";

function notUtf8Problem(text: TextReport): Problem[] {
  if (text.notUtf8Line === null) return [];
  const message =
    'is not UTF-8 text from this line on; it was read as Windows-1252 (what Excel writes on a UK desktop): set formats.<extract>.encoding to "windows-1252" (--write-config does), or save it as "CSV UTF-8"';
  return [{ code: "not_utf8", line: text.notUtf8Line, column: "", count: 1, message }];
}

/** What one pass over the file found, as the report shows it (a pure function of the scan). */
export function fileReport(file: string, scan: RowScan, text: TextReport): InspectedFile {
  const { match } = scan;
  const specColumnOf = (name: string) => match.columns.find((column) => column.header === name)?.column;
  const columns = scan.tallies.map((tally, i) => columnReport(tally, i + 1, kindHint(tally.name, specColumnOf(tally.name))));
  const readByRun = new Set(match.columns.flatMap((column) => (column.header === null ? [] : [column.header.trim().toLowerCase()])));
  const problems: Problem[] = [
    ...notUtf8Problem(text),
    ...duplicateColumns(scan.header, readByRun),
    ...extractProblems(match),
    ...missingRequiredValues(match, columns),
    ...raggedRows(scan.ragged, scan.firstRaggedLine, scan.header.length),
    ...columns.flatMap((column, i) => [...(column.kind === "date" ? dateProblems(scan.tallies[i]!) : []), ...nhsNumberProblem(column)]),
    ...episodeProblem(scan.duplicateKeys),
  ];
  return {
    file,
    readable: true,
    text,
    rows: scan.rows,
    header: { line: scan.headerLine, names: scan.header },
    columns,
    extract: match,
    rules: rulesFor(match.looksLike, match.columns, scan.duplicateKeys),
    problems,
  };
}
