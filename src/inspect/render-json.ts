import { maskIdentifiers } from "../errors.js";
import type { InspectReport } from "./report.js";

/** Paths are the user's own; every other string (a header name, a code, a message) is masked where it could be an NHS number. */
const PATH_KEYS = new Set(["file", "referrals", "ae", "admissions", "comparison", "$schema"]);

export function renderJson(report: InspectReport): string {
  return `${JSON.stringify(report, (key, value: unknown) => (typeof value === "string" && !PATH_KEYS.has(key) ? maskIdentifiers(value) : value), 2)}\n`;
}
