import { inList } from "../io/sql-words.js";
import { missingAsEmptySql } from "../extracts/missing-values.js";
import type { Outcome } from "./outcome.js";

/** A `customOutcomes` entry of the config, as plain data (it travels to a worker thread). */
export interface CustomOutcomeDefinition {
  id: string;
  label: string;
  /** Which rows count: those whose `column` (the extract's own header) holds one of `in`, trimmed and without regard to case. */
  countWhere?: { column: string; in: string[] };
}

/** Custom outcomes' streams start here, past any built-in outcome there will be. */
const CUSTOM_STREAM_BASE = 1000;

/** FNV-1a of the id: a custom outcome's stream follows from its id, not from where it is listed. */
function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (const character of id) hash = Math.imul(hash ^ character.codePointAt(0)!, 0x01000193) >>> 0;
  return hash;
}

/**
 * An outcome of the ICB's own (GP appointments, community contacts, NHS 111 calls): every row with a
 * date counts one, or those `countWhere` selects; the rest are `not_selected` (outcomes.md).
 */
export function customOutcome(definition: CustomOutcomeDefinition): Outcome {
  const where = definition.countWhere;
  // The selecting column is read under its own header: the spec has no name for it.
  const column = where?.column;
  const selected = new Set(where?.in.map((value) => value.trim().toLowerCase()));
  return {
    id: definition.id,
    label: definition.label,
    extract: {
      name: definition.id,
      what: `the ${definition.label} extract (customOutcomes ${definition.id})`,
      dateColumn: "event_date",
      help: "",
    },
    columns: column === undefined ? [] : [{ name: column, required: true, kind: "text", caseless: true }],
    reasons: column === undefined ? [] : ["not_selected"],
    describe: () => `not selected (${column} not ${where?.in.join(", ")})`,
    costName: definition.id,
    adds: "one",
    byDefault: true,
    streamIndex: CUSTOM_STREAM_BASE + idHash(definition.id),
    assumption: () => (where ? `rows counted where ${where.column} is ${where.in.join(", ")} (any case)` : "every row with a date counted"),
    rule: () => ({
      notCountable: (row) => (column === undefined || selected.has(row[column]!.toLowerCase()) ? undefined : "not_selected"),
      notCountableSql: (sql, words) =>
        column === undefined ? [] : [{ reason: "not_selected", when: `NOT (${inList(`lower(${missingAsEmptySql(sql(column)!, words)})`, [...selected], words)})` }],
    }),
  };
}
