import type { Dialect } from "../dialect.js";

/** One step of the script: a temporary table made from a query over the steps before it. */
export interface Step {
  name: string;
  query: string;
}

/** The SQL helpers every step writes with, bound to a dialect. */
export function sqlFor(d: Dialect) {
  const t = (step: string) => d.table(step);
  return {
    t,
    /** A condition that is false, or unknown (NULL): `NOT` would let an unknown through. */
    isFalse: (condition: string) => `(CASE WHEN ${condition} THEN 1 ELSE 0 END) = 0`,
    flag: (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`,
    date: (iso: string) => `CAST(${d.literal(iso)} AS DATE)`,
    text: (value: string) => `CAST(${d.literal(value)} AS ${d.textType})`,
    number: (value: number | string) => `CAST(${value} AS ${d.numberType})`,
    /** The lesser and greater of two dates, without LEAST and GREATEST (Synapse has neither). */
    lesser: (a: string, b: string) => `CASE WHEN ${a} < ${b} THEN ${a} ELSE ${b} END`,
    greater: (a: string, b: string) => `CASE WHEN ${a} > ${b} THEN ${a} ELSE ${b} END`,
  };
}

export type Sql = ReturnType<typeof sqlFor>;
