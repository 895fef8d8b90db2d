import fc from 'fast-check';
import { expect, test } from 'vitest';
import { InputError } from '../src/errors.js';
import { text } from '../src/messages/index.js';
import { carefullyRounded, formatNumber, jsonNumber, plainDecimal, plainRounded, round } from '../src/numbers.js';
import { numbers } from './arbitraries.js';
import { RUNS, TIMEOUT } from './runs.js';

test('rounding to 15 digits removes float noise', () => {
  expect(round(3.3000000000000003, 15)).toBe(3.3);
  expect(round(0.1 + 0.2, 15)).toBe(0.3);
  expect(round(715.0000000000001, 15)).toBe(715);
});

test('-0 prints as 0', () => {
  expect(formatNumber(-0, 12)).toBe('0');
  expect(round(-0, 15)).toBe(0);
  expect(Object.is(round(-0, 15), 0)).toBe(true);
});

test('trailing zeros are dropped and huge or tiny numbers stay readable', () => {
  expect(formatNumber(2.2, 12)).toBe('2.2');
  expect(formatNumber(110, 12)).toBe('110');
  expect(formatNumber(1e21, 12)).toBe('1e+21');
  expect(formatNumber(1.5e-7, 12)).toBe('1.5e-7');
  expect(formatNumber(Math.PI, 4)).toBe('3.142');
  expect(formatNumber(123456789, 3)).toBe('123000000');
  expect(formatNumber(3e20, 12)).toBe('3e+20');
  expect(formatNumber(123456789012345680000, 15)).toBe('1.23456789012346e+20');
  expect(formatNumber(-(2 ** 60), 15)).toBe('-1.15292150460685e+18');
});

test('one rule: from 10^15 up, after rounding, the exponent form', () => {
  expect(formatNumber(999999999999999.9, 15)).toBe('1e+15');
  expect(formatNumber(1e15, 15)).toBe('1e+15');
  expect(formatNumber(-999999999999999.9, 15)).toBe('-1e+15');
  expect(formatNumber(999999999999999, 15)).toBe('999999999999999');
  expect(formatNumber(99999.96, 6)).toBe('100000');
});

test('rounding the largest numbers never overflows to Infinity: their digits are cut', () => {
  expect(formatNumber(8.988465674311579e307 * 2, 15)).toBe('1.79769313486231e+308');
  expect(formatNumber(-Number.MAX_VALUE, 15)).toBe('-1.79769313486231e+308');
  expect(formatNumber(Number.MAX_VALUE, 1)).toBe('1e+308');
  expect(round(Number.MAX_VALUE, 3)).toBe(1.79e308);
});

test('a gradient that is no finite number prints as undefined or ∞, and is null in JSON', () => {
  expect(formatNumber(NaN, 15)).toBe('undefined');
  expect(formatNumber(Infinity, 15)).toBe('∞');
  expect(formatNumber(-Infinity, 15)).toBe('-∞');
  expect(jsonNumber(NaN, 15)).toBe('null');
  expect(jsonNumber(-Infinity, 15)).toBe('null');
  expect(jsonNumber(3.3000000000000003, 15)).toBe('3.3');
});

test(`every finite number prints as a JSON number, read back as the rounded value, by the one rule (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 17 }), (x, digits) => {
      const text = formatNumber(x, digits);
      const value = JSON.parse(text);
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBe(round(x, digits));
      expect(formatNumber(value, digits)).toBe(text);
      expect(text.includes('e+')).toBe(Math.abs(value) >= 1e15);
      expect(Math.abs(value - x)).toBeLessThanOrEqual(Math.abs(x) * 10 ** (1 - digits));
    }),
    { numRuns: RUNS * 10 },
  );
}, TIMEOUT);

test.each([
  ['plainDecimal', plainDecimal],
  ['plainRounded', plainRounded],
])(`the fast path %s writes what careful rounding writes, where it applies (${RUNS * 10} cases)`, (_, fastPath) => {
  let fast = 0;
  fc.assert(
    fc.property(numbers, fc.integer({ min: 1, max: 17 }), (x, digits) => {
      const text = fastPath(x, digits);
      if (text === undefined) return;
      fast++;
      expect(text).toBe(carefullyRounded(x, digits));
    }),
    { numRuns: RUNS * 10 },
  );
  // Each path takes about a tenth (plainDecimal) or a third (plainRounded) of these numbers.
  expect(fast).toBeGreaterThan(RUNS / 2);
  for (const x of [3.3000000000000003, 0.1 + 0.2, 7.700000000000001, 106.15000000000001, 999999999.9999999, 1e-6, -0]) {
    for (let digits = 1; digits <= 17; digits++) expect(fastPath(x, digits) ?? carefullyRounded(x, digits)).toBe(carefullyRounded(x, digits));
  }
  expect(fastPath(3.3000000000000003, 15)).toBe('3.3');
  expect(fastPath(3.3000000000000003, 17)).toBeUndefined();
});

test('what the fast paths leave to careful rounding', () => {
  expect(plainRounded(999999999999999.9, 15)).toBeUndefined();
  expect(plainDecimal(1.5e-7, 15)).toBeUndefined();
});

test.each([0, 18, 1.5, -1, NaN, 100])('formatNumber and round refuse %s digits as --precision does: a whole number from 1 to 17', (digits) => {
  const refusal = new InputError(text('outOfRange', 'digits', String(digits), text('wholeNumber', 1, 17)));
  expect(refusal.message).toBe(`digits is ${digits}: give a whole number from 1 to 17`);
  expect(() => formatNumber(Math.PI, digits)).toThrow(refusal);
  expect(() => round(Math.PI, digits)).toThrow(refusal);
  expect(formatNumber(Math.PI, 17)).toBe('3.141592653589793');
});
