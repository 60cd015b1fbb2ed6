import type { Count, Suppressible } from "./count.js";
import { type ActivityTally, countableRows, rowsAt } from "./count-in-windows.js";
import { PLACE, PLACES } from "./windows.js";

/** Why a valid activity row was not counted for anyone: an outcome's own reasons (`Outcome.reasons`), and `missing_date`. */
export type NotCountableReason = string;

/**
 * Every row of one activity extract, accounted for: read = skipped + activityOfOthers +
 * Σ notCountable + ofExcludedPatients + outsideWindows + onIndexDay + counted (+ comparison rows).
 */
export interface ActivityRowAccount<N extends Count = number> extends Suppressible {
  read: N;
  skipped: N;
  activityOfOthers: N;
  notCountable: Record<NotCountableReason, N>;
  /** With a cost column: counted rows that gave no cost (their activity counts; their cost is not known). */
  missingCost?: N;
  /** Countable rows of referred patients excluded by an eligibility rule. */
  ofExcludedPatients: N;
  /** Countable rows of included patients falling in neither the pre nor the post window. */
  outsideWindows: N;
  /** Countable rows of included patients on their index day, with `--index-day exclude`. */
  onIndexDay: N;
  /** Rows counted in an included patient's pre or post window. */
  counted: N;
  /** Countable rows of comparison patients (present only with `--comparison`). */
  comparison?: N;
}

export interface AccountScope {
  /** Rows of the extract read (data rows, not the header). */
  read: number;
  /** Rows skipped as invalid under `--skip-invalid`. */
  skipped: number;
  /** Slots below this are referred patients; from it on, comparison patients. */
  referredCount: number;
  /** Subjects in all (referred and comparison). */
  subjects: number;
  isIncluded: Uint8Array;
  withComparison: boolean;
}

/**
 * Where every row of one activity extract went, so that nothing is dropped silently: skipped,
 * someone else's, not countable, an excluded patient's, outside the windows, on the index day,
 * counted, or a comparison patient's.
 */
export function accountRows(tally: ActivityTally, scope: AccountScope): ActivityRowAccount {
  const account: ActivityRowAccount = {
    read: scope.read,
    skipped: scope.skipped,
    activityOfOthers: tally.activityOfOthers,
    notCountable: { ...tally.notCountable },
    ofExcludedPatients: 0,
    outsideWindows: 0,
    onIndexDay: 0,
    counted: 0,
  };
  let comparison = 0;
  // With a cost column: the counted rows that gave no cost (outcomes.md, costs: a missing cost is reported).
  const { missingCost } = tally;
  let withoutCost = 0;
  for (let slot = 0; slot < scope.subjects; slot++) {
    if (slot >= scope.referredCount) {
      comparison += countableRows(tally, slot);
    } else if (scope.isIncluded[slot]) {
      account.counted += rowsAt(tally, slot, PLACE.pre) + rowsAt(tally, slot, PLACE.post);
      if (missingCost) withoutCost += missingCost[slot * PLACES + PLACE.pre]! + missingCost[slot * PLACES + PLACE.post]!;
      account.onIndexDay += rowsAt(tally, slot, PLACE.indexDay);
      account.outsideWindows += rowsAt(tally, slot, PLACE.prior) + rowsAt(tally, slot, PLACE.outside);
    } else {
      account.ofExcludedPatients += countableRows(tally, slot);
    }
  }
  if (scope.withComparison) account.comparison = comparison;
  if (missingCost) account.missingCost = withoutCost;
  return account;
}
