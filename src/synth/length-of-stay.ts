/**
 * How many nights a synthetic spell lasts. Lengths of stay are right-skewed: many emergency spells
 * end the day they began (same-day emergency care), most of the rest within a week, a few run for
 * weeks. Each kind of admission is drawn as a share of same-day spells and, for the others, a
 * log-normal number of nights (Faddy, Graves and Pettitt, "Modeling length of stay in hospital and
 * other right skewed data", Value in Health 12(2), 2009, compare it with the gamma and phase-type
 * fits), cut at `MAX_NIGHTS`. The parameters are rough, for realism only: for people of 55 and over,
 * an emergency spell's median is 3 nights, its mean about 6.
 */
import { normal } from "./distributions.js";
import type { Random } from "./random.js";

/** The longest stay drawn: a longer one is drawn again, so the tail thins out, not piles up, at 60. */
export const MAX_NIGHTS = 60;

interface StayShape {
  /** Share of spells discharged the day they began (0 nights). */
  sameDay: number;
  /** Median nights of the other spells. */
  median: number;
  /** Spread of their log-nights. */
  sigma: number;
}

const EMERGENCY_OVER_55: StayShape = { sameDay: 0.22, median: 5, sigma: 1 };
const EMERGENCY_ADULT: StayShape = { sameDay: 0.35, median: 2.5, sigma: 0.95 };
const EMERGENCY_CHILD: StayShape = { sameDay: 0.45, median: 1.5, sigma: 0.8 };
/** Elective care is mostly day cases. */
const ELECTIVE: StayShape = { sameDay: 0.75, median: 2, sigma: 0.8 };
const MATERNITY: StayShape = { sameDay: 0.25, median: 1.5, sigma: 0.7 };
const BIRTH: StayShape = { sameDay: 0.15, median: 1.5, sigma: 0.8 };
/** Someone transferred in from another provider has already been in hospital: few go home that day. */
const TRANSFER: StayShape = { sameDay: 0.05, median: 6, sigma: 1 };

/** The shape of a spell by its admission method (SUS/HES codes, evaluation.md) and the person's age. */
function shapeOf(method: string, age: number): StayShape {
  if (method.startsWith("1")) return ELECTIVE;
  if (method.startsWith("3")) return MATERNITY;
  if (method === "82" || method === "83") return BIRTH;
  if (method.startsWith("8")) return TRANSFER;
  if (age >= 55) return EMERGENCY_OVER_55;
  return age >= 18 ? EMERGENCY_ADULT : EMERGENCY_CHILD;
}

/** Nights of one spell: the days d with admission ≤ d < discharge (outcomes.md), 0 to `MAX_NIGHTS`. */
export function nightsInHospital(random: Random, method: string, age: number): number {
  const shape = shapeOf(method, age);
  if (random.chance(shape.sameDay)) return 0;
  for (;;) {
    const nights = Math.max(1, Math.round(shape.median * Math.exp(shape.sigma * normal(random))));
    if (nights <= MAX_NIGHTS) return nights;
  }
}
