import type { BalanceLine, Count, MatchReport, UnmatchedReason } from "../result.js";
import { disclosedCount } from "./rule.js";

/** A count through the rule, named under `suppressed` where it is withheld. */
function counted(value: number, name: string, withheld: string[]): Count {
  const shown = disclosedCount(value);
  if (shown === null) withheld.push(name);
  return shown;
}

const GROUPS = ["cases", "pool", "matched_cases", "controls"] as const;

/**
 * A balance line as it may be published. A mean over a group is no count; a category's share is one
 * in disguise (a share times the group's size is how many have it), so a share that stands for 1 to
 * 7 people (or pairs, in the pool) is withheld, and so are the line's SMDs and variance ratios, from
 * which it could be worked back.
 */
function suppressLine(line: BalanceLine, sizes: Record<(typeof GROUPS)[number], number>): BalanceLine {
  if (line.category === null) return { ...line, suppressed: [] };
  const out: BalanceLine = { ...line };
  const withheld: string[] = [];
  for (const group of GROUPS) {
    const share = line[group];
    if (share === null) continue;
    const people = Math.round(share * sizes[group]);
    if (people >= 1 && people <= 7) {
      out[group] = null;
      withheld.push(group);
    }
  }
  if (withheld.length > 0) {
    for (const field of ["smd_before", "smd_after", "variance_ratio_before", "variance_ratio_after"] as const) {
      if (out[field] !== null) {
        out[field] = null;
        withheld.push(field);
      }
    }
  }
  out.suppressed = withheld;
  return out;
}

/**
 * `--suppress` for the match report: every count through the rule (the totals rounded from their
 * own true values); shares of few people withheld (`suppressLine`). The warnings name variables and
 * categories, not counts, and are kept; a warning of a line whose SMD after is withheld says so only.
 */
export function suppressMatchReport(report: MatchReport): MatchReport<Count> {
  const withheld: string[] = [];
  const unmatched = Object.fromEntries(
    Object.entries(report.unmatched).map(([reason, value]) => [reason, counted(value, `unmatched.${reason}`, withheld)]),
  ) as Record<UnmatchedReason, Count>;
  const groupsWithheld: string[] = [];
  const groups = Object.fromEntries(GROUPS.map((group) => [group, counted(report.balance.groups[group], group, groupsWithheld)])) as Record<(typeof GROUPS)[number], Count>;
  const rows = report.balance.rows.map((line) => suppressLine(line, report.balance.groups));
  const hidden = new Set(rows.filter((line) => line.suppressed?.includes("smd_after")).map((line) => `${line.variable} ${line.category}`));
  return {
    cases: counted(report.cases, "cases", withheld),
    matched: counted(report.matched, "matched", withheld),
    controls: counted(report.controls, "controls", withheld),
    unmatched,
    controls_per_case: report.controls_per_case.map((value, k) => counted(value, `controls_per_case.${k}`, withheld)),
    variables: report.variables,
    balance: { groups: { ...groups, suppressed: groupsWithheld }, rows },
    warnings: report.warnings.map((warning) => {
      const line = [...hidden].find((name) => warning.startsWith(`${name}:`));
      return line === undefined ? warning : `${line}: not like the cases' after matching (its figures are withheld: they stand for few people)`;
    }),
    suppressed: withheld,
  };
}
