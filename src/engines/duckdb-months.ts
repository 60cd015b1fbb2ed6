import { boundaryCount } from "../core/months.js";

/**
 * The months around each index date in the DuckDB pass (statistics.md): the index_days table carries
 * each index date's month boundaries as `months.ts` computed them (`m0` … `m{2K+1}`), joined to its
 * subjects as `subject_windows`, so the pass only compares whole days with them, as `monthAt` does,
 * and both engines place every day in the same month by construction; no calendar arithmetic is
 * done in SQL.
 */

/** The boundary columns of the subjects table, in order. */
export function boundaryColumns(months: number): string[] {
  return Array.from({ length: boundaryCount(months) }, (_, i) => `m${i}`);
}

/**
 * The month (0 … 2K, month −K being 0) of the row's `day` among its subject's (`s`) boundaries; NULL
 * beyond them, and for a row of no subject, which is tested first: most of an extract's rows are
 * someone else's, and each would otherwise be compared with all 2K + 2 boundaries (all NULL).
 */
export function monthSql(months: number): string {
  const columns = boundaryColumns(months);
  const last = columns[columns.length - 1]!;
  const steps = columns.slice(1).map((column, m) => `WHEN day < s.${column} THEN ${m}`);
  return `CASE WHEN s.slot IS NULL THEN NULL WHEN day < s.${columns[0]} OR day >= s.${last} THEN NULL ${steps.join(" ")} END`;
}
