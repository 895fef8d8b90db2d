import { describe, expect, test } from 'vitest';
import { check, disagreement } from '../src/check.js';
import { CheckError, InputError } from '../src/errors.js';
import { parseExpression } from '../src/parse/expression.js';
import { parseReceipt } from '../src/parse/receipt.js';
import { evaluate } from '../src/result.js';
import { Tensor, type Value } from '../src/tensor.js';
import { wrongSquare } from './wrong.js';

function checked(source: string, ...bindings: string[]) {
  const result = evaluate(parseExpression(source, bindings));
  const gradients = () => Array.from({ length: result.graph.size }, (_, node) => result.graph.grad(node));
  const before = gradients();
  const report = check(result);
  // The check leaves the graph as evaluate left it.
  expect(gradients()).toEqual(before);
  return { result, report, verdicts: report.inputs.map(({ verdict }) => verdict) };
}

/** y = x² with a wrong backward, evaluated. */
const wrong = (x: Value) => evaluate(wrongSquare(x));

describe('check', () => {
  test.each([
    ['x * y', 'x=3', 'y=-4'],
    ['x + y', 'x=3', 'y=-4'],
    ['x - y', 'x=3', 'y=-4'],
    ['x / y', 'x=3', 'y=-4'],
    ['x ^ y', 'x=1.5', 'y=2.5'],
    ['-x * y', 'x=3', 'y=2'],
    ['exp(x) * y', 'x=1', 'y=2'],
    ['log(x) * y', 'x=2', 'y=3'],
    ['relu(x) * y', 'x=2', 'y=3'],
    ['sigmoid(x) * y', 'x=0.5', 'y=3'],
    ['tanh(x) * y', 'x=0.5', 'y=3'],
    ['sqrt(x) * y', 'x=2', 'y=3'],
    ['abs(x) * y', 'x=-2', 'y=3'],
    ['max(x, y)', 'x=2', 'y=3'],
    ['min(x * 2, y)', 'x=2', 'y=3'],
    ['sin(x) * y', 'x=2', 'y=3'],
    ['cos(x) * y', 'x=2', 'y=3'],
    ['softplus(x) * y', 'x=-2', 'y=3'],
    ['sigmoid(x) * tanh(y)', 'x=30', 'y=10'],
  ])('agrees on %s', (source, ...bindings) => {
    expect(checked(source, ...bindings).verdicts).toEqual(['agrees', 'agrees']);
  });

  test('agrees on the book’s receipt, and counts two forward passes per input', () => {
    const result = evaluate(parseReceipt(['apple=100x2', 'orange=150x3', 'tax=1.1']));
    const report = check(result);
    expect(report.inputs.map(({ verdict }) => verdict)).toEqual(Array(5).fill('agrees'));
    expect(report.numerical.forwardPasses).toBe(10);
    expect(report.backprop).toMatchObject({ forwardPasses: 1, backwardPasses: 1 });
    expect(report.numerical.milliseconds).toBeGreaterThan(0);
    report.inputs.forEach(({ error }) => expect(error).toBeLessThan(1e-9));
  });

  test('a relu at its kink is named, not failed', () => {
    const { result, report } = checked('z = x - 1; y = relu(z) * 2', 'x=1');
    expect(report.inputs[0]).toMatchObject({ verdict: 'kink', kink: 3 });
    expect(result.graph.layer(3)?.constructor.name).toBe('ReluLayer');
    expect(disagreement(result, report)).toBeUndefined();
  });

  test.each([
    ['abs(x) * 2', ['x=0'], ['kink']],
    ['max(x, y)', ['x=1', 'y=1'], ['kink', 'kink']],
    ['min(x, 2) + y', ['x=2', 'y=1'], ['kink', 'agrees']],
  ])('a kink of %s is named like relu’s', (source, bindings, verdicts) => {
    const { result, report } = checked(source, ...bindings);
    expect(report.inputs.map(({ verdict }) => verdict)).toEqual(verdicts);
    expect(disagreement(result, report)).toBeUndefined();
  });

  test('a step that leaves the domain is named, not failed', () => {
    expect(checked('log(x)', 'x=0.00001').verdicts).toEqual(['domain']);
  });

  test('a disagreement is a math error naming the input', () => {
    const result = wrong(2);
    const report = check(result);
    expect(report.inputs.map(({ verdict }) => verdict)).toEqual(['disagrees']);
    expect(disagreement(result, report)).toBeInstanceOf(CheckError);
    expect(disagreement(result, report)?.message).toMatch(/^--check: ∂y\/∂x disagrees: backprop 6, numerical 4, beyond/);
  });

  test.each([
    // The central difference at h, h/10 and h/100 disagree among themselves: a right gradient is not called wrong.
    ['sin(x)', 'x=10000000000'],
    ['cos(x)', 'x=100000'],
    ['1/x', 'x=0.001'],
    ['sigmoid(x * 1000000)', 'x=0.0000001'],
  ])('where the step is too coarse to tell (%s at %s), the check is inconclusive, not failed', (source, binding) => {
    const { result, report } = checked(source, binding);
    expect(report.inputs[0].verdict).toBe('inconclusive');
    expect(disagreement(result, report)).toBeUndefined();
  });

  test('a graph too large to check by differences is refused', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `item${i}=1x1`);
    expect(() => check(evaluate(parseReceipt(words)))).toThrow(InputError);
  });
});

/** A small net's parameters, fixed numbers so that a reference can be written by hand. */
const net = {
  x: [[0.2, -0.5, 1.0, 0.3], [-1.1, 0.4, 0.0, 0.8]],
  W1: [[0.1, -0.2, 0.3, 0.0, 0.5], [0.4, 0.1, -0.3, 0.2, -0.1], [-0.2, 0.3, 0.2, -0.4, 0.1], [0.05, -0.15, 0.25, 0.35, -0.45]],
  b1: [0.01, -0.02, 0.03, 0.0, 0.1],
  W2: [[0.2, -0.1, 0.4], [-0.3, 0.5, 0.1], [0.1, 0.2, -0.2], [0.0, -0.4, 0.3], [0.6, 0.1, -0.5]],
  b2: [0.1, -0.1, 0.05],
  t: [2, 0],
};
const netProgram = 'loss = softmax_with_loss(affine(relu(affine(detach(x), W1, b1)), W2, b2), t)';
const literal = (value: unknown) => JSON.stringify(value);
const netBindings = Object.entries(net).map(([name, value]) => `${name}=${literal(value)}`);

/**
 * The 4 → 5 → 3 net's loss and gradients, written out loop by loop from the chain rule, with
 * nothing of src/: the reference the engine's layers are held to.
 */
function reference({ x, W1, b1, W2, b2, t }: typeof net) {
  const n = x.length;
  const a1 = x.map((row) => b1.map((b, j) => b + row.reduce((s, v, i) => s + v * W1[i][j], 0)));
  const z1 = a1.map((row) => row.map((v) => Math.max(0, v)));
  const a2 = z1.map((row) => b2.map((b, k) => b + row.reduce((s, v, j) => s + v * W2[j][k], 0)));
  const y = a2.map((row) => {
    const e = row.map((v) => Math.exp(v));
    const s = e.reduce((a, v) => a + v, 0);
    return e.map((v) => v / s);
  });
  const loss = -t.reduce((s, c, r) => s + Math.log(y[r][c]), 0) / n;
  const da2 = y.map((row, r) => row.map((v, k) => (v - (k === t[r] ? 1 : 0)) / n));
  const dW2 = W2.map((row, j) => row.map((_, k) => z1.reduce((s, z, r) => s + z[j] * da2[r][k], 0)));
  const db2 = b2.map((_, k) => da2.reduce((s, row) => s + row[k], 0));
  const da1 = a1.map((row, r) => row.map((v, j) => (v > 0 ? W2[j].reduce((s, w, k) => s + w * da2[r][k], 0) : 0)));
  const dW1 = W1.map((row, i) => row.map((_, j) => x.reduce((s, xr, r) => s + xr[i] * da1[r][j], 0)));
  const db1 = b1.map((_, j) => da1.reduce((s, row) => s + row[j], 0));
  return { loss, gradients: { W1: dW1, b1: db1, W2: dW2, b2: db2 } };
}

describe('check on arrays', () => {
  const gradientsOf = (result: ReturnType<typeof evaluate>) =>
    Object.fromEntries(result.inputs.map((node) => [result.graph.name(node), result.graph.gradTensor(node)?.toNested()]));

  test('a 4 → 5 → 3 net’s loss and every gradient are the ones derived by hand', () => {
    const result = evaluate(parseExpression(netProgram, netBindings));
    const expected = reference(net);
    expect(result.value).toBeCloseTo(expected.loss, 14);
    const gradients = gradientsOf(result);
    for (const [name, gradient] of Object.entries(expected.gradients)) {
      (gradient.flat() as number[]).forEach((g, i) => expect((gradients[name] as number[] | number[][]).flat()[i]).toBeCloseTo(g, 14));
    }
  });

  test('each parameter is checked element by element, summed up by the book’s mean |Δ|; data (x, t) is not', () => {
    const result = evaluate(parseExpression(netProgram, netBindings));
    const before = gradientsOf(result);
    const report = check(result);
    expect(gradientsOf(result)).toEqual(before);
    expect(report.inputs.map(({ node }) => result.graph.name(node))).toEqual(['W1', 'b1', 'W2', 'b2']);
    for (const { verdict, difference } of report.inputs) {
      expect(verdict).toBe('agrees');
      expect(difference).toBeLessThan(1e-9);
    }
    expect(report.numerical.forwardPasses).toBe(2 * (20 + 5 + 15 + 3));
    const [w1] = report.inputs;
    expect((w1.numerical as Tensor).shape).toEqual([4, 5]);
    expect(disagreement(result, report)).toBeUndefined();
  });

  test('a disagreement on an array names the input and its mean |Δ|', () => {
    const result = wrong(Tensor.fromNested([1, 2]));
    const report = check(result);
    expect(report.inputs.map(({ verdict }) => verdict)).toEqual(['disagrees']);
    expect(disagreement(result, report)?.message).toMatch(/^--check: ∂y\/∂x disagrees: mean \|Δ\| 1\.5, largest relative error 0\.333333/);
  });

  test('an element where the step is too coarse to tell makes the array inconclusive, not failed', () => {
    const result = evaluate(parseExpression('sum(sigmoid(x * 1000000)) + y', ['x=[0.0000001, 1]', 'y=1']));
    const report = check(result);
    expect(report.inputs.map(({ verdict }) => verdict)).toEqual(['inconclusive', 'agrees']);
    expect(disagreement(result, report)).toBeUndefined();
  });

  test('the progress is told as the passes are done, ending at all of them', () => {
    const told: [number, number][] = [];
    check(evaluate(parseExpression(netProgram, netBindings)), { progress: (done, total) => told.push([done, total]) });
    expect(told.length).toBeGreaterThan(0);
    expect(told.every(([done, total]) => done <= total && total === 86)).toBe(true);
  });
});

describe('check on arrays at a kink', () => {
  test('an element at relu’s kink is named, not failed, and the others still count', () => {
    const result = evaluate(parseExpression('sum(relu(x - 1) * 2)', ['x=[1, 3]']));
    const report = check(result);
    expect(report.inputs[0]).toMatchObject({ verdict: 'kink' });
    expect(result.graph.layer(report.inputs[0].kink!)?.constructor.name).toBe('ReluLayer');
    expect(disagreement(result, report)).toBeUndefined();
  });
});
