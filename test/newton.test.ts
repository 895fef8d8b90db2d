import { expect, test } from 'vitest';
import { parseExpression } from '../src/parse/expression.js';
import { solve, train } from '../src/train.js';
import { expectRefused, runInProcess } from './io.js';
import { expectValid } from './schema.js';

const QUARTIC = ['loss = (w - 2)^4 + (w - 2)^2', 'w=0'];

test('Newton’s method takes a few steps where gradient descent takes a hundred', () => {
  const newton = train(parseExpression(QUARTIC[0], [QUARTIC[1]]), { newton: true });
  const descent = train(parseExpression(QUARTIC[0], [QUARTIC[1]]));
  expect(newton.trained[0].final).toBeCloseTo(2, 6);
  expect(newton.epochs).toBeLessThan(10);
  expect(descent.epochs).toBeGreaterThan(10 * newton.epochs);
  // Its first step is w − f′/f″ = 0 − (−32 − 4)/(48 + 2).
  expect(newton.history[1]).toBeCloseTo((0.72 - 2) ** 4 + (0.72 - 2) ** 2, 12);
});

test('with several inputs, each step solves with the Hessian: a quadratic is one step', () => {
  const training = train(parseExpression('loss = (x - 1)^2 + 3*(y + 2)^2 + x*y', ['x=5', 'y=5']), { newton: true });
  // ∇ = 0 at 2(x − 1) + y = 0, 6(y + 2) + x = 0: x = 24/11, y = −26/11.
  expect(training.trained.map(({ final }) => final)).toEqual([expect.closeTo(24 / 11, 12), expect.closeTo(-26 / 11, 12)]);
  expect(training.history.length).toBeLessThanOrEqual(4);
});

test('solve() is Gaussian elimination, and says where there is no inverse', () => {
  expect(solve([[0, 2], [4, 1]], [2, 9])).toEqual([2, 1]);
  expect(solve([[1, 2], [2, 4]], [1, 2])).toBeUndefined();
  expect(solve([[0]], [1])).toBeUndefined();
});

test('--newton --compare shows both methods from the same start, as text and as JSON', async () => {
  const text = await runInProcess([...QUARTIC, '--train', '--newton', '--compare']);
  expect(text.status).toBe(0);
  expect(text.stdout).toMatch(/^Newton’s method on loss: stopped after 8 epochs/);
  expect(text.stdout).toContain('  Newton’s method: 8 epochs, loss = 0\n  gradient descent (--rate 0.05): 110 epochs, loss = 3.87090179532e-12\n');
  const json = await runInProcess([...QUARTIC, '--train', '--newton', '--compare', '--json']);
  expectValid('training', json.stdout);
  const document = JSON.parse(json.stdout);
  expect(document).toMatchObject({ method: 'newton', epochs: 8, compare: { gradient_descent: { epochs: 110, rate: 0.05 } } });
});

test.each([
  [['x', 'x=1', '--newton'], /--newton goes with --train/],
  [[...QUARTIC, '--train', '--compare'], /--compare goes with --newton/],
  [['loss = 3*w', 'w=1', '--train', '--newton'], /Newton’s method has no step at epoch 1: the second derivative of loss is 0 there/, 1],
  [['loss = sum(w * w)', 'w=[1, 2]', '--train', '--newton'], /--newton takes a program of numbers/],
])('refuses %j with one error line', async (argv, message, status = 2) => expectRefused(argv, message, status));
