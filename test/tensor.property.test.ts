import fc from 'fast-check';
import { expect, test } from 'vitest';
import { multiply } from '../src/tensor.js';
import { RUNS } from './runs.js';

/** C = op(A) · op(B) the way it is written on paper: each element a dot product, p in order. */
function naive(a: Float64Array, b: Float64Array, m: number, k: number, n: number, transposeA: boolean, transposeB: boolean): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += (transposeA ? a[p * m + i] : a[i * k + p]) * (transposeB ? b[j * k + p] : b[p * n + j]);
      c[i * n + j] = sum;
    }
  }
  return c;
}

const element = fc.oneof(fc.constant(0), fc.double({ min: -1e3, max: 1e3, noNaN: true }));

test('the tuned matrix product is the product written on paper, to the last bit, transposed or not', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), fc.boolean(), fc.infiniteStream(element), (m, k, n, transposeA, transposeB, numbers) => {
      const a = Float64Array.from({ length: m * k }, () => numbers.next().value);
      const b = Float64Array.from({ length: k * n }, () => numbers.next().value);
      // Summed in the same order, p from 0: the same rounding; a skipped 0 adds only ±0.
      expect(Array.from(multiply(a, b, m, k, n, { transposeA, transposeB })).map((x) => x + 0)).toEqual(Array.from(naive(a, b, m, k, n, transposeA, transposeB)).map((x) => x + 0));
    }),
    { numRuns: RUNS },
  );
});
