/** How figures look in the tables (rounding is for tables only; JSON keeps every digit). */

const counts = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const twoPlaces = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 5908 → "5,908". */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** 0.24428 → "0.24"; null → "n/a". */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? "n/a" : twoPlaces.format(value);
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

/** A 95% interval of a change, "-28.10% to -12.04%"; "n/a" where it could not be computed. */
export function formatInterval(low: number | null | undefined, high: number | null | undefined): string {
  if (low === null || low === undefined || high === null || high === undefined) return "n/a";
  return `${formatChange(low)} to ${formatChange(high)}`;
}

/** A p-value as journals print it: "<0.001", else three decimals. */
export function formatPValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return "n/a";
  return value < 0.001 ? "<0.001" : value.toFixed(3);
}
