import type { DuckDBConnection } from "@duckdb/node-api";
import { type ActivityTally, emptyTally } from "../core/count-in-windows.js";
import type { Subjects } from "../core/subjects.js";
import { PLACES } from "../core/windows.js";
import { boundaryCount, monthCount } from "../core/months.js";
import type { Outcome } from "../outcomes/outcome.js";
import { NeedsRowReader } from "./duckdb-fields.js";
import { MISSING_TOKEN_SPELLINGS } from "../extracts/missing-values.js";
import { CODE, type CountingRules, type ExtractFields, FIRST_REASON_CODE, MISSING_DAY, subjectsTableSql, TOKEN_SLOT, tallySql } from "./duckdb-sql.js";

/** The reason each code of the pass stands for (see `CODE` and `FIRST_REASON_CODE`). */
function reasonOfCode(rules: CountingRules): Map<number, string> {
  return new Map([[CODE.missing_date, "missing_date"], ...rules.reasons.map(({ reason }, i) => [FIRST_REASON_CODE + i, reason] as [number, string])]);
}

/** Loads the subjects, and their index dates' windows, into DuckDB with appenders: small tables, whatever the extract. */
export async function loadSubjects(connection: DuckDBConnection, subjects: Subjects): Promise<void> {
  for (const sql of subjectsTableSql(subjects.months)) await connection.run(sql);
  const appender = await connection.createAppender("subjects");
  const dates = new Map<number, number>();
  for (const [patientId, slot] of subjects.slotOf) {
    appender.appendVarchar(patientId);
    appender.appendInteger(slot);
    appender.appendInteger(subjects.indexDate[slot]!);
    appender.endRow();
    if (!dates.has(subjects.indexDate[slot]!)) dates.set(subjects.indexDate[slot]!, slot);
  }
  // No subject is called NULL (the referral reader refuses such a row): these rows mark the tokens.
  for (const token of MISSING_TOKEN_SPELLINGS) {
    appender.appendVarchar(token);
    appender.appendInteger(TOKEN_SLOT);
    appender.appendNull();
    appender.endRow();
  }
  appender.closeSync();
  // A date's windows and months are its first subject's: they depend on the date alone.
  const bounds = boundaryCount(subjects.months);
  const days = await connection.createAppender("index_days");
  for (const [day, slot] of dates) {
    days.appendInteger(day);
    days.appendInteger(subjects.priorStart[slot]!);
    days.appendInteger(subjects.preStart[slot]!);
    days.appendInteger(subjects.postEnd[slot]!);
    for (let b = 0; b < bounds; b++) days.appendInteger(subjects.monthBounds[slot * bounds + b]!);
    days.endRow();
  }
  days.closeSync();
}

/** The pass's groups, a column each (see `tallySql`): the slot is null for someone else's rows. */
interface Groups {
  slot: (number | null)[];
  code: number[];
  /** A countable row's month (0 … 2K), null for other codes and beyond month ±K. */
  month: (number | null)[];
  rows: number[];
  earliest: (number | null)[];
  latest: (number | null)[];
}

/** Folds the groups into the tally the stream engine would have built row by row. */
function foldGroups(groups: Groups, subjects: Subjects, outcome: Outcome, rules: CountingRules): { tally: ActivityTally; rows: number } {
  const tally = emptyTally(subjects, outcome, false);
  const reasonOf = reasonOfCode(rules);
  const perSubject = monthCount(subjects.months);
  let rows = 0;
  for (let g = 0; g < groups.code.length; g++) {
    const n = groups.rows[g]!;
    const code = groups.code[g]! % MISSING_DAY;
    rows += n;
    if (groups.code[g]! < MISSING_DAY) {
      tally.earliest = Math.min(tally.earliest, groups.earliest[g]!);
      tally.latest = Math.max(tally.latest, groups.latest[g]!);
    }
    if (code === CODE.others) {
      tally.activityOfOthers += n;
    } else if (code < PLACES) {
      tally.places[groups.slot[g]! * PLACES + code]! += n;
      const month = groups.month[g];
      if (month !== null && month !== undefined) tally.months[groups.slot[g]! * perSubject + month]! += n;
    } else {
      tally.notCountable[reasonOf.get(code)!]! += n;
    }
  }
  return { tally, rows };
}

async function runTally(connection: DuckDBConnection, fields: ExtractFields, rules: CountingRules): Promise<Groups> {
  const result = await connection.run(tallySql(fields, rules));
  const groups: Groups = { slot: [], code: [], month: [], rows: [], earliest: [], latest: [] };
  const columns = [groups.slot, groups.code, groups.month, groups.rows, groups.earliest, groups.latest] as (number | null)[][];
  // A chunk's columns at once (`getColumns`): reading them value by value takes many times longer
  // for tens of thousands of groups. Every column is INTEGER or DOUBLE.
  for (const chunk of await result.fetchAllChunks()) {
    chunk.getColumns().forEach((values, c) => {
      const column = columns[c]!;
      for (const value of values) column.push(value as number | null);
    });
  }
  return groups;
}

function unsureRows(groups: Groups): number {
  let unsure = 0;
  for (let g = 0; g < groups.code.length; g++) if (groups.code[g] === CODE.unsure) unsure += groups.rows[g]!;
  return unsure;
}

/**
 * Counts one extract in one pass inside DuckDB. A CSV error of DuckDB's, an invalid row, or a row the
 * two readers might read differently throws `NeedsRowReader`: the stream engine then reads the
 * extract and reports exactly what is wrong, where.
 */
export async function tallyInDuckDb(
  connection: DuckDBConnection,
  fields: ExtractFields,
  rules: CountingRules,
  subjects: Subjects,
  outcome: Outcome,
): Promise<{ tally: ActivityTally; rows: number }> {
  const groups = await runTally(connection, fields, rules).catch((error: Error) => {
    throw new NeedsRowReader(`DuckDB could not read it: ${error.message.split("\n")[0]}`);
  });
  const unsure = unsureRows(groups);
  if (unsure > 0) throw new NeedsRowReader(`${unsure} row(s) invalid, or not read alike by csv-parse and DuckDB`);
  return foldGroups(groups, subjects, outcome, rules);
}
