import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/check.js';
import { Graph } from '../../src/graph.js';
import { AddLayer } from '../../src/layers.js';
import { parseExpression } from '../../src/parse/expression.js';
import { parseReceipt } from '../../src/parse/receipt.js';
import { jsonChunks, renderJson } from '../../src/render/json.js';
import { evaluate } from '../../src/result.js';
import { trace } from '../../src/trace.js';
import { RUNS } from '../runs.js';

const receipt = evaluate(parseReceipt(['apple=100x2', 'orange=150x3', 'tax=1.1']));

test('the book’s receipt is the documented JSON, to the byte', () => {
  expect(renderJson(receipt)).toBe(`{
  "output": "price",
  "value": 715,
  "inputs": {
    "apple": 100,
    "apple_num": 2,
    "orange": 150,
    "orange_num": 3,
    "tax": 1.1
  },
  "gradients": {
    "apple": 2.2,
    "apple_num": 110,
    "orange": 3.3,
    "orange_num": 165,
    "tax": 650
  },
  "intermediates": {
    "apple_price": { "value": 200, "grad": 1.1 },
    "orange_price": { "value": 450, "grad": 1.1 },
    "all_price": { "value": 650, "grad": 1.1 }
  },
  "exact": { "value": true, "gradients": true, "intermediates": true }
}
`);
});

test('which numbers are exact: all, none, or the names of those that are', () => {
  const exact = (source: string, ...bindings: string[]) => JSON.parse(renderJson(evaluate(parseExpression(source, bindings)))).exact;
  expect(exact('w*x + b', 'w=0.5', 'x=1', 'b=0.1')).toEqual({ value: true, gradients: true, intermediates: true });
  // ∂z/∂x is exp(w): a double; ∂z/∂b is 1.
  expect(exact('y = exp(w) * x; z = y + b', 'w=0.5', 'x=1', 'b=0.1')).toEqual({ value: false, gradients: ['b'], intermediates: false });
  expect(JSON.parse(renderJson(evaluate(parseExpression('w*x + b', ['w=0.5', 'x=1', 'b=0.1'], { float: true })))).exact).toEqual({
    value: false,
    gradients: false,
    intermediates: false,
  });
});

test('numbers parse back noise-free, in order of first appearance', () => {
  const document = JSON.parse(renderJson(receipt));
  expect(document.gradients.orange).toBe(3.3);
  expect(Object.keys(document.inputs)).toEqual(['apple', 'apple_num', 'orange', 'orange_num', 'tax']);
});

test('--precision rounds further', () => {
  expect(JSON.parse(renderJson(evaluate(parseExpression('x / 3', ['x=1'])), { digits: 3 })).value).toBe(0.333);
});

test('names that are special to JavaScript objects stay plain keys', () => {
  const result = evaluate(parseExpression('__proto__ * constructor + toString', ['__proto__=2', 'constructor=3', 'toString=1']));
  const document = JSON.parse(renderJson(result));
  expect(Object.keys(document.gradients)).toEqual(['__proto__', 'constructor', 'toString']);
  expect(Object.getPrototypeOf(document.gradients)).toBe(Object.prototype);
  expect(Object.getOwnPropertyDescriptor(document.gradients, '__proto__')?.value).toBe(3);
});

test(`a name of any text is the key JSON.stringify writes, escaped where it must be (${RUNS} cases)`, () => {
  const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('a"b', 'a\\b', 'tab\there', '\u2028', '\ud800', '\udc00x', '😀', 'é', '가격'));
  fc.assert(
    fc.property(text, (name) => {
      // Built by hand: the library takes any name, as a parsed program does not.
      const graph = new Graph();
      const output = graph.apply(new AddLayer(), graph.input(name, 1), graph.constant(2));
      const document = renderJson(evaluate({ graph, output, outputName: 'y' }));
      expect(document).toContain(`"inputs": {\n    ${JSON.stringify(name)}: 1\n  }`);
      expect(Object.keys(JSON.parse(document).gradients)).toEqual([name]);
    }),
    { numRuns: RUNS },
  );
});

test('--precision rounds computed values, not the inputs as given', () => {
  const document = JSON.parse(renderJson(evaluate(parseReceipt(['apple=123.456x2'])), { digits: 3 }));
  expect(document).toMatchObject({ value: 247, inputs: { apple: 123.456, apple_num: 2 }, gradients: { apple: 2, apple_num: 123 } });
});

test('an output without intermediates or inputs still has every key', () => {
  expect(JSON.parse(renderJson(evaluate(parseExpression('2 * 3'))))).toEqual({
    output: 'result',
    value: 6,
    inputs: {},
    gradients: {},
    intermediates: {},
    exact: { value: true, gradients: true, intermediates: true },
  });
});

describe('the teaching views as data', () => {
  test('"steps" carries the same facts as --steps', () => {
    const result = evaluate(parseExpression('x*x + x', ['x=3']));
    const { steps } = JSON.parse(renderJson(result, { steps: trace(result) }));
    expect(steps).toEqual([
      { pass: 'forward', step: 1, node: 'x × x', operation: 'mul', expression: 'x × x', arguments: [3, 3], value: 9 },
      { pass: 'forward', step: 2, node: 'result', operation: 'add', expression: 'x × x + x', arguments: [9, 3], value: 12 },
      {
        pass: 'backward',
        step: 2,
        node: 'result',
        grad: 1,
        shares: [
          { to: 'x × x', slope: 1, share: 1 },
          { to: 'x', slope: 1, share: 1 },
        ],
      },
      {
        pass: 'backward',
        step: 1,
        node: 'x × x',
        grad: 1,
        shares: [
          { to: 'x', slope: 3, share: 3 },
          { to: 'x', slope: 3, share: 3 },
        ],
      },
      { pass: 'sum', node: 'x', shares: [1, 3, 3], grad: 7 },
    ]);
  });

  test('"graph" lists every node with its operation, arguments, value and gradient', () => {
    const { graph } = JSON.parse(renderJson(receipt, { graph: true }));
    expect(graph).toHaveLength(9);
    expect(graph[0]).toEqual({ id: 0, name: 'apple', kind: 'input', value: 100, grad: 2.2 });
    expect(graph[8]).toEqual({ id: 8, name: 'price', kind: 'operation', operation: 'mul', arguments: [7, 4], value: 715, grad: 1 });
  });

  test('"check" gives both gradients, the error, the verdict and the cost of each method', () => {
    const result = evaluate(parseReceipt(['apple=100x2', 'orange=150x3', 'tax=1.1']));
    const { check: report } = JSON.parse(renderJson(result, { check: check(result) }));
    expect(report).toMatchObject({
      step: 0.0001,
      tolerance: { absolute: 0.00001, relative: 0.001 },
      backprop: { forward_passes: 1, backward_passes: 1 },
      numerical: { forward_passes: 10 },
    });
    expect(Object.keys(report.inputs)).toEqual(['apple', 'apple_num', 'orange', 'orange_num', 'tax']);
    expect(report.inputs.orange).toMatchObject({ backprop: 3.3, verdict: 'agrees' });
    expect(report.inputs.orange.numerical).toBeCloseTo(3.3, 6);
  });
});

test('an object of a few members, written at once, and one of many, in pieces, read the same', () => {
  // Around 64 members (written at once up to there), and past a 64 KB piece.
  for (const count of [63, 64, 65, 66, 5000]) {
    const named = Array.from({ length: count }, (_, i) => `t${i} = x${i} * ${i + 1}`).join('; ');
    const sum = Array.from({ length: count }, (_, i) => `t${i}`).join(' + ');
    const bindings = Array.from({ length: count }, (_, i) => `x${i}=${i}`);
    const result = evaluate(parseExpression(`${named}; y = ${sum}`, bindings));
    const chunks = [...jsonChunks(result)];
    if (count === 5000) expect(chunks.length).toBeGreaterThan(1);
    const document = JSON.parse(chunks.join(''));
    expect(Object.keys(document.inputs)).toEqual(bindings.map((binding) => binding.split('=')[0]));
    expect(Object.values(document.inputs)).toEqual(bindings.map((_, i) => i));
    expect(Object.values(document.gradients)).toEqual(bindings.map((_, i) => i + 1));
    expect(Object.values(document.intermediates)).toEqual(bindings.map((_, i) => ({ value: i * (i + 1), grad: 1 })));
    // Twice over, as --batch writes a document a line into the buffer of the one before.
    expect(renderJson(result, { compact: true })).toBe(JSON.stringify(document));
    expect(renderJson(result, { compact: true })).toBe(JSON.stringify(document));
  }
});
