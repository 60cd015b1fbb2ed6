import { MISSING_TOKEN_SPELLINGS } from "../../extracts/missing-values.js";
import { inList } from "../../io/sql-words.js";
import type { Dialect } from "../dialect.js";
import type { TableColumns } from "../plan.js";
import type { Step } from "./step.js";

/** The text of a spec column in a step's rows: `v_` and its name (spec names are lower-case words). */
export const valueOf = (name: string) => `v_${name}`;

/** A value is missing: empty, or a missing-value token (missing-values.ts); a NULL was made empty when read. */
export function missingSql(value: string, d: Dialect): string {
  return `(${value} = ${d.literal("")} OR ${inList(value, MISSING_TOKEN_SPELLINGS, d)})`;
}

/**
 * A table's rows as the row reader sees a file's fields: each column read as text and trimmed, a
 * NULL as an empty field (so that every rule after it meets text), under its spec name; a column
 * the table is not read for is empty. Columns given in `raw` are kept as they are (`row_order`,
 * which orders as the warehouse orders its type).
 */
export function readRows(step: string, plan: TableColumns, spec: readonly string[], dates: readonly string[], d: Dialect, raw: readonly string[] = []): Step {
  const selected = spec.map((name) => {
    const column = plan.columns[name];
    if (raw.includes(name)) return `${column === undefined ? "NULL" : d.identifier(column)} AS ${name}`;
    const text = column === undefined ? d.literal("") : `COALESCE(${d.trimmedText(d.identifier(column), dates.includes(name))}, ${d.literal("")})`;
    return `${text} AS ${valueOf(name)}`;
  });
  return { name: step, query: `SELECT ${selected.join(",\n  ")}\nFROM ${plan.table}` };
}
