import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Exact } from '../src/exact.js';
import { RUNS } from './runs.js';

/** A double as an exact fraction of BigInts: its mantissa times a power of two. */
function ratioOf(x: number): [bigint, bigint] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const mantissa = (bits & ((1n << 52n) - 1n)) | (exponent === 0 ? 0n : 1n << 52n);
  const power = (exponent === 0 ? 1 : exponent) - 1075;
  const signed = bits >> 63n === 1n ? -mantissa : mantissa;
  return power >= 0 ? [signed << BigInt(power), 1n] : [signed, 1n << BigInt(-power)];
}

/** |a/b − c/d| compared with |a/b − e/f|, exactly. */
function closer([a, b]: [bigint, bigint], [c, d]: [bigint, bigint], [e, f]: [bigint, bigint]): number {
  const abs = (n: bigint) => (n < 0n ? -n : n);
  const left = abs(a * d - c * b) * f;
  const right = abs(a * f - e * b) * d;
  return left < right ? -1 : left > right ? 1 : 0;
}

const fraction = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n }));

test(`a fraction's double is the nearest one, ties to even (${RUNS * 10} cases)`, () => {
  fc.assert(
    fc.property(fraction, ([num, den]) => {
      const exact = Exact.fraction(num, den)!;
      const double = exact.toNumber();
      const q: [bigint, bigint] = [num, den];
      for (const neighbour of [double + Math.abs(double) * 2 ** -52 + 5e-324, double - Math.abs(double) * 2 ** -52 - 5e-324]) {
        if (Number.isFinite(neighbour)) expect(closer(q, ratioOf(double), ratioOf(neighbour))).toBeLessThanOrEqual(0);
      }
    }),
    { numRuns: RUNS * 10 },
  );
  // A tie goes to the even double: 2^53 + 1 lies halfway between 2^53 and 2^53 + 2.
  expect(Exact.fraction(2n ** 53n + 1n, 1n)!.toNumber()).toBe(2 ** 53);
  expect(Exact.fraction(2n ** 53n + 3n, 1n)!.toNumber()).toBe(2 ** 53 + 4);
  // Below the normal range, as far down as the smallest subnormal.
  expect(Exact.fraction(1n, 10n ** 310n)!.toNumber()).toBe(1e-310);
  expect(Exact.fraction(1n, 2n ** 1074n)!.toNumber()).toBe(5e-324);
});

test(`a decimal is what its text says, and its double is the one JavaScript reads (${RUNS * 10} cases)`, () => {
  fc.assert(
    fc.property(fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), fc.integer({ min: 0, max: 22 }), (units, places) => {
      const text = (units < 0 ? '-' : '') + String(Math.abs(units)).padStart(places + 1, '0').replace(new RegExp(`(\\d{${places}})$`), '.$1');
      const exact = Exact.of(Number(text));
      // The shortest decimal of that double reads back as the same double.
      expect(exact!.toNumber()).toBe(Number(text));
      expect(Number(exact!.toString())).toBe(Number(text));
    }),
    { numRuns: RUNS * 10 },
  );
  expect(Exact.of(0.1)!.toString()).toBe('0.1');
  expect(Exact.of(3.3000000000000003)!.toString()).toBe('33000000000000003/10000000000000000');
  expect(Exact.of(1e21)!.toString()).toBe('1000000000000000000000');
  expect(Exact.of(Infinity)).toBeUndefined();
});

test('arithmetic is exact: 0.1 + 0.2 is 0.3, 1/3 × 3 is 1, and a cancellation is 0', () => {
  const e = (x: number) => Exact.of(x)!;
  expect(e(0.1).plus(e(0.2))!.toString()).toBe('0.3');
  expect(e(1).over(e(3))!.times(e(3))!.toString()).toBe('1');
  expect(e(0.5).times(e(1))!.plus(e(-0.3).times(e(2))!)!.plus(e(0.1))!.sign).toBe(0);
  expect(e(1.1).pow(3)!.toString()).toBe('1.331');
  expect(e(2).pow(-2)!.toString()).toBe('0.25');
  expect(e(0).pow(-1)).toBeUndefined();
  expect(e(2.25).sqrt()!.toString()).toBe('1.5');
  expect(e(2).sqrt()).toBeUndefined();
  expect(e(1).over(e(0))).toBeUndefined();
  expect(e(0.3).compare(e(0.1).plus(e(0.2))!)).toBe(0);
});

test('a fraction that would grow past some 600 digits is given up on, not kept', () => {
  let x = Exact.of(1)!;
  for (let i = 0; i < 2000 && x !== undefined; i++) x = x.over(Exact.of(3)!)!;
  expect(x).toBeUndefined();
  expect(Exact.of(1.5)!.pow(5000)).toBeUndefined();
});
