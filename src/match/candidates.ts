import type { Population } from "../extracts/population-table.js";
import type { MatchWindows } from "./match-windows.js";

/** Why a person of the population is not a candidate for a case (matching.md, "Cases and candidates"). */
export type NotCandidateReason = "referred" | "not_registered" | "died";

/**
 * A candidate for a case with these windows: not in the referrals extract at all, registered from
 * the start of the prior window to the end of the post window (where registration dates are given:
 * a date not given is no bound), and alive at the end of the post window (a death on that day is
 * not alive at it). `referred` marks everyone in the referrals extract, by population position.
 */
export function notCandidateReason(population: Population, referred: Uint8Array, person: number, windows: MatchWindows): NotCandidateReason | undefined {
  if (referred[person] === 1) return "referred";
  if (population.registeredFrom[person]! > windows.priorStart || population.registeredTo[person]! < windows.postEnd) return "not_registered";
  if (population.died[person]! <= windows.postEnd) return "died";
  return undefined;
}

/** `notCandidateReason`'s verdict alone, for the search's inner loop (the person is known not referred). */
export function isRegisteredAndAlive(population: Population, person: number, windows: MatchWindows): boolean {
  return (
    population.registeredFrom[person]! <= windows.priorStart &&
    population.registeredTo[person]! >= windows.postEnd &&
    population.died[person]! > windows.postEnd
  );
}

/** Everyone of the population in the referrals extract (by patient id), by population position. */
export function referredMask(population: Population, referredIds: Iterable<string>): Uint8Array {
  const referred = new Uint8Array(population.size);
  for (const patientId of referredIds) {
    const person = population.indexOf.get(patientId);
    if (person !== undefined) referred[person] = 1;
  }
  return referred;
}
