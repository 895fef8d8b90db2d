import fc from 'fast-check';
import { expect, test } from 'vitest';
import { cellWidth } from '../../src/render/wrap.js';
import { runInProcess } from '../io.js';
import { RUNS, TIMEOUT } from '../runs.js';

/** A matrix of numbers from 1e-6 to 1e6 in size, either sign, rows × columns. */
const matrix = (rows: number, columns: number) =>
  fc.array(fc.array(fc.double({ min: -6, max: 6, noNaN: true }).chain((power) => fc.constantFrom(10 ** power, -(10 ** power))), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows });

const case_ = fc
  .record({ rows: fc.integer({ min: 1, max: 9 }), inner: fc.integer({ min: 1, max: 9 }), columns: fc.integer({ min: 1, max: 9 }) })
  .chain(({ rows, inner, columns }) =>
    fc.record({
      X: matrix(rows, inner),
      W: matrix(inner, columns),
      width: fc.integer({ min: 40, max: 200 }),
      view: fc.constantFrom([], ['--all'], ['--steps'], ['--full'], ['--graph'], ['--all', '--full']),
      lang: fc.constantFrom('en', 'ko', 'ja'),
    }),
  );

test(
  'a program of arrays, in every view and language, fits any width from 40 to 200 (a number alone may not)',
  async () => {
    await fc.assert(
      fc.asyncProperty(case_, async ({ X, W, width, view, lang }) => {
        const run = await runInProcess(['-e', 'L = sum(relu(X @ W))', `X=${JSON.stringify(X)}`, `W=${JSON.stringify(W)}`, '--no-color', '--lang', lang, ...view], { env: { COLUMNS: String(width) }, terminal: true, columns: width });
        expect(run.stderr).toBe('');
        for (const line of run.stdout.split('\n')) {
          // Past the width only where one word is wider than the screen itself.
          if (cellWidth(line) > width) expect(Math.max(...line.trim().split(/\s+/).map(cellWidth)), line).toBeGreaterThan(width - 8);
        }
      }),
      { numRuns: RUNS },
    );
  },
  TIMEOUT,
);
