/** How figures look in the tables (rounding is for tables only; JSON keeps every digit). */

/** A formatter made on first use: making one costs tens of milliseconds, and most runs print JSON. */
function formatter(options: Intl.NumberFormatOptions): { format(value: number): string } {
  let made: Intl.NumberFormat | undefined;
  return { format: (value) => (made ??= new Intl.NumberFormat("en-GB", options)).format(value) };
}

const counts = formatter({ maximumFractionDigits: 0 });
const twoPlaces = formatter({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const threePlaces = formatter({ minimumFractionDigits: 3, maximumFractionDigits: 3 });
const oneDecimal = formatter({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pounds = formatter({ style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const poundsAndPence = formatter({ style: "currency", currency: "GBP", minimumFractionDigits: 2 });

/** 5908 → "5,908"; null (not computable) → "n/a". */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? "n/a" : counts.format(value);
}

/** A weighed count (a matched control of a set of k counts 1/k): whole where it is, else to one place. */
export function formatWeighed(value: number | null | undefined): string {
  if (value === null || value === undefined) return "n/a";
  return Number.isInteger(value) ? counts.format(value) : oneDecimal.format(value);
}

/** 0.24428 → "0.24"; null → "n/a". */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? "n/a" : twoPlaces.format(value);
}

/** A month's mean per patient, to three places (a month's use is a twelfth of a year's): 0.06672 → "0.067". */
export function formatMonthMean(value: number | null | undefined): string {
  return value === null || value === undefined ? "n/a" : threePlaces.format(value);
}

/** An interval of month means, "0.059 to 0.075". */
export function formatMonthInterval(low: number | null | undefined, high: number | null | undefined): string {
  return low === null || low === undefined || high === null || high === undefined ? "n/a" : `${formatMonthMean(low)} to ${formatMonthMean(high)}`;
}

/** −20.2640 → "-20.26%", 3 → "+3.00%", null → "n/a": always a sign, so a rise is never misread. */
export function formatChange(value: number | null | undefined): string {
  if (value === null || value === undefined) return "n/a";
  const text = twoPlaces.format(Math.abs(value));
  if (text === "0.00") return "0.00%";
  return `${value < 0 ? "-" : "+"}${text}%`;
}

/** A percentage share, 12.345 → "12.35%". */
export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? "n/a" : `${twoPlaces.format(value)}%`;
}

/** A 95% interval of changes, "-31.20% to -8.75%"; "n/a" if either end is missing. */
export function formatInterval(low: number | null | undefined, high: number | null | undefined): string {
  return low === null || low === undefined || high === null || high === undefined ? "n/a" : `${formatChange(low)} to ${formatChange(high)}`;
}

/** A difference of percentages, in percentage points with a sign: −4.5 → "-4.50 pp". */
export function formatPoints(value: number | null | undefined): string {
  return value === null || value === undefined ? "n/a" : `${formatChange(value).replace("%", "")} pp`;
}

/** An interval of differences in percentage points. */
export function formatPointsInterval(low: number | null | undefined, high: number | null | undefined): string {
  return low === null || low === undefined || high === null || high === undefined ? "n/a" : `${formatPoints(low)} to ${formatPoints(high)}`;
}

/** A p-value to three places, or "<0.001" (more places claim a precision the normal approximation lacks). */
export function formatP(value: number | null | undefined): string {
  if (value === null || value === undefined) return "n/a";
  return value < 0.001 ? "<0.001" : value.toFixed(3);
}

/** A unit cost as given, in pounds and pence where it has pence: 1843 → "£1,843", 171.5 → "£171.50". */
export function formatUnitCost(value: number): string {
  return Number.isInteger(value) ? pounds.format(value) : poundsAndPence.format(value);
}

/** A cost to the pound, "£12,345"; null → "n/a". */
export function formatCost(value: number | null | undefined): string {
  return value === null || value === undefined ? "n/a" : pounds.format(value);
}

/** A change in cost to the pound with a sign: "-£1,234", "+£56". */
export function formatCostChange(value: number | null | undefined): string {
  if (value === null || value === undefined) return "n/a";
  const text = pounds.format(Math.abs(value));
  if (text === "£0") return "£0";
  return `${value < 0 ? "-" : "+"}${text}`;
}
