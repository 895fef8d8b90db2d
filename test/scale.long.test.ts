import { Chalk } from 'chalk';
import { expect, test } from 'vitest';
import { Graph } from '../src/graph.js';
import { AddLayer } from '../src/layers.js';
import { parseExpression } from '../src/parse/expression.js';
import { renderTree } from '../src/render/tree.js';
import { fit } from '../src/render/wrap.js';
import { evaluate } from '../src/result.js';
import { train } from '../src/train.js';
import { runInProcess } from './io.js';

/**
 * Inputs at a scale where an algorithm that is quadratic, or recursive, would take minutes or
 * overflow the stack: each takes a moment. They run with the property tests, not in `npm test`.
 */

test('a graph: a chain a million nodes deep runs without recursion', () => {
  const graph = new Graph();
  const one = graph.constant(1);
  let total = graph.input('x', 0);
  for (let i = 0; i < 1_000_000; i++) total = graph.apply(new AddLayer(), total, one);
  graph.forward();
  graph.backward();
  expect(graph.value(total)).toBe(1_000_000);
  expect(graph.grad(1)).toBe(1);
});

test('--graph: a graph a hundred thousand deep is drawn without recursion and cut short', () => {
  const chain = ['s0 = 0', ...Array.from({ length: 100_000 }, (_, i) => `s${i + 1} = s${i} + 1`)].join('\n');
  const tree = renderTree(evaluate(parseExpression(chain)), new Chalk({ level: 0 }), 12).trimEnd().split('\n');
  expect(tree).toHaveLength(1002);
  expect(tree.at(-1)).toBe('… cut at 1000 lines: --format dot draws the whole graph');
});

test('a line fitted to the screen: a word of megabytes beside symbols past ASCII is kept whole, in one pass', () => {
  const name = 'a'.repeat(4_000_000);
  expect(fit(`∂y/∂${name} = 1 × 3`, 80)).toBe(`∂y/∂${name}\n    = 1 × 3`);
});

test('--batch: a line of 100,000 keys, and a CSV of 100,000 columns, take a moment, not minutes', async () => {
  const names = Array.from({ length: 100_000 }, (_, i) => `x${i}`);
  const program = `y = ${names.join(' + ')}`;
  const line = JSON.stringify(Object.fromEntries(names.map((name) => [name, 1])));
  const json = await runInProcess(['-e', program, '--batch'], { stdin: `${line}\n` });
  const csv = await runInProcess(['-e', program, '--batch', '--csv'], { stdin: `${names.join(',')}\n${names.map(() => '2').join(',')}\n` });
  expect([JSON.parse(json.stdout).value, JSON.parse(csv.stdout).value]).toEqual([100_000, 200_000]);
}, 30_000);

test('--train: a list of 20,000 names is read once, and one unknown is told with the first five inputs', () => {
  const names = Array.from({ length: 20_000 }, (_, i) => `x${i}`);
  const program = parseExpression(`y = ${names.join(' + ')}`, names.map((name) => `${name}=1`));
  const started = performance.now();
  expect(() => train(program, { inputs: [...names.slice(1), 'nope'], epochs: 1 })).toThrow(
    "--train: 'nope' is not an input of the program (its inputs: x0, x1, x2, x3, x4 and 19995 more)",
  );
  expect(performance.now() - started).toBeLessThan(1000);
});

test('--train: the table of 5,000 trained inputs, or of a name of 30,000 Hangul letters, in a moment', async () => {
  const inputs = Array.from({ length: 5000 }, (_, i) => `x${i} = ${i % 7}`).join('\n');
  const sum = Array.from({ length: 5000 }, (_, i) => `x${i}*x${i}`).join(' + ');
  let started = performance.now();
  const many = await runInProcess(['-f', '-', '--train', '--epochs', '1'], { stdin: `${inputs}\ny = ${sum}\n` });
  expect(performance.now() - started).toBeLessThan(3000);
  expect(many.status).toBe(0);
  expect(many.stdout).toContain('│ x4999 │');
  const name = '가'.repeat(30_000);
  started = performance.now();
  const long = await runInProcess([`y = ${name} * 3`, `${name}=2`, '--train', '--epochs', '1']);
  expect(performance.now() - started).toBeLessThan(3000);
  expect(long.status).toBe(0);
  expect(long.stdout).toContain(name);
}, 20_000);

test('--nudge: 4,000 nudges, or one of a name of 10,000 Hangul letters, print in a moment', async () => {
  let started = performance.now();
  const many = await runInProcess(['apple=100x2', 'tax=1.1', ...Array.from({ length: 4000 }, (_, i) => ['--nudge', `apple=+${i}`]).flat()]);
  expect(performance.now() - started).toBeLessThan(3000);
  expect(many.status).toBe(0);
  expect(many.stdout).toContain('│ apple=+3999 │');
  const name = '가'.repeat(10_000);
  started = performance.now();
  const long = await runInProcess([`y = ${name} * 3`, `${name}=2`, '--nudge', `${name}=+1`]);
  expect(performance.now() - started).toBeLessThan(3000);
  expect(long.status).toBe(0);
  expect(long.stdout).toContain(`${name}=+1\n`);
}, 20_000);
