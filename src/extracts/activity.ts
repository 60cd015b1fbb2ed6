import type { NotCountableReason } from "../result.js";
import type { ParsedDate } from "./dates.js";

/**
 * Receives each valid row of an activity extract: whose it is, its day (or `MISSING_DATE` for a HES
 * placeholder), and why it cannot be counted for anyone, if it cannot. A callback rather than a
 * returned object, so that tens of millions of rows allocate nothing of ours.
 */
export type ActivitySink = (patientId: string, day: ParsedDate, notCountable: NotCountableReason | undefined) => void;
