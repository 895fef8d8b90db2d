/**
 * The shortest text for x rounded to `digits` significant digits: 3.3, 715, 1e+21. Float
 * noise such as 3.3000000000000003 lies beyond the 15th digit, so rounding to 15 or fewer
 * prints the number a person expects; -0 prints as 0.
 */
export function formatNumber(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  // JSON.stringify gives the shortest text that reads back as x, as String does, but String
  // keeps its results in a cache that V8 holds in the old generation: a document of a million
  // numbers would leave them all behind for the collector. Most numbers are short already, and
  // then need no rounding at all.
  const shortest = JSON.stringify(x);
  const text = significantDigits(shortest) <= digits ? shortest : JSON.stringify(Number(x.toPrecision(digits)));
  // JavaScript writes whole numbers out up to 10^21; past 10^15 zeros say nothing: 3e+20.
  return Math.abs(x) >= 1e15 && !text.includes('e') ? Number(text).toExponential() : text;
}

/** x rounded to `digits` significant digits, as formatNumber prints it. */
export function round(x: number, digits: number): number {
  return Number(formatNumber(x, digits));
}

/** How many significant digits a number's text has (leading zeros and the exponent not counted). */
function significantDigits(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 /* e */) break;
    if (c >= 49 /* 1 */ && c <= 57 /* 9 */) count++;
    else if (c === 48 /* 0 */ && count > 0) count++;
  }
  return count;
}
