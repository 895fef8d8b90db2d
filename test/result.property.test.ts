import type { LayerClass } from '../src/layers.js';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { MathError } from '../src/errors.js';
import { parseExpression } from '../src/parse/expression.js';
import { evaluate } from '../src/result.js';
import { expression, NAMES, values } from './arbitraries.js';
import { RUNS, TIMEOUT } from './runs.js';

/** PyTorch gradcheck's tolerances on doubles. */
const ATOL = 1e-5;
const RTOL = 1e-3;

test(`every gradient agrees with a central difference where the function is smooth (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(expression, values, ({ text, at }, numbers) => {
      const inputs = Object.fromEntries(NAMES.map((name, i) => [name, numbers[i]]));
      const used = NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
      let result;
      try {
        result = evaluate(parseExpression(text, used.map((name) => `${name}=${inputs[name]}`)));
      } catch (error) {
        // Outside the function's domain (log of a negative, 1/0, overflow): nothing to compare.
        fc.pre(!(error instanceof MathError));
        throw error;
      }
      // Where the chain rule cannot give a gradient (0 × ∞), it says so: see result.test.ts.
      fc.pre(result.undefinedGradients.size === 0);
      const { graph } = result;
      // The forward pass is the expression's plain value.
      expect(Math.abs(result.value - at(inputs))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(at(inputs))));
      // Smooth only: no relu, abs or max near its kink. And well-conditioned only: a difference of
      // values near 10^3 carries rounding errors of some ulps, over 2h = 2·10^-6, of the order of atol.
      for (let node = 0; node < graph.size; node++) {
        const kink = (graph.operation(node)?.layer as LayerClass | undefined)?.kink;
        const [x, y] = graph.args(node).map((argument) => graph.value(argument));
        if (kink !== undefined) fc.pre(Math.abs(kink(x, y)) > 1e-3);
      }
      for (const node of result.inputs) {
        const name = graph.name(node)!;
        const h = 1e-6 * Math.max(1, Math.abs(inputs[name]));
        const numerical = (at({ ...inputs, [name]: inputs[name] + h }) - at({ ...inputs, [name]: inputs[name] - h })) / (2 * h);
        fc.pre(Number.isFinite(numerical) && Math.abs(numerical) < 1e3 && Math.abs(result.value) < 1e3);
        expect(Math.abs(graph.grad(node) - numerical)).toBeLessThanOrEqual(ATOL + RTOL * Math.abs(numerical));
      }
    }),
    { numRuns: RUNS },
  );
}, TIMEOUT);
