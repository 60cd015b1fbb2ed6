import { fragileRowWarnings } from "../stats/fragile.js";
import { changePct } from "../core/aggregate.js";
import { rowCosts } from "../row-costs.js";
import type { CohortFigures, ComparisonFigures, Count, MatchedCaseFigures } from "../result.js";
import { disclosedCount } from "./rule.js";

/** The names of a row's figures that disclosure control withholds, in the order they are decided. */
class Withheld {
  readonly names: string[] = [];
  /** Whether a count (not only a figure computed from one) was suppressed. */
  countSuppressed = false;

  has(name: string): boolean {
    return this.names.includes(name);
  }

  /** A count through the rule; `null` (not computable) stays `null` and is not withheld. */
  count(name: string, value: number): Count;
  count(name: string, value: number | null): Count;
  count(name: string, value: number | null): Count {
    if (value === null) return null;
    const shown = disclosedCount(value);
    if (shown === null) {
      this.names.push(name);
      this.countSuppressed = true;
    }
    return shown;
  }

  /** A figure computed from a count that is not itself a field of the row, that count suppressed. */
  withholdForCount(name: string): null {
    this.countSuppressed = true;
    return this.withhold(name);
  }

  /** A figure withheld outright (one computed from a count that is not itself a field of the row). */
  withhold(name: string): null {
    this.names.push(name);
    return null;
  }

  /** A figure computed from published figures: withheld if any it depends on is, else computed. */
  derived(name: string, dependsOn: readonly string[], compute: () => number | null): number | null {
    if (dependsOn.some((input) => this.has(input))) {
      this.names.push(name);
      return null;
    }
    return compute();
  }
}

const ratio = (count: Count, of: Count, scale = 1) => (count === null || of === null || of === 0 ? null : (count / of) * scale);
const change = (before: Count, after: Count) => (before === null || after === null ? null : changePct(before, after));

/** The number of patients behind a share, exact because the share was computed from a whole count. */
const patientsWithUse = (pct: number, patients: number) => Math.round((pct * patients) / 100);

/**
 * A row's intervals and p-value are computed from its patients' own counts, not from the rounded
 * ones: a bootstrap interval over three patients' events, or a signed-rank p-value over two
 * differences, can give a suppressed count away. So where any count of the row is suppressed
 * (its referred patients' or its comparison group's), every one of them is withheld with it;
 * a figure that was not computable (null) stays null, with nothing to give away.
 */
function withholdIntervalsAndTests(out: CohortFigures<Count>, withheld: Withheld): void {
  if (!withheld.countSuppressed) return;
  const computed = (value: number | null | undefined) => value !== undefined && value !== null;
  for (const field of ["p_value", "ci_low", "ci_high"] as const) if (computed(out[field])) out[field] = withheld.withhold(field);
  if (out.comparison) {
    for (const field of ["ci_low", "ci_high"] as const) if (computed(out.comparison[field])) out.comparison[field] = withheld.withhold(`comparison_${field}`);
  }
  if (out.matched_cases) {
    for (const field of ["ci_low", "ci_high"] as const) if (computed(out.matched_cases[field])) out.matched_cases[field] = withheld.withhold(`matched_cases_${field}`);
  }
  for (const field of ["did_ci_low", "did_ci_high"] as const) if (computed(out[field])) out[field] = withheld.withhold(field);
}

/**
 * One cohort row (or Total) as it may be published: counts through the rule; rates, shares and
 * changes recomputed from the rounded counts and withheld where a count they use is; intervals and
 * p-values withheld where any count of the row is, else as computed. A Total is rounded from its
 * own true counts, never summed from rounded parts.
 */
export function suppressRow(row: CohortFigures): CohortFigures<Count> {
  const withheld = new Withheld();
  const out: CohortFigures<Count> = { ...row };
  out.patients = withheld.count("patients", row.patients);
  out.pre = withheld.count("pre", row.pre);
  out.post = withheld.count("post", row.post);
  out.pre_per_patient = withheld.derived("pre_per_patient", ["pre", "patients"], () => ratio(out.pre, out.patients));
  out.post_per_patient = withheld.derived("post_per_patient", ["post", "patients"], () => ratio(out.post, out.patients));
  out.change_pct = withheld.derived("change_pct", ["pre", "post"], () => change(out.pre, out.post));
  for (const share of ["pre_any_pct", "post_any_pct"] as const) {
    const pct = row[share];
    if (pct === undefined || pct === null) continue;
    const users = disclosedCount(patientsWithUse(pct, row.patients));
    out[share] = users === null ? withheld.withholdForCount(share) : withheld.derived(share, ["patients"], () => ratio(users, out.patients, 100));
  }
  if (row.prior_patients !== undefined) out.prior_patients = withheld.count("prior_patients", row.prior_patients);
  if (row.prior !== undefined) out.prior = withheld.count("prior", row.prior);
  if (row.prior_pre !== undefined) out.prior_pre = withheld.count("prior_pre", row.prior_pre);
  if (row.prior_change_pct !== undefined) {
    out.prior_change_pct = withheld.derived("prior_change_pct", ["prior", "prior_pre"], () => change(out.prior ?? null, out.prior_pre ?? null));
  }
  if (row.matched_cases) {
    const sets: MatchedCaseFigures<Count> = { ...row.matched_cases };
    sets.patients = withheld.count("matched_cases_patients", row.matched_cases.patients);
    sets.unmatched = withheld.count("matched_cases_unmatched", row.matched_cases.unmatched);
    sets.controls_without_case = withheld.count("matched_cases_controls_without_case", row.matched_cases.controls_without_case);
    sets.pre = withheld.count("matched_cases_pre", row.matched_cases.pre);
    sets.post = withheld.count("matched_cases_post", row.matched_cases.post);
    sets.change_pct = withheld.derived("matched_cases_change_pct", ["matched_cases_pre", "matched_cases_post"], () => change(sets.pre, sets.post));
    out.matched_cases = sets;
  }
  if (row.comparison) {
    const theirs: ComparisonFigures<Count> = { ...row.comparison };
    // A matched group's counts are weighed (a control of a set of k counts 1/k): rounded to whole events first.
    theirs.patients = withheld.count("comparison_patients", row.comparison.patients);
    theirs.pre = withheld.count("comparison_pre", Math.round(row.comparison.pre));
    theirs.post = withheld.count("comparison_post", Math.round(row.comparison.post));
    theirs.change_pct = withheld.derived("comparison_change_pct", ["comparison_pre", "comparison_post"], () => change(theirs.pre, theirs.post));
    out.comparison = theirs;
  }
  if (row.did_pct !== undefined) {
    // Over matched sets, the cases' side is the matched cases' change, not the row's.
    const cases = out.matched_cases ? ["matched_cases_change_pct", out.matched_cases.change_pct] as const : ["change_pct", out.change_pct] as const;
    out.did_pct = withheld.derived("did_pct", [cases[0], "comparison_change_pct"], () =>
      cases[1] == null || out.comparison?.change_pct == null ? null : cases[1] - out.comparison.change_pct,
    );
  }
  // Decided again from the published counts, so that whether a warning is there tells nothing more.
  if (row.warnings) out.warnings = fragileRowWarnings(out.patients, out.pre);
  if (row.unit_cost !== undefined) {
    const costs = rowCosts(row.unit_cost, out.pre, out.post);
    out.cost_pre = withheld.derived("cost_pre", ["pre"], () => costs.cost_pre);
    out.cost_post = withheld.derived("cost_post", ["post"], () => costs.cost_post);
    out.cost_change = withheld.derived("cost_change", ["pre", "post"], () => costs.cost_change);
  }
  if (row.cost_column !== undefined) {
    // Sums of the rows' own costs: shown only where the counts they sum over are.
    out.cost_pre = withheld.derived("cost_pre", ["pre"], () => row.cost_pre ?? null);
    out.cost_post = withheld.derived("cost_post", ["post"], () => row.cost_post ?? null);
    out.cost_change = withheld.derived("cost_change", ["pre", "post"], () => row.cost_change ?? null);
    if (row.cost_missing !== undefined) out.cost_missing = withheld.count("cost_missing", row.cost_missing);
  }
  withholdIntervalsAndTests(out, withheld);
  out.suppressed = withheld.names;
  return out;
}
