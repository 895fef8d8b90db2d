import { expect, test } from 'vitest';
import { parseExpression } from '../src/parse/expression.js';
import { parseReceipt } from '../src/parse/receipt.js';
import { evaluate } from '../src/result.js';
import { trace } from '../src/trace.js';

test('the book’s receipt: four forward steps, then the same four backward, numbered as in the book', () => {
  const steps = trace(evaluate(parseReceipt(['apple=100x2', 'orange=150x3', 'tax=1.1'])));
  expect(steps.map((step) => `${step.pass} ${'step' in step ? step.step : ''}`)).toEqual([
    'forward 1',
    'forward 2',
    'forward 3',
    'forward 4',
    'backward 4',
    'backward 3',
    'backward 2',
    'backward 1',
  ]);
});

test('shares are upstream × slope, and a value fed to several places gets their sum', () => {
  const result = evaluate(parseExpression('x*x + x', ['x=3']));
  const steps = trace(result);
  expect(steps.filter((step) => step.pass !== 'forward')).toEqual([
    { pass: 'backward', step: 2, node: 2, grad: 1, shares: [{ position: 0, argument: 1, slope: 1, share: 1 }, { position: 1, argument: 0, slope: 1, share: 1 }] },
    { pass: 'backward', step: 1, node: 1, grad: 1, shares: [{ position: 0, argument: 0, slope: 3, share: 3 }, { position: 1, argument: 0, slope: 3, share: 3 }] },
    { pass: 'sum', node: 0, shares: [1, 3, 3], grad: 7 },
  ]);
});

test('an intermediate used twice is summed before its own step passes its gradient on', () => {
  const steps = trace(evaluate(parseExpression('y = x * 2; z = y * y + y', ['x=1'])));
  const sum = steps.findIndex((step) => step.pass === 'sum');
  expect(steps[sum]).toEqual({ pass: 'sum', node: 2, shares: [1, 2, 2], grad: 5 });
  expect(steps[sum + 1]).toMatchObject({ pass: 'backward', step: 1, grad: 5, shares: [{ share: 10 }] });
});

test('constants get no share, and a node with gradient 0 passes nothing back', () => {
  const steps = trace(evaluate(parseExpression('relu(relu(x) - 1)', ['x=-1'])));
  expect(steps.filter((step) => step.pass === 'backward')).toEqual([
    { pass: 'backward', step: 3, node: 4, grad: 1, shares: [{ position: 0, argument: 3, slope: 0, share: 0 }] },
    { pass: 'backward', step: 2, node: 3, grad: 0, shares: [] },
    { pass: 'backward', step: 1, node: 1, grad: 0, shares: [] },
  ]);
});
