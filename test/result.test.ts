import { describe, expect, test } from 'vitest';
import { MathError } from '../src/errors.js';
import { Graph } from '../src/graph.js';
import { say } from '../src/messages/index.js';
import { MulLayer } from '../src/layers.js';
import { parseExpression } from '../src/parse/expression.js';
import { parseReceipt } from '../src/parse/receipt.js';
import { evaluate, gradientFailure } from '../src/result.js';

function mathError(source: string, ...bindings: string[]): MathError {
  let failure: MathError | undefined;
  try {
    failure = gradientFailure(evaluate(parseExpression(source, bindings)));
  } catch (error) {
    if (error instanceof MathError) return error;
    throw error;
  }
  if (failure === undefined) throw new Error(`${source} evaluated`);
  return failure;
}

describe('evaluate', () => {
  test('lists inputs in order and named operations other than the output', () => {
    const result = evaluate(parseReceipt(['apple=100x2', 'orange=150x3', 'tax=1.1']));
    const names = (nodes: number[]) => nodes.map((node) => result.graph.name(node));
    expect(names(result.inputs)).toEqual(['apple', 'apple_num', 'orange', 'orange_num', 'tax']);
    expect(names(result.intermediates)).toEqual(['apple_price', 'orange_price', 'all_price']);
    expect(result.value).toBeCloseTo(715, 12);
  });

  test('evaluating twice gives the same result', () => {
    const program = parseExpression('x*x + x', ['x=3']);
    evaluate(program);
    expect(program.graph.grad(0)).toBe(7);
    evaluate(program);
    expect(program.graph.grad(0)).toBe(7);
  });

  test('works on a graph built by hand', () => {
    const graph = new Graph();
    const out = graph.apply(new MulLayer(), graph.input('a', 3), graph.input('b', 4));
    const result = evaluate({ graph, output: out, outputName: 'p' });
    expect(result.value).toBe(12);
    expect([graph.grad(0), graph.grad(1)]).toEqual([4, 3]);
  });
});

describe('math failures name the node (status 1)', () => {
  test.each([
    ['1/x', ['x=0'], '1 ÷ x is infinite: 1 ÷ 0 = Infinity'],
    ['log(x)', ['x=0'], 'log(x) is infinite: log(0) = -Infinity'],
    ['y = log(x)', ['x=-1'], 'y is not a number: log(-1) = NaN'],
    ['x * 10', ['x=1e308'], 'x × 10 is infinite: 1e+308 × 10 = Infinity'],
    ['0^x', ['x=-1'], '0 ^ x is infinite: 0 ^ (-1) = Infinity'],
    ['exp(x)', ['x=1000'], 'exp(x) is infinite: exp(1000) = Infinity'],
    ['relu(-exp(x))', ['x=1000'], 'exp(x) is infinite: exp(1000) = Infinity'],
  ])('%s with %j', (source, bindings, message) => {
    const error = mathError(source, ...bindings);
    expect(error.status).toBe(1);
    expect(error.message).toBe(message);
  });

  test('a gradient that is not finite names the operation whose slope broke', () => {
    expect(mathError('y = x^0.5 * 2', 'x=0').message).toBe('∂y/∂x is ∞: x ^ 0.5 has no finite derivative at 0 ^ 0.5');
  });

  test('a gradient that overflows says where', () => {
    expect(mathError('1e200 * (x * 1e200)', 'x=1e-300').message).toBe(
      '∂result/∂x is ∞: it overflows going back through x × 1e+200 (1e+200 × 1e+200)',
    );
    expect(mathError('x * 1e308 + x * 1e308', 'x=1e-300').message).toBe(
      '∂result/∂x is ∞: its shares add up beyond the largest number (about 1.8e308)',
    );
  });

  test('a finite derivative too large for a double overflows: it is not "no finite derivative"', () => {
    // d(1/x)/dx = −1/x² = −1e600 at 1e-300: a number, just past the largest double.
    expect(mathError('1/x', 'x=1e-300').message).toBe('∂result/∂x is -∞: it overflows going back through 1 ÷ x at 1 ÷ 1e-300');
  });
});

describe('where the chain rule gives no number, it says so; it never prints 0', () => {
  test.each([
    ['(x^0.25)^2', 'x=0', '∂result/∂x is undefined: the chain rule meets 0 × ∞ at x ^ 0.25 (0 ^ 0.25)'],
    ['w * x^0.5', 'w=0', 'x=0', '∂result/∂x is undefined: the chain rule meets 0 × ∞ at x ^ 0.5 (0 ^ 0.5)'],
    ['x^x', 'x=0', '∂result/∂x is -∞: x ^ x has no finite derivative at 0 ^ 0'],
    ['0^x', 'x=0', '∂result/∂x is -∞: 0 ^ x has no finite derivative at 0 ^ 0'],
  ])('%s at %s', (source, ...rest) => {
    const message = rest.pop()!;
    expect(mathError(source, ...rest).message).toBe(message);
  });

  test('one undefined gradient does not hide the others', () => {
    const result = evaluate(parseExpression('y = x^n', ['x=-2', 'n=3']));
    const [x, n] = result.inputs;
    expect(result.graph.grad(x)).toBe(12);
    expect(result.graph.grad(n)).toBeNaN();
    expect([...result.undefinedGradients].map(([node, reason]) => [node, say(reason)])).toEqual([[n, '∂y/∂n is undefined: y has no derivative with respect to n at (-2) ^ 3']]);
    expect(gradientFailure(result)?.message).toBe('∂y/∂n is undefined: y has no derivative with respect to n at (-2) ^ 3');
    expect(gradientFailure(evaluate(parseExpression('x^0.5 + y^0.5', ['x=0', 'y=0'])))?.message).toMatch(/ \(and 1 more gradients\)$/);
  });

  test('a gradient of 0 that is a true 0 stays 0', () => {
    for (const [source, binding] of [['relu(x)^0.5', 'x=-1'], ['x^2', 'x=-2'], ['0 * x', 'x=5'], ['(x - x)^2', 'x=3']]) {
      expect(gradientFailure(evaluate(parseExpression(source, [binding])))).toBeUndefined();
    }
  });

  test('an input that does not reach the output with an infinite slope is not a failure', () => {
    expect(evaluate(parseExpression('y = z^0.5; x * 2', ['x=1', 'z=0'])).value).toBe(2);
  });
});
