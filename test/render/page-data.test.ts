import { expect, test } from 'vitest';
import { OPERATIONS } from '../../src/operations.js';
import { written } from '../operations.js';
import { parseExpression } from '../../src/parse/expression.js';
import { pageData, programOf } from '../../src/render/page-data.js';
import { evaluate } from '../../src/result.js';
import { examples } from '../views.js';

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
