/**
 * Rounds to `digits` significant digits. Float noise such as 3.3000000000000003 lies beyond
 * the 15th digit, so rounding to 15 or fewer prints the number a person expects; it also
 * turns -0 into 0.
 */
export function round(x: number, digits: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(digits));
}

/** The shortest text for x rounded to `digits` significant digits: 3.3, 715, 1e+21. */
export function formatNumber(x: number, digits: number): string {
  return String(round(x, digits));
}
