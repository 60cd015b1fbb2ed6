import type { ExtractName } from "../result.js";
import { type DuplicateKeys, looksEpisodeLevel } from "./episode-duplicates.js";
import type { RuleReport, SpecColumnMatch } from "./report.js";

const headerOf = (columns: readonly SpecColumnMatch[], name: string) => columns.find((column) => column.column === name)?.header ?? null;

/** A setting that needs an optional column (evaluation.md: a run that switches it on without the column stops). */
function needs(rule: string, flag: string, column: string, header: string | null, what: string): RuleReport {
  return header !== null
    ? { rule, possible: true, note: `${flag} can be used: ${what} comes from column ${header}` }
    : { rule, possible: false, note: `${flag} is not possible: no ${column} column` };
}

function referralRules(columns: readonly SpecColumnMatch[]): RuleReport[] {
  return [
    needs("requireConsent", "--require-consent", "consent", headerOf(columns, "consent"), "consent"),
    needs("minOnwardReferrals", "--min-onward-referrals", "onward_referrals", headerOf(columns, "onward_referrals"), "the number of onward referrals"),
    needs("minAge", "--min-age", "age", headerOf(columns, "age"), "age"),
  ];
}

/** HES A&E writes the category as AEATTENDCAT, in its own coding (`aeCoding: hes`). */
export const isHesCategory = (header: string | null) => header !== null && header.trim().toUpperCase() === "AEATTENDCAT";

function aeRules(columns: readonly SpecColumnMatch[]): RuleReport[] {
  const header = headerOf(columns, "attendance_category");
  if (header === null) {
    return [{ rule: "excludedAttendanceCategories", possible: false, note: "categories cannot be excluded (planned follow-ups are counted too): no attendance_category column" }];
  }
  const coding = isHesCategory(header) ? "HES coding (aeCoding hes: 2, planned follow-up, not counted)" : "ECDS coding by default (4, planned follow-up, not counted); set aeCoding hes for HES A&E";
  return [{ rule: "excludedAttendanceCategories", possible: true, note: `categories can be excluded, from column ${header}: ${coding}` }];
}

function admissionRules(columns: readonly SpecColumnMatch[], keys: DuplicateKeys | undefined): RuleReport[] {
  const header = headerOf(columns, "episode_order");
  if (header !== null) return [{ rule: "episodes", possible: true, note: `episode-level rows: only first episodes (${header} = 1) count` }];
  const shared = keys ? `; ${keys.duplicates} of ${keys.rows} rows repeat the patient, admission date and method of an earlier row` : "";
  const warning = keys && looksEpisodeLevel(keys) ? " (over 1%: likely one row per episode; map episode_order if the extract has one)" : "";
  return [{ rule: "episodes", possible: false, note: `no episode_order column: every row is counted as a spell${shared}${warning}` }];
}

/** Which of the spec's rules the file's columns allow, as the extract it looks like. */
export function rulesFor(extract: ExtractName | null, columns: readonly SpecColumnMatch[], keys: DuplicateKeys | undefined): RuleReport[] {
  if (extract === "referrals") return referralRules(columns);
  if (extract === "ae") return aeRules(columns);
  if (extract === "admissions") return admissionRules(columns, keys);
  return [];
}
