import { expect, test } from 'vitest';
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

test('an operation the engine does not know is refused by name', () => {
  const data = { output: 1, outputName: 'y', digits: 12, nodes: [{ input: 'x', value: 1 }, { operation: 'cosh', args: [0] }] };
  expect(() => programOf(data)).toThrow("no layer for the operation 'cosh'");
});
