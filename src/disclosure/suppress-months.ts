import type { Count, MonthFigures, MonthSeries, MonthsResult } from "../result.js";
import { disclosedCount } from "./rule.js";

/**
 * A month-by-month series as it may be published (outputs.md, small-number suppression): the series'
 * patients and each month's count through the rule; each month's mean recomputed from the rounded
 * count over the rounded patients, and withheld where either is suppressed; its interval, computed
 * from the patients' own counts, withheld where either is suppressed too, as a row's intervals are.
 */
function suppressMonth(month: MonthFigures, patients: Count): MonthFigures<Count> {
  const suppressed: string[] = [];
  const count = disclosedCount(month.count);
  if (count === null) suppressed.push("count");
  const givesAway = count === null || patients === null;
  const out: MonthFigures<Count> = { ...month, count };
  if (givesAway) {
    out.mean = null;
    suppressed.push("mean");
    for (const field of ["ci_low", "ci_high"] as const) {
      if (month[field] === null) continue;
      out[field] = null;
      suppressed.push(field);
    }
  } else {
    out.mean = patients === 0 ? null : count / patients;
  }
  return { ...out, suppressed };
}

function suppressSeries(series: MonthSeries): MonthSeries<Count> {
  const patients = disclosedCount(series.patients);
  return { patients, months: series.months.map((month) => suppressMonth(month, patients)), suppressed: patients === null ? ["patients"] : [] };
}

export function suppressMonths(months: MonthsResult): MonthsResult<Count> {
  return {
    ...months,
    referred: suppressSeries(months.referred),
    ...(months.comparison ? { comparison: suppressSeries(months.comparison) } : {}),
  };
}
