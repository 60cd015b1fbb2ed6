import { expect } from "vitest";
import { formatInputError, InputError } from "../../src/errors.js";

/** The message a run would print for `attempt`'s refusal, which must be bad input (an `InputError`). */
export async function refusalOf(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  return formatInputError(error as InputError);
}
