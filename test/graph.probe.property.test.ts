import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseExpression } from '../src/parse/expression.js';
import { evaluate } from '../src/result.js';
import { Tensor } from '../src/tensor.js';
import { RUNS } from './runs.js';

/**
 * Graph.probe, tuned for --check on arrays (it computes again only what an element reaches,
 * and a matrix product only the row or column the element moves), held to the plain way:
 * the element moved in a copy, and a forward pass from scratch.
 */
test('probe() gives what a forward pass from scratch gives, for any element of any input of a net', () => {
  const program = 'loss = softmax_with_loss(affine(relu(affine(x, W1, b1) * 2), W2, b2) + sum(W1) * c, t)';
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1000 }), fc.double({ min: -3, max: 3, noNaN: true }), (rows, hidden, pick, moved) => {
      const values = (r: number, c: number, seed: number) => JSON.stringify(Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => Math.sin(seed + 7 * i + j))));
      const bindings = [`x=${values(rows, 3, 1)}`, `W1=${values(3, hidden, 2)}`, `b1=${values(1, hidden, 3).slice(1, -1)}`, `W2=${values(hidden, 2, 4)}`, `b2=[0.1, -0.2]`, 'c=0.5', `t=[${Array.from({ length: rows }, (_, i) => i % 2).join(',')}]`];
      const result = evaluate(parseExpression(program, bindings));
      const { graph, output } = result;
      const arrays = result.inputs.filter((node) => graph.tensor(node) !== undefined && !result.labels.has(node));
      const input = arrays[pick % arrays.length];
      const index = pick % graph.tensor(input)!.size;
      const probed = graph.probe(input, index, moved, output);
      // The same element moved in a copy of the input, and everything computed again.
      const copy = graph.tensor(input)!.data.slice();
      copy[index] = moved;
      const again = graph.with([[input, new Tensor(graph.tensor(input)!.shape, copy)]], () => (graph.forward(), graph.value(output)));
      expect(probed).toBeCloseTo(again, 12);
      // And the graph is as it was: its values, read again, are the first run's.
      expect(graph.value(output)).toBe(result.value);
    }),
    { numRuns: RUNS },
  );
});
