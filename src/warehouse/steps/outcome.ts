import { placeSql } from "../../engines/duckdb-sql.js";
import { PLACE } from "../../core/windows.js";
import type { Dialect } from "../dialect.js";
import type { OutcomePlan, WarehousePlan } from "../plan.js";
import { valueOf } from "./read-rows.js";
import type { Sql, Step } from "./step.js";

/**
 * What became of each valid activity row for one outcome, as `windowCounter` files it: someone
 * else's (`OTHERS`), a reason of the outcome's rule (its position from `FIRST_REASON`), a HES
 * placeholder date (`MISSING_DATE`), else the window place (0-4, windows.ts's PLACE).
 */
export const CODE = { others: -1, missingDate: 9, firstReason: 10 } as const;

export const codesStep = (index: number) => `outcome${index}_codes`;
export const patientsStep = (index: number) => `outcome${index}_patients`;

const PLACE_NAMES = { day: "e.event_day", indexDay: "s.index_date", preStart: "s.pre_start", priorStart: "s.prior_start", postEnd: "s.post_end" };

/** The outcome's rule in SQL over the extract's step (`e`): its reasons in the order it tests them (fewer where a column is not read). */
export function ruleSql(outcome: OutcomePlan, plan: WarehousePlan, d: Dialect): { reason: string; when: string }[] {
  const columns = plan.activity.find((a) => a.extract === outcome.extract)!.columns;
  return outcome.rule.notCountableSql((name) => (columns[name] !== undefined ? `e.${valueOf(name)}` : undefined), d);
}

/** Each valid activity row of the outcome's extract with its subject's windows and its `CODE`. */
export function classified(outcome: OutcomePlan, plan: WarehousePlan, d: Dialect, sql: Sql): string {
  const reasons = ruleSql(outcome, plan, d);
  const whens = [
    `WHEN s.pid IS NULL THEN ${CODE.others}`,
    ...reasons.map(({ when }, i) => `WHEN ${when} THEN ${CODE.firstReason + i}`),
    `WHEN e.placeholder = 1 THEN ${CODE.missingDate}`,
  ];
  return `SELECT s.pid, e.event_day, e.spell, s.index_date, s.prior_start, s.pre_start, s.post_end,
      CASE ${whens.join("\n        ")} ELSE ${placeSql(plan.indexDay, PLACE_NAMES)} END AS code
    FROM ${sql.t(outcome.extract)} AS e LEFT JOIN ${sql.t("subjects")} AS s ON s.pid = e.pid
    WHERE e.reason IS NULL`;
}

/**
 * One outcome's rows per subject and code: `n_rows` rows, adding `units` (rows, or nights). A
 * spell's nights are placed as `placeNights` places them: the days admission ≤ d < discharge (the
 * latest discharge on any row of the same patient, admission day and spell id), or to the span's
 * end where it is open, each night in the place its day falls in; its row where its nights are.
 */
export function outcomeSteps(outcome: OutcomePlan, index: number, plan: WarehousePlan, d: Dialect, sql: Sql): Step[] {
  if (outcome.adds === "one") {
    return [{
      name: codesStep(index),
      query: `SELECT pid, code, ${d.countRows} AS n_rows, ${d.countRows} AS units FROM (${classified(outcome, plan, d, sql)}) AS classified GROUP BY pid, code`,
    }];
  }
  const spells: Step = {
    name: `outcome${index}_spells`,
    query: `SELECT e.pid, e.event_day, e.spell, MAX(e.discharge_date_day) AS discharge
  FROM ${sql.t(outcome.extract)} AS e JOIN ${sql.t("subjects")} AS s ON s.pid = e.pid
  WHERE e.reason IS NULL AND e.event_day IS NOT NULL GROUP BY e.pid, e.event_day, e.spell`,
  };
  const rows: Step = { name: `outcome${index}_rows`, query: classified(outcome, plan, d, sql) };
  // An open spell runs to the span's end (none, for one admitted after it): to = max(from, discharge ?? data_end + 1).
  const ends = `SELECT c.pid, c.code, c.event_day AS stay_from, COALESCE(sp.discharge, ${d.addDays("sp.data_end", 1)}) AS stay_end,
      c.prior_start, c.pre_start, c.index_date, ${d.addDays("c.index_date", 1)} AS index_next, ${d.addDays("c.post_end", 1)} AS post_next
    FROM ${sql.t(`outcome${index}_rows`)} AS c
      JOIN (SELECT s.pid, s.event_day, s.spell, s.discharge, span.data_end FROM ${sql.t(spells.name)} AS s CROSS JOIN ${sql.t("span")} AS span) AS sp
        ON sp.pid = c.pid AND sp.event_day = c.event_day AND sp.spell = c.spell
    WHERE c.code BETWEEN 0 AND 4`;
  const stays = `SELECT pid, code, stay_from, CASE WHEN stay_end < stay_from THEN stay_from ELSE stay_end END AS stay_to, prior_start, pre_start, index_date, index_next, post_next
    FROM (${ends}) AS ends`;
  const overlap = (lo: string, hi: string) =>
    `CASE WHEN ${sql.lesser("stay_to", hi)} > ${sql.greater("stay_from", lo)} THEN ${d.daysBetween(sql.greater("stay_from", lo), sql.lesser("stay_to", hi))} ELSE 0 END`;
  const byWindow = `SELECT pid, code, stay_from, stay_to, ${d.daysBetween("stay_from", "stay_to")} AS total,
      ${overlap("prior_start", "pre_start")} AS n_prior, ${overlap("pre_start", "index_date")} AS n_pre,
      ${overlap("index_next", "post_next")} AS n_post, ${overlap("index_date", "index_next")} AS n_index
    FROM (${stays}) AS stays`;
  const rule = plan.indexDay;
  const placed = `SELECT pid, code, stay_from, stay_to, n_prior, n_pre + ${rule === "pre" ? "n_index" : "0"} AS n_pre, n_post + ${rule === "post" ? "n_index" : "0"} AS n_post,
      ${rule === "exclude" ? "n_index" : "0"} AS n_index, total - n_prior - n_pre - n_post - n_index AS n_outside
    FROM (${byWindow}) AS by_window`;
  const nights: Step = {
    name: `outcome${index}_nights`,
    query: `SELECT pid, stay_from, stay_to, n_prior, n_pre, n_post, n_index, n_outside,
    CASE WHEN n_pre > 0 THEN ${PLACE.pre} WHEN n_post > 0 THEN ${PLACE.post} WHEN n_index > 0 THEN ${PLACE.indexDay} WHEN stay_to = stay_from THEN code ELSE ${PLACE.outside} END AS row_place
  FROM (${placed}) AS placed`,
  };
  const perPlace = (place: number, column: string) =>
    `SELECT pid, ${place} AS code, ${d.sum(`CASE WHEN row_place = ${place} THEN 1 ELSE 0 END`)} AS n_rows, ${d.sum(column)} AS units FROM ${sql.t(nights.name)} GROUP BY pid`;
  const codes: Step = {
    name: codesStep(index),
    query: [
      `SELECT pid, code, ${d.countRows} AS n_rows, ${d.countRows} AS units FROM ${sql.t(rows.name)} WHERE code NOT BETWEEN 0 AND 4 GROUP BY pid, code`,
      perPlace(PLACE.prior, "n_prior"),
      perPlace(PLACE.pre, "n_pre"),
      perPlace(PLACE.post, "n_post"),
      perPlace(PLACE.indexDay, "n_index"),
      perPlace(PLACE.outside, "n_outside"),
    ].join("\n  UNION ALL\n  "),
  };
  return [spells, rows, nights, codes];
}

/** Per subject, the outcome's pre, post and prior counts (zero where they had none: rule 4). */
export function patientsStepOf(index: number, d: Dialect, sql: Sql): Step {
  const at = (place: number) => `COALESCE(${d.sum(`CASE WHEN o.code = ${place} THEN o.units ELSE 0 END`)}, 0)`;
  return {
    name: patientsStep(index),
    query: `SELECT s.pid, s.grp, s.cohort, s.excluded_by, s.prior_covered, s.matched_to, ${at(PLACE.pre)} AS pre, ${at(PLACE.post)} AS post, ${at(PLACE.prior)} AS prior
  FROM ${sql.t("subjects")} AS s LEFT JOIN ${sql.t(codesStep(index))} AS o ON o.pid = s.pid
  GROUP BY s.pid, s.grp, s.cohort, s.excluded_by, s.prior_covered, s.matched_to`,
  };
}
