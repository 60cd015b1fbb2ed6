import { expect } from "vitest";
import type { ActivityRowAccount } from "../../src/result.js";

/**
 * evaluation.md, Bad input: "Nothing is dropped silently: every row read is either counted, not
 * countable by a rule above, or reported." outcomes.md: every outcome has such an account. So
 * read = skipped + activityOfOthers + Σ notCountable + ofExcludedPatients + outsideWindows +
 * onIndexDay + counted (+ comparison).
 */
export function expectAccountAddsUp(account: ActivityRowAccount): void {
  const notCountable = Object.values(account.notCountable).reduce((sum, n) => sum + n, 0);
  const placed = account.skipped + account.activityOfOthers + notCountable + account.ofExcludedPatients + account.outsideWindows + account.onIndexDay + account.counted + (account.comparison ?? 0);
  expect(placed, JSON.stringify(account)).toBe(account.read);
}

/** The error a run stops with, as the CLI prints it (`file:line: column: message (value)`). */
export async function inputErrorOf(run: Promise<unknown>): Promise<string> {
  const { formatInputError, InputError } = await import("../../src/errors.js");
  try {
    await run;
  } catch (error) {
    if (error instanceof InputError) return formatInputError(error);
    throw error;
  }
  throw new Error("the run did not stop");
}
