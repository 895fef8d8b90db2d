import { expect, test } from 'vitest';
import { label, withValues } from '../src/notation.js';
import { parseExpression } from '../src/parse/expression.js';
import { evaluate } from '../src/result.js';

const { graph, output } = evaluate(parseExpression('y = -(a * b + 2) ^ 2 + exp(a - b)', ['a=1', 'b=3']));

test('an unnamed operation is written from its arguments, parenthesized only where needed', () => {
  const labels = Array.from({ length: graph.size }, (_, node) => label(graph, node));
  expect(labels).toEqual(['a', 'b', 'a × b', '2', 'a × b + 2', '2', '(a × b + 2) ^ 2', '−((a × b + 2) ^ 2)', 'a − b', 'exp(a − b)', 'y']);
});

test.each([
  ['(-x)^2', '(−x) ^ 2'],
  ['-x^2', '−(x ^ 2)'],
  ['a - (b - c)', 'a − (b − c)'],
  ['(a - b) - c', 'a − b − c'],
  ['(a ^ b) ^ c', '(a ^ b) ^ c'],
  ['a ^ (b ^ c)', 'a ^ b ^ c'],
  ['a / (b * c)', 'a ÷ (b × c)'],
  ['2 ^ -a', '2 ^ (−a)'],
  ['-(-a)', '−−a'],
])('%s is written %s, which parses back to it', (source, text) => {
  const bindings = ['a=2', 'b=3', 'c=5', 'x=3'].filter((binding) => source.includes(binding[0]));
  const program = parseExpression(source, bindings);
  expect(label(program.graph, program.output)).toBe(text);
  expect(evaluate(parseExpression(text, bindings)).value).toBe(evaluate(program).value);
});

test('labels stop at a depth, for generated expressions a million terms long', () => {
  const sum = parseExpression(Array.from({ length: 10 }, (_, i) => `x${i}`).join(' + '), Array.from({ length: 10 }, (_, i) => `x${i}=1`));
  expect(label(sum.graph, sum.output)).toBe('… + x6 + x7 + x8 + x9');
});

test('with values in place of names, negative numbers in parentheses', () => {
  expect(withValues(graph, output, 15)).toBe('(-25) + 0.135335283236613');
  expect(withValues(graph, 8, 15)).toBe('1 − 3');
  expect(withValues(graph, 9, 15)).toBe('exp(-2)');
  expect(withValues(graph, 7, 3)).toBe('−25');
});

test('an array written in a program is written as a program writes it where small, else by its shape, and parses back', () => {
  const result = evaluate(parseExpression('sum(w * [[1, 2.5], [-3, 4]]) + sum(w * [0.5, 2]) + sum(ones(7, 2))', ['w=[3, 4]']));
  const labels = Array.from({ length: result.graph.size }, (_, node) => label(result.graph, node));
  expect(labels).toContain('[[1, 2.5], [-3, 4]]');
  expect(labels).toContain('w × [0.5, 2]');
  expect(labels).toContain('(7×2)');
  const again = evaluate(parseExpression(`sum(w * ${labels.find((text) => text.startsWith('[['))})`, ['w=[3, 4]']));
  expect(again.value).toBe(3 * 1 + 4 * 2.5 + 3 * -3 + 4 * 4);
});
