import type { Settings } from "./config/settings.js";
import type { EvaluationRun } from "./config/run.js";
import { type CohortCounts, countsByCohort } from "./core/aggregate.js";
import type { ComparisonEligibility } from "./core/comparison-eligibility.js";
import type { ActivityTally } from "./core/count-in-windows.js";
import { columnCostFields, columnCosts } from "./row-costs.js";
import type { Day } from "./core/day.js";
import type { Eligibility, EligibilityCriteria } from "./core/eligibility.js";
import type { Subjects } from "./core/subjects.js";
import type { ActivityRead } from "./engines/stream.js";
import type { Outcome } from "./outcomes/outcome.js";
import { outcomeOf } from "./outcomes/registry.js";
import type { CohortFigures, MonthsResult, OutcomeResult } from "./result.js";
import { type BreakdownColumn, breakdownRows, type OutcomeBreakdowns } from "./breakdown-rows.js";
import { cohortMonths, outcomeMonths } from "./outcome-months.js";
import type { People } from "./people.js";
import type { MatchedComparison } from "./match-comparison.js";
import { type CohortSets, matchedSetCounts } from "./matched-figures.js";
import { rowFigures } from "./row-figures.js";

/** Everything counted: who, their windows and tallies, who is eligible, and the data coverage. */
export interface Counted {
  people: People;
  subjects: Subjects;
  activity: ActivityRead[];
  eligibility: Eligibility;
  comparison: ComparisonEligibility | undefined;
  dataStart: Day | null;
  dataEnd: Day | null;
  /** The eligibility rules as the run applied them (for the per-patient output's reasons). */
  criteria: EligibilityCriteria;
  /** Each `--by` column, with every referred patient's group in it. */
  breakdowns: BreakdownColumn[];
  /** What matching made of the run, where it matched (`evaluate --match`). */
  matched: MatchedComparison | undefined;
  /** Where the comparison group says who was matched to whom (`matched_to`): each cohort's matched sets. */
  sets: CohortSets[] | undefined;
}

/** Each reported outcome with its tally, in the run's order of outcomes. */
export function outcomeTallies(run: EvaluationRun, activity: readonly ActivityRead[]): { outcome: Outcome; read: ActivityRead; tally: ActivityTally }[] {
  return run.outcomes.map(outcomeOf).map((outcome) => {
    const read = activity.find((candidate) => candidate.extract === outcome.extract.name)!;
    return { outcome, read, tally: read.tallies.find((counted) => counted.outcome === outcome.id)!.tally };
  });
}

/** What a run's figures of an outcome stand on beyond its cohorts' counts (where the run has them). */
export interface OutcomeParts {
  /** Where the comparison group was matched: each cohort's matched sets, and their counts. */
  matched?: { strata: ReturnType<typeof matchedSetCounts>[]; sets: CohortSets[] };
  /** The breakdown rows (`--by`), where the run has breakdowns. */
  broken?: OutcomeBreakdowns;
  /** The months around the index date, being drawn (`outcomeMonths`): joined last, once the rows are worked out. */
  months?: Promise<MonthsResult>;
  /** Adds a cost column's costs to the rows (before their breakdowns are attached, so that the fields read in that order). */
  costs?: (rows: readonly CohortFigures[], total: CohortFigures) => void;
}

/**
 * One outcome's figures from each cohort's per-patient counts (and the comparison group's, cohort
 * for cohort): its cohort rows and Total (rule 5 and statistics.md), with their breakdowns and months.
 * A local run's counts and a warehouse's result (src/warehouse) both come here, so that the two
 * give the same figures from the same counts.
 */
export async function outcomeFigures(outcome: Outcome, counts: readonly CohortCounts[], controls: readonly CohortCounts[] | undefined, settings: Settings, parts: OutcomeParts): Promise<OutcomeResult> {
  const { matched } = parts;
  const matchedIn = (i: number) => (matched ? { strata: [matched.strata[i]!], sets: [matched.sets[i]!] } : undefined);
  const place = { streamIndex: outcome.streamIndex };
  const rows = counts.map((row, i) => rowFigures(row, [row], controls && [controls[i]!], { ...place, cohortIndex: i }, settings, matchedIn(i)));
  const total = rowFigures({ cohort: "Total", label: "Total" }, counts, controls, place, settings, matched);
  parts.costs?.(rows, total);
  const { broken } = parts;
  if (broken) {
    rows.forEach((row, i) => (row.breakdowns = broken.cohorts[i]!));
    total.breakdowns = broken.total;
  }
  const figures: OutcomeResult = { outcome: outcome.id, label: outcome.label, extract: outcome.extract.name, unit: outcome.adds === "nights" ? "nights" : "rows", cohorts: rows, total };
  if (parts.months) figures.months = await parts.months;
  return figures;
}

/**
 * One outcome's figures from its tally: `outcomeFigures`, with costs from a cost column and its
 * months around the index date. Where the comparison group was matched (`sets`), the comparison's
 * figures are its matched sets'.
 */
export async function outcomeResult(outcome: Outcome, tally: ActivityTally, counted: Counted, settings: Settings): Promise<OutcomeResult> {
  const { people, subjects, eligibility, comparison, dataStart, dataEnd, breakdowns, sets } = counted;
  const counts = countsByCohort(people.cohorts, eligibility.included, subjects, tally, dataStart);
  const controls = comparison && countsByCohort(people.cohorts, comparison.included, subjects, tally, dataStart);
  const strata = sets?.map((cohortSets) => matchedSetCounts(cohortSets, tally));
  // No coverage known, no patient covered (none is eligible either).
  const coverage = { dataStart: dataStart ?? Number.POSITIVE_INFINITY, dataEnd: dataEnd ?? Number.NEGATIVE_INFINITY };
  const monthsOf = (cohorts: readonly CohortCounts[]) => cohorts.map((cohort) => cohortMonths(cohort, subjects, tally, coverage));
  const months = outcomeMonths(monthsOf(counts), controls && monthsOf(controls), outcome.streamIndex, settings);
  const broken = breakdowns.length > 0 ? breakdownRows(counts, breakdowns, outcome.streamIndex, settings) : undefined;
  const costColumn = settings.costColumns[outcome.id];
  // A cost column's costs are sums of rows, not a count times a price: added from the tally.
  const costs =
    costColumn === undefined
      ? undefined
      : (rows: readonly CohortFigures[], total: CohortFigures) => {
          const slotsOf = (cohort: string) => eligibility.included.filter((patient) => patient.cohort === cohort).map((patient) => patient.slot);
          rows.forEach((row) => Object.assign(row, columnCostFields(costColumn, columnCosts(tally, slotsOf(row.cohort)))));
          Object.assign(total, columnCostFields(costColumn, columnCosts(tally, eligibility.included.map((patient) => patient.slot))));
          for (const [row, slots] of broken?.slots ?? []) Object.assign(row, columnCostFields(costColumn, columnCosts(tally, Array.from(slots))));
        };
  return outcomeFigures(outcome, counts, controls, settings, { ...(sets && strata ? { matched: { strata, sets } } : {}), ...(broken ? { broken } : {}), months, ...(costs ? { costs } : {}) });
}
