import { expect, test } from 'vitest';
import { parseExpression } from '../src/parse/expression.js';
import type { Tensor } from '../src/tensor.js';
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

test('on arrays, each element is an input of the Hessian: least squares in W and b is one step', () => {
  const x = [[1, 0], [0, 1], [1, 1], [2, 1]];
  const y = [1, 2, 2.5, 4];
  const program = parseExpression('L = mean((affine(detach(X), W, b) - detach(Y)) ^ 2)', [`X=${JSON.stringify(x)}`, `Y=${JSON.stringify(y.map((v) => [v]))}`, 'W=[[0], [0]]', 'b=[0]']);
  const training = train(program, { newton: true });
  // The normal equations, AᵀA θ = Aᵀy, A being X with a column of ones for b.
  const a = x.map((row) => [...row, 1]);
  const theta = solve(
    [0, 1, 2].map((i) => [0, 1, 2].map((j) => a.reduce((sum, row) => sum + row[i] * row[j], 0))),
    [0, 1, 2].map((i) => a.reduce((sum, row, n) => sum + row[i] * y[n], 0)),
  )!;
  const [w, bias] = training.trained.map(({ final }) => Array.from((final as Tensor).data));
  [...w, ...bias].forEach((value, i) => expect(value).toBeCloseTo(theta[i], 12));
  expect(training.epochs).toBe(2);
  expect(training.history[1]).toBeCloseTo(training.history[2], 15);
});

test('on a classifier, Newton’s steps reach the minimum that gradient descent approaches', () => {
  const source = 'L = softmax_with_loss(affine(detach(X), W, b), t) + 0.1 * sum(W * W) + 0.1 * sum(b * b)';
  const given = ['X=[[1,2],[3,4],[-1,0.5]]', 'W=[[1,0],[0,1]]', 'b=[0,0]', 't=[1,0,1]'];
  const newton = train(parseExpression(source, given), { newton: true });
  const descent = train(parseExpression(source, given), { epochs: 20000, rate: 0.5 });
  expect(newton.epochs).toBeLessThan(8);
  expect(newton.result.value).toBeCloseTo(descent.result.value, 10);
  expect(newton.result.value).toBeLessThan(descent.history[200]);
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
  [['W = ones(11, 10); loss = sum(W * W)', '--train', '--newton'], /--newton solves with the Hessian of every element trained, and these have 110, more than 100/],
  [['L = softmax_with_loss(W, t)', 'W=[[1, 2]]', 't=[1]', '--train', '--newton'], /Newton’s method has no step at epoch 1/, 1],
])('refuses %j with one error line', async (argv, message, status = 2) => expectRefused(argv, message, status));
