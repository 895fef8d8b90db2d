import fc from 'fast-check';
import { expect, test } from 'vitest';
import { MathError } from '../src/errors.js';
import { forwardMode } from '../src/forward-mode.js';
import { parseExpression } from '../src/parse/expression.js';
import { parseReceipt } from '../src/parse/receipt.js';
import { evaluate } from '../src/result.js';
import { expression, NAMES, values } from './arbitraries.js';
import { expectRefused, runInProcess } from './io.js';
import { RUNS, TIMEOUT } from './runs.js';
import { expectValid } from './schema.js';

const RECEIPT = ['apple=100x2', 'orange=150x3', 'tax=1.1'];

test(`forward mode gives reverse mode's gradients within rounding on random programs (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(expression, values, fc.boolean(), ({ text }, numbers, float) => {
      const used = NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
      let result;
      try {
        result = evaluate(parseExpression(text, used.map((name) => `${name}=${numbers[NAMES.indexOf(name)]}`), { float }));
      } catch (error) {
        fc.pre(!(error instanceof MathError));
        throw error;
      }
      const forward = forwardMode(result);
      expect(forward.passes).toHaveLength(result.inputs.length);
      for (const { input, derivative } of forward.passes) {
        const reverse = result.graph.grad(input);
        if (!Number.isFinite(reverse) || !Number.isFinite(derivative)) continue;
        // The same products, summed in another order: a few ulps of the largest term apart.
        expect(Math.abs(derivative - reverse)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(reverse)));
      }
    }),
    { numRuns: RUNS },
  );
}, TIMEOUT);

test('the receipt takes 5 forward passes where backprop takes 1 backward pass', () => {
  const forward = forwardMode(evaluate(parseReceipt(RECEIPT)));
  expect(forward).toMatchObject({ operations: 20, perPass: 4 });
  // In doubles, as dual numbers compute: 1.1 × 100 is 110.00000000000001.
  forward.passes.forEach(({ derivative }, i) => expect(derivative).toBeCloseTo([2.2, 110, 3.3, 165, 650][i], 12));
});

test('--mode both prints what each mode needed, and --mode forward its gradients', async () => {
  const both = await runInProcess([...RECEIPT, '--mode', 'both']);
  expect(both.stdout).toContain('forward mode: 5 passes (one an input) × 4 operations = 20');
  expect(both.stdout).toContain('reverse mode: 2 passes (1 forward, 1 backward) × 4 operations = 8');
  const json = await runInProcess([...RECEIPT, '--mode', 'both', '--json']);
  expectValid('document', json.stdout);
  expect(JSON.parse(json.stdout).modes).toMatchObject({ forward: { forward_passes: 5, operations: 20 }, reverse: { operations: 8 } });
  const forward = await runInProcess([...RECEIPT, '--mode', 'forward', '--json']);
  expectValid('document', forward.stdout);
  expect(JSON.parse(forward.stdout)).toMatchObject({ mode: 'forward', gradients: { apple: 2.2, tax: 650 }, exact: { gradients: false } });
});

test('--steps --mode forward prints a tangent pass an input, where terms meet as a sum', async () => {
  const run = await runInProcess(['x*x + x*y', 'x=3', 'y=1', '--mode', 'forward', '--steps']);
  expect(run.stdout).toContain('forward mode, pass 1 of 2: ∂/∂x');
  expect(run.stdout).toContain('(1) x × x: ∂(x × x)/∂x = x × 1 + x × 1 = 6');
  expect(run.stdout).toContain('(3) result = x × x + x × y: ∂result/∂x = 1 × 6 + 1 × 1 = 7');
  expect(run.stdout).toContain('(1) x × x: ∂(x × x)/∂y = 0');
  const json = await runInProcess(['x*x + x*y', 'x=3', 'y=1', '--mode', 'forward', '--steps', '--json']);
  expectValid('document', json.stdout);
  expect(JSON.parse(json.stdout).tangent_passes[1].steps[1]).toEqual({ node: 'x × y', terms: [{ from: 'y', slope: 3, tangent: 1 }], tangent: 3 });
});

test.each([
  [['sum(w * w)', 'w=[1, 2]', '--mode', 'forward'], /--mode forward takes a program of numbers/],
  [['x^3', 'x=1', '--mode', 'forward', '--order', '2'], /--mode forward gives first derivatives/],
  [['x', 'x=1', '--mode', 'both', '--format', 'svg'], /--mode shows text or JSON/],
  [['x', 'x=1', '--mode', 'sideways'], /argument 'sideways' is invalid/],
])('refuses %j with one error line', async (argv, message) => expectRefused(argv, message));
