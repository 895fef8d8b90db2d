import { expect, test } from 'vitest';
import { OPERATIONS } from '../../src/operations.js';
import { written } from '../operations.js';
import { parseExpression } from '../../src/parse/expression.js';
import { pageData, programOf } from '../../src/render/page-data.js';
import { evaluate } from '../../src/result.js';
import { Tensor } from '../../src/tensor.js';
import { affine, examples, net } from '../views.js';

test.each(Object.entries(examples))('%s: the graph built again from its data gives the same numbers', (_, example) => {
  const result = example();
  const again = evaluate(programOf(JSON.parse(JSON.stringify(pageData(result, 12)))));
  expect(again.value).toBe(result.value);
  expect(again.outputName).toBe(result.outputName);
  for (let node = 0; node < result.graph.size; node++) {
    expect(again.graph.name(node)).toBe(result.graph.name(node));
    expect(again.graph.value(node)).toBe(result.graph.value(node));
    expect(again.graph.grad(node)).toBe(result.graph.grad(node));
  }
});

test.each([
  ['affine', affine],
  ['the two-layer net', net],
  ['an array written in the program', () => evaluate(parseExpression('y = sum(x * [[1, 2], [3, 4]]) + mean(x, 0) @ [5, 6]', ['x=[[1,2],[3,4]]']))],
])('arrays, %s: carried as nested lists, and the graph built again gives the same arrays', (_, example) => {
  const result = example();
  const data = JSON.parse(JSON.stringify(pageData(result, 12))) as ReturnType<typeof pageData>;
  const again = evaluate(programOf(data));
  expect(again.value).toBe(result.value);
  const plain = (value: number | Tensor | undefined) => (value instanceof Tensor ? value.toNested() : value);
  for (let node = 0; node < result.graph.size; node++) {
    expect(again.graph.layer(node)?.constructor).toBe(result.graph.layer(node)?.constructor);
    expect(plain(again.graph.valueOf(node))).toEqual(plain(result.graph.valueOf(node)));
    expect(plain(again.graph.gradTensor(node))).toEqual(plain(result.graph.gradTensor(node)));
  }
  // Each array layer is a node's own, as the parser made them.
  const layers = Array.from({ length: again.graph.size }, (_, node) => again.graph.layer(node)).filter((layer) => layer !== undefined && 'arrays' in layer.constructor);
  expect(new Set(layers).size).toBe(layers.length);
});

test('every operation an expression can write is built again with its own layer', () => {
  const scalars = OPERATIONS.filter(({ layer }) => !('arrays' in layer));
  const result = evaluate(parseExpression(scalars.map((op) => `(${written(op, 'x', 'y')})`).join(' + '), ['x=0.7', 'y=1.3']));
  const again = evaluate(programOf(pageData(result, 12)));
  for (let node = 0; node < result.graph.size; node++) {
    expect(again.graph.layer(node)?.constructor).toBe(result.graph.layer(node)?.constructor);
    expect(again.graph.grad(node)).toBe(result.graph.grad(node));
  }
  const operations = new Set(Array.from({ length: again.graph.size }, (_, node) => again.graph.layer(node)?.constructor));
  for (const { layer } of scalars) expect(operations).toContain(layer);
});

test('an operation the engine does not know is refused by name', () => {
  const data = { output: 1, outputName: 'y', digits: 12, pictureDigits: 6, language: 'en' as const, exact: true, nodes: [{ input: 'x', value: 1 }, { operation: 'cosh', args: [0] }] };
  expect(() => programOf(data)).toThrow("no layer for the operation 'cosh'");
});
