import { parse } from "csv-parse/sync";

/** The self-test's rows (check, expected, found, result) from its CSV. */
export function selftestRows(csv: string): { check: string; expected: string; found: string; result: string }[] {
  return parse(csv, { columns: true });
}
