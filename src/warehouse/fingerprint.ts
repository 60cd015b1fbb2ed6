import { createHash } from "node:crypto";
import { DUCKDB_WORDS } from "../io/sql-words.js";
import { TOOL } from "../version.js";
import type { WarehousePlan } from "./plan.js";

/**
 * What the script was made from, in 16 hex digits: the plan (every table, column, setting and
 * rule, the rules as their SQL) and prepost's version. The script writes it into its result, and
 * `evaluate --warehouse-result` refuses a result whose fingerprint is not that of the config it is
 * given: figures counted under other rules must never be read as these.
 */
export function planFingerprint(plan: WarehousePlan): string {
  const described = {
    ...plan,
    outcomes: plan.outcomes.map(({ rule, descriptor: _descriptor, ...outcome }) => ({ ...outcome, rule: rule.notCountableSql((name) => `[${name}]`, DUCKDB_WORDS) })),
    version: TOOL.version,
  };
  return createHash("sha256").update(JSON.stringify(described)).digest("hex").slice(0, 16);
}
