import type { DuckDBConnection } from "@duckdb/node-api";
import type { Population } from "../extracts/population-table.js";
import { type CountingRules, countableDaysSql, type ExtractFields, POPULATION_TABLE_SQL } from "./duckdb-sql.js";
import type { DaysWanted } from "./match-days.js";

/** Loads the population's identifiers and positions into DuckDB with an appender, once a session. */
export async function loadPopulation(connection: DuckDBConnection, population: Population): Promise<void> {
  await connection.run(POPULATION_TABLE_SQL);
  const appender = await connection.createAppender("population");
  population.patientIds.forEach((patientId, person) => {
    appender.appendVarchar(patientId);
    appender.appendInteger(person);
    appender.endRow();
  });
  appender.closeSync();
}

/**
 * Files one outcome's countable days of the population's people (activity-days.ts) from a query over
 * the extract where it lies: the rows never come to JavaScript, only (person, day) pairs, a chunk
 * (2,048 rows) at a time.
 */
export async function fileDaysInDuckDb(connection: DuckDBConnection, fields: ExtractFields, rules: CountingRules, days: DaysWanted, position: number): Promise<void> {
  // Streamed a chunk at a time: the pairs are held once, in the builder, never also as DuckDB's result.
  const result = await connection.stream(countableDaysSql(fields, rules, days.span));
  let people = new Int32Array(0);
  let dayNumbers = new Int32Array(0);
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    // `rowCount` asks the native binding each time: read once per chunk.
    const rows = chunk.rowCount;
    if (people.length < rows) [people, dayNumbers] = [new Int32Array(rows), new Int32Array(rows)];
    const personVector = chunk.getColumnVector(0);
    const dayVector = chunk.getColumnVector(1);
    // Neither can be NULL: a join key, and a day the filter compared.
    for (let i = 0; i < rows; i++) {
      people[i] = personVector.getItem(i) as number;
      dayNumbers[i] = dayVector.getItem(i) as number;
    }
    days.builder.addAll(position, people.subarray(0, rows), dayNumbers.subarray(0, rows));
  }
}
