import { inList } from "../io/sql-words.js";
import { listSeesMissing, missingAsEmptySql } from "../extracts/missing-values.js";
import type { ActivityExtract, CountingRule, Outcome } from "./outcome.js";
import type { RunSettings } from "../config/run.js";

export const ADMISSIONS_EXTRACT: ActivityExtract = {
  name: "admissions",
  what: "the admissions extract",
  dateColumn: "admission_date",
  dateWellKnown: ["Admission_Date", "ADMIDATE"],
  help: "admitted patient care extract (CSV or .parquet): patient_id, admission_date, admission_method [, episode_order, discharge_date, spell_id]",
  episodes: { orderColumn: "episode_order", sameColumn: "admission_method" },
};

// HES writes EPIORDER with a leading zero ("01"): the first episode of a spell is 1 as a number.
const FIRST_EPISODE = /^0*1$/;

/**
 * The countable rows of an admissions extract: a spell's first episode (where the extract has an
 * episode order) with an emergency admission method. Unplanned admissions count them; emergency bed
 * days count their nights.
 */
export function emergencySpellRule(settings: RunSettings): CountingRule {
  const methods = settings.emergencyAdmissionMethods;
  const emergency = new Set(methods);
  return {
    // Without an episode order every row is a spell (counted as its first episode).
    notCountable: (row) =>
      row.episode_order !== undefined && !FIRST_EPISODE.test(row.episode_order)
        ? "later_episode"
        : !emergency.has(row.admission_method!.toUpperCase())
          ? "not_emergency"
          : undefined,
    notCountableSql: (column, words) => {
      const episode = column("episode_order");
      // A token is an empty method (missing-values.ts); it matters only to a list that holds one or ''.
      const method = listSeesMissing(methods) ? missingAsEmptySql(column("admission_method")!, words) : column("admission_method")!;
      // FIRST_EPISODE (zeros, then a 1) without a regular expression, which T-SQL lacks: it ends in 1 and is 1 once its zeros are gone.
      const one = words.literal("1");
      const firstEpisode = `${episode} = ${one} OR (${episode} LIKE ${words.literal("%1")} AND replace(${episode}, ${words.literal("0")}, ${words.literal("")}) = ${one})`;
      return [
        ...(episode === undefined ? [] : [{ reason: "later_episode", when: `NOT (${firstEpisode})` }]),
        { reason: "not_emergency", when: `NOT (${inList(`upper(${method})`, methods, words)})` },
      ];
    },
  };
}

/** The emergency spells' reasons in words. */
export const describeSpellReason = (reason: string) => (reason === "later_episode" ? "a later episode of a spell" : "not an emergency admission method");

export const EMERGENCY_SPELL_COLUMNS = [
  { name: "admission_method", required: true, kind: "text", caseless: true, wellKnown: ["Admission_Method", "ADMIMETH"] },
  { name: "episode_order", required: false, kind: "text", wellKnown: ["Episode_Number", "EPIORDER"] },
] as const;

/** Unplanned admissions (evaluation.md): emergency spells, one a row. */
export const unplannedAdmissions: Outcome = {
  id: "unplanned_admissions",
  label: "Unplanned admissions",
  extract: ADMISSIONS_EXTRACT,
  columns: EMERGENCY_SPELL_COLUMNS,
  reasons: ["later_episode", "not_emergency"],
  describe: describeSpellReason,
  costName: "admission",
  adds: "one",
  byDefault: true,
  streamIndex: 1,
  rule: emergencySpellRule,
  assumption: (settings) => `emergency methods counted: ${settings.emergencyAdmissionMethods.join(", ")}`,
};
