import { describe, expect, test } from 'vitest';
import { check, disagreement } from '../src/check.js';
import { CheckError, InputError } from '../src/errors.js';
import { parseExpression } from '../src/parse/expression.js';
import { parseReceipt } from '../src/parse/receipt.js';
import { evaluate } from '../src/result.js';

function checked(source: string, ...bindings: string[]) {
  const result = evaluate(parseExpression(source, bindings));
  const gradients = () => Array.from({ length: result.graph.size }, (_, node) => result.graph.grad(node));
  const before = gradients();
  const report = check(result);
  // The check leaves the graph as evaluate left it.
  expect(gradients()).toEqual(before);
  return { result, report, verdicts: report.inputs.map(({ verdict }) => verdict) };
}

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
    const { result, report } = checked('sigmoid(x * 1000000) + y', 'x=0.0000001', 'y=1');
    expect(report.inputs.map(({ verdict }) => verdict)).toEqual(['disagrees', 'agrees']);
    expect(disagreement(result, report)).toBeInstanceOf(CheckError);
    expect(disagreement(result, report)?.message).toMatch(/^--check: ∂result\/∂x disagrees: backprop 249376, numerical 5000, beyond/);
  });

  test('a graph too large to check by differences is refused', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `item${i}=1x1`);
    expect(() => check(evaluate(parseReceipt(words)))).toThrow(InputError);
  });
});
