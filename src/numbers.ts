import { InputError } from './errors.js';
import { text } from './messages/index.js';

/** Significant digits of the numbers shown to a person (tables, steps, pictures), unless --precision says otherwise. */
export const DIGITS = 12;
/**
 * Significant digits of the numbers in JSON and in messages: every digit short of float noise,
 * which lies beyond the 15th.
 */
export const FULL_DIGITS = 15;

/**
 * The text for x rounded to `digits` significant digits, by one rule: the shortest text that
 * reads back as the rounded number (3.3, 715, 1.5e-7), and from 10^15 up in exponent form
 * (1e+15, 3e+20), where more zeros would say nothing. Float noise such as 3.3000000000000003
 * lies beyond the 15th digit, so rounding to 15 or fewer prints the number a person expects;
 * -0 prints as 0. A gradient that is no number prints as `undefined` (or the reader's word for
 * it, `nan`), an infinite one as ∞.
 */
export function formatNumber(x: number, digits: number, nan = 'undefined'): string {
  checkDigits(digits);
  if (Number.isNaN(x)) return nan;
  return plainDecimal(x, digits) ?? plainRounded(x, digits) ?? carefullyRounded(x, digits);
}

/** The most significant digits a number is shown with: 17 tell every two doubles apart. */
export const MOST_DIGITS = 17;

/** Whether `digits` is a number of significant digits to show: a whole number from 1 to 17, as --precision takes. */
export function isDigits(digits: number): boolean {
  return Number.isInteger(digits) && digits >= 1 && digits <= MOST_DIGITS;
}

/** Refuses digits that isDigits does not take, as the command line refuses such a --precision. */
function checkDigits(digits: number): void {
  if (!isDigits(digits)) throw new InputError(text('outOfRange', 'digits', String(digits), text('wholeNumber', 1, MOST_DIGITS)));
}

/** 10^n at index n, for n up to toPrecision's 100 digits: `10 ** digits` would call Math.pow each time. */
export const POWERS = Array.from({ length: 101 }, (_, n) => 10 ** n);
/** The most places after the point that plainDecimal writes. */
const MOST_PLACES = 6;
/**
 * How far a number may be from a decimal D and still be D with float noise, relative to the
 * number: then D, of at most 15 digits, is also the number rounded to 15 digits. D's own
 * double is within half an ulp (2^-53) of D, and 3e-16 + 2^-53 stays under 5e-16, half a unit
 * in the 15th digit of the number whose first digit is the largest.
 */
const NOISE = 3e-16;

/**
 * formatNumber's text for the numbers programs are mostly made of, decimals of at most six
 * places below 10^9, exact (2.5, 715) or with float noise (3.3000000000000003 is 3.3), found
 * by a few multiplications instead of conversions to text; undefined for any other number.
 * Such a decimal D has at most 15 digits, and no other decimal of at most 15 digits reads as
 * the same double: D is the shortest text of x (exact), or of x rounded to 15 digits (noise),
 * which is carefullyRounded's text while D has no more digits than asked for (a property
 * test checks it).
 */
export function plainDecimal(x: number, digits: number): string | undefined {
  const places = decimalPlaces(x, digits);
  if (places < 0) return undefined;
  let text = String(decimalUnits(x, places));
  if (places > 0) {
    if (text.length <= places) text = text.padStart(places + 1, '0');
    const point = text.length - places;
    text = text.slice(0, point) + '.' + text.slice(point);
  }
  return x < 0 ? '-' + text : text;
}

/** How many places after its point the decimal that plainDecimal writes for x has; -1 where plainDecimal leaves x to other paths. */
export function decimalPlaces(x: number, digits: number): number {
  const size = Math.abs(x);
  if (!(size < 1e9)) return -1;
  for (let places = 0; places <= MOST_PLACES; places++) {
    const units = Math.round(size * POWERS[places]);
    const distance = Math.abs(size - units / POWERS[places]);
    // Noise only rounds away where the digits asked for are 15 or fewer.
    if (distance > NOISE * size || (distance > 0 && digits > 15)) continue;
    // units, a whole number, has as many significant digits as it has digits: more than asked for are left to rounding.
    return units >= POWERS[digits] ? -1 : places;
  }
  return -1;
}

/** That decimal as a whole number, without sign or point: 33 for 3.3, 5 for 0.05 (2 places). */
export function decimalUnits(x: number, places: number): number {
  return Math.round(Math.abs(x) * POWERS[places]);
}

/**
 * formatNumber's text for the common case, a number written with plain digits rounded to
 * at most 15 (3.3 from 3.3000000000000003), in one conversion; undefined for any other case.
 * Any decimal of at most 15 significant digits survives the trip to the nearest double and
 * back, so the double that toPrecision's digits read as has no shorter text than those digits
 * without their trailing zeros: the text carefullyRounded gives (a property test checks it).
 */
export function plainRounded(x: number, digits: number): string | undefined {
  if (digits > 15 || x === 0 || !Number.isFinite(x)) return undefined;
  const text = x.toPrecision(digits);
  if (text.includes('e')) return undefined;
  if (!text.includes('.')) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 0x30 /* 0 */) end--;
  if (text.charCodeAt(end - 1) === 0x2e /* . */) end--;
  return text.slice(0, end);
}

/** formatNumber's text for every number but NaN, by the rule itself: x rounded, then written shortest. */
export function carefullyRounded(x: number, digits: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  // JSON.stringify gives the shortest text that reads back as x, as String does, but String
  // keeps its results in a cache that V8 holds in the old generation: a document of a million
  // numbers would leave them all behind for the collector. Most numbers are short already:
  // their text is made once, not again for the rounding.
  const shortest = JSON.stringify(x);
  const rounded = shortest.length <= digits || significantDigits(shortest) <= digits ? x : round(x, digits);
  const text = rounded === x ? shortest : JSON.stringify(rounded);
  return Math.abs(rounded) >= 1e15 && !text.includes('e') ? rounded.toExponential() : text;
}

/** The number as JSON writes it: formatNumber's text, or null for one that is not finite. */
export function jsonNumber(x: number, digits: number): string {
  return Number.isFinite(x) ? formatNumber(x, digits) : 'null';
}

/**
 * x rounded to `digits` significant digits, as formatNumber prints it. Near the largest
 * number, rounding up would overflow to Infinity: there the digits are cut instead.
 */
export function round(x: number, digits: number): number {
  checkDigits(digits);
  if (x === 0) return 0; // not -0
  // Most numbers are short already, and then need no rounding at all.
  if (!Number.isFinite(x) || significantDigits(JSON.stringify(x)) <= digits) return x;
  const rounded = Number(x.toPrecision(digits));
  if (Number.isFinite(rounded)) return rounded;
  const [mantissa, exponent] = x.toExponential(20).split('e');
  return Number(`${mantissa.slice(0, mantissa.indexOf('.') + digits)}e${exponent}`);
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
