import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MathError } from '../src/errors.js';
import { derived, hessian, nthDerivative, primed } from '../src/higher.js';
import type { LayerClass } from '../src/layers.js';
import { parseExpression } from '../src/parse/expression.js';
import { evaluate } from '../src/result.js';
import { expression, NAMES, values } from './arbitraries.js';
import { expectRefused, runInProcess } from './io.js';
import { RUNS, TIMEOUT } from './runs.js';

/** The n-th derivative of a program of one input x, at x. */
function nth(source: string, x: number, n: number, float = false): number {
  const result = nthDerivative(parseExpression(source, [`x=${x}`], { float }), n);
  return result.graph.grad(result.inputs[0]);
}

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const sech2 = (x: number) => (1 / Math.cosh(x)) ** 2;

/** Second derivatives in closed form, each computed in a form that keeps its digits in the tails. */
const CLOSED: [string, (x: number) => number, number[]][] = [
  ['tanh(x)', (x) => -2 * Math.tanh(x) * sech2(x), [-30, -20, -3, -1, -0.25, 0.5, 1, 2, 5, 20, 30]],
  ['sigmoid(x)', (x) => sigmoid(x) * sigmoid(-x) * (sigmoid(-x) - sigmoid(x)), [-40, -20, -3, -1, 0.5, 1, 3, 20, 40]],
  ['softplus(x)', (x) => sigmoid(x) * sigmoid(-x), [-40, -20, -1, 0, 1, 20, 40]],
  ['x ^ 5', (x) => 20 * x ** 3, [-2, -0.5, 0.5, 3]],
  ['exp(x)', Math.exp, [-30, -1, 0, 1, 30]],
  ['log(x)', (x) => -1 / x ** 2, [1e-3, 0.5, 1, 7, 1e6]],
  ['sin(x)', (x) => -Math.sin(x), [-3, -1, 0.5, 1, 2]],
  ['cos(x)', (x) => -Math.cos(x), [-3, -1, 0, 1, 2]],
  ['atan(x)', (x) => (-2 * x) / (1 + x * x) ** 2, [-3, -1, 0.5, 2]],
  ['sqrt(x)', (x) => -0.25 * x ** -1.5, [0.01, 1, 2.25, 9]],
];

describe('second derivatives', () => {
  test('of x³ at 2 are exact: 12, and the third 6', () => {
    for (const [n, expected] of [[2, '12'], [3, '6'], [4, '0']] as const) {
      const result = nthDerivative(parseExpression('x^3', ['x=2']), n);
      expect(result.graph.exactGrad(result.inputs[0])?.toString()).toBe(expected);
      expect(result.order).toMatchObject({ n, value: 8, exact: true });
    }
  });

  test.each(CLOSED)('of %s agree with the closed form to a few ulps, tails included', (source, closed, points) => {
    for (const x of points) {
      const expected = closed(x);
      expect(Math.abs(nth(source, x, 2) - expected)).toBeLessThanOrEqual(1e-13 * Math.abs(expected) + 1e-300);
    }
  });

  test('of tanh at 1 is −0.6397000084492246 to 15 digits, and in the tails not the 0 that 1 − y² gives', () => {
    expect(nth("tanh(x)", 1, 2).toPrecision(14)).toBe("-0.63970000844922");
    // y = tanh(20) rounds to 1: (1 − y²)′ = −2y(1 − y²) would be 0; the true value is −1.7e−17.
    expect(nth('tanh(x)', 20, 2)).toBeCloseTo(-2 * Math.tanh(20) * sech2(20), 30);
    expect(nth('tanh(x)', 20, 2)).toBeLessThan(-1e-17);
  });

  test('of tanh, third and fourth, agree with their closed forms', () => {
    const t = (x: number) => Math.tanh(x);
    for (const x of [-2, 0.3, 1, 4]) {
      const third = -2 * sech2(x) * (1 - 3 * t(x) ** 2);
      const fourth = 8 * t(x) * sech2(x) * (2 - 3 * t(x) ** 2);
      expect(nth('tanh(x)', x, 3)).toBeCloseTo(third, 12);
      expect(nth('tanh(x)', x, 4)).toBeCloseTo(fourth, 12);
    }
  });

  test('of kinks are 0 away from the kink and told at it', () => {
    for (const [source, x] of [['relu(x)', 1], ['relu(x)', -1], ['abs(x)', -2], ['max(x, 1)', 2], ['min(x, 1)', 0], ['x * relu(x)', -1]] as const) {
      const result = nthDerivative(parseExpression(source, [`x=${x}`]), 2);
      expect(result.graph.grad(result.inputs[0])).toBe(0);
      expect(result.kinks).toEqual([]);
    }
    // x·relu(x) is x² to the right: its second derivative is 2 there.
    expect(nth('x * relu(x)', 3, 2)).toBe(2);
    for (const [source, x] of [['relu(x)', 0], ['abs(x)', 0], ['max(x, 1)', 1], ['min(x, 1)', 1]] as const) {
      const result = nthDerivative(parseExpression(source, [`x=${x}`]), 2);
      expect(result.kinks.length).toBe(1);
    }
  });

  test(`agree with central differences of the gradient on random programs (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(expression, fc.integer({ min: -30, max: 30 }), ({ text }, tenths) => {
        fc.pre(/\ba\b/.test(text));
        const x = tenths / 10;
        // One input: the others are numbers.
        const source = text.replace(/\b[b-g]\b/g, '0.7');
        let result;
        try {
          result = nthDerivative(parseExpression(source.replace(/\ba\b/g, 'x'), [`x=${x}`], { float: true }), 2);
        } catch (error) {
          fc.pre(!(error instanceof MathError));
          throw error;
        }
        fc.pre(result.undefinedGradients.size === 0);
        const { graph } = result;
        for (let node = 0; node < graph.size; node++) {
          const kink = (graph.operation(node)?.layer as LayerClass | undefined)?.kink;
          const [u, v] = graph.args(node).map((argument) => graph.value(argument));
          if (kink !== undefined) fc.pre(Math.abs(kink(u, v)) > 1e-3);
        }
        const [input] = result.inputs;
        const gradient = (at: number) => graph.with([[input, at]], () => (graph.forward(), graph.value(result.output)));
        const h = 1e-6 * Math.max(1, Math.abs(x));
        const numerical = (gradient(x + h) - gradient(x - h)) / (2 * h);
        fc.pre(Number.isFinite(numerical) && Math.abs(numerical) < 1e3 && Math.abs(graph.value(result.output)) < 1e3);
        expect(Math.abs(graph.grad(input) - numerical)).toBeLessThanOrEqual(1e-4 + 1e-3 * Math.abs(numerical));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('the Hessian', () => {
  test('of x²y + y³ at (1, 2) is [[4, 2], [2, 12]], exactly, in 2 backward passes', () => {
    const result = hessian(parseExpression('x^2*y + y^3', ['x=1', 'y=2']));
    expect(result.order).toMatchObject({ hessian: [[4, 2], [2, 12]], hessianExact: [[true, true], [true, true]], passes: 2 });
    // The graph is left with the program's own gradients.
    expect(result.inputs.map((input) => result.graph.grad(input))).toEqual([4, 13]);
  });

  test(`is symmetric on random programs of several inputs (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(expression, values, ({ text }, numbers) => {
        const used = NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
        fc.pre(used.length > 1);
        let result;
        try {
          result = hessian(parseExpression(text, used.map((name) => `${name}=${numbers[NAMES.indexOf(name)]}`), { float: true }));
        } catch (error) {
          fc.pre(!(error instanceof MathError));
          throw error;
        }
        const rows = result.order!.hessian!;
        fc.pre(rows.flat().every((x) => Number.isFinite(x) && Math.abs(x) < 1e6));
        rows.forEach((row, i) => row.forEach((x, j) => expect(Math.abs(x - rows[j][i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x)))));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

test('a derivative is a graph of the same layers: the first of x³ is 3 × x ^ 2, named result′', () => {
  const program = derived(parseExpression('x^3', ['x=2']), 1);
  const result = evaluate(program);
  expect(result.outputName).toBe('result′');
  expect(result.value).toBe(12);
  expect(result.graph.operation(program.output)?.name).toBe('mul');
  expect([1, 2, 3, 4, 12].map((n) => primed('y', n))).toEqual(['y′', 'y″', 'y‴', 'y⁽⁴⁾', 'y⁽¹²⁾']);
});

describe('--order on the command line', () => {
  test('prints the n-th derivative where the gradient goes', async () => {
    const second = await runInProcess(['x^3', 'x=2', '--order', '2']);
    expect(second.stdout).toContain('∂²result/∂input²');
    expect(second.stdout).toMatch(/│ x +│ +2 │ +12 │/);
    const third = await runInProcess(['x^3', 'x=2', '--order', '3', '--json']);
    expect(JSON.parse(third.stdout)).toMatchObject({ output: 'result', value: 8, order: 3, gradients: { x: 6 } });
    const tanh = await runInProcess(['tanh(x)', 'x=1', '--order', '2']);
    expect(tanh.stdout).toContain('-0.639700008449');
  });

  test('prints the Hessian of several inputs as a table and as JSON', async () => {
    const text = await runInProcess(['x^2*y + y^3', 'x=1', 'y=2', '--order', '2']);
    expect(text.stdout).toContain('│ y │ 2 │ 12 │');
    const json = JSON.parse((await runInProcess(['x^2*y + y^3', 'x=1', 'y=2', '--order', '2', '--json'])).stdout);
    expect(json.hessian).toEqual({ x: { x: 4, y: 2 }, y: { x: 2, y: 12 } });
    expect(json.order).toBe(2);
  });

  test('prints the Hessian of arrays by element, in blocks of columns that fit the screen, and as JSON', async () => {
    const argv = ['sum(affine(X, W, b) * G)', 'X=[[1,2],[3,4]]', 'W=[[1,0,0],[0,1,0]]', 'b=[0,0,0]', 'G=[[1,2,3],[4,5,6]]', '--order', '2'];
    const text = await runInProcess(argv);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('the Hessian, ∂²result/∂row ∂column: 19 backward passes, one a row\n');
    expect(Math.max(...text.stdout.split('\n').map((line) => [...line].length))).toBeLessThanOrEqual(80);
    // Three blocks, each with every row: X[0,0] to W[0,2], then W[1,0] to G[0,1], then the rest.
    expect(text.stdout.match(/^│ +│ X\[0,0\] │/gm)?.length).toBe(1);
    expect(text.stdout).toContain('│        │ W[1,0] │ W[1,1] │ W[1,2] │ b[0] │ b[1] │ b[2] │ G[0,0] │ G[0,1] │\n');
    expect(text.stdout).toContain('│ X[0,0] │      0 │      0 │      0 │      0 │      1 │      2 │      3 │\n');
    const wide = await runInProcess(argv, { env: { COLUMNS: '200' } });
    expect(wide.stdout).toMatch(/│ X\[0,0\] │ +0 │ +0 │ +0 │ +0 │ +1 │ +2 │ +3 │ +0 │ +0 │ +0 │ +0 │ +0 │ +0 │ +1 │ +0 │ +0 │ +0 │ +0 │ +0 │\n/);
    const json = JSON.parse((await runInProcess([...argv, '--json'])).stdout);
    expect(json.hessian['W[0,1]']['X[1,0]']).toBe(5);
    expect(json.hessian['b[2]']['G[1,2]']).toBe(1);
    expect(json.hessian['W[0,1]']['b[2]']).toBe(0);
    expect(Object.keys(json.hessian)).toHaveLength(19);
  });

  test('leaves labels and what is detached out of the Hessian of arrays', async () => {
    const json = JSON.parse(
      (await runInProcess(['softmax_with_loss(affine(detach(X), W, b), t)', 'X=[[1,2],[3,4]]', 'W=[[1,0],[0,1]]', 'b=[0,0]', 't=[1,0]', '--order', '2', '--json'])).stdout,
    );
    expect(Object.keys(json.hessian)).toEqual(['W[0,0]', 'W[0,1]', 'W[1,0]', 'W[1,1]', 'b[0]', 'b[1]']);
    expect(json.labels).toEqual(['X', 't']);
  });

  test.each([
    [['x*y*z', 'x=1', 'y=2', 'z=3', '--order', '3'], /--order 3 is for a program of one input, and this one has 3/],
    [['x*y', 'x=1', 'y=2', '--order', '2', '--format', 'dot'], /a picture of --order 2/],
    [['sum(w * w * w)', 'w=[1, 2]', '--order', '3'], /--order 3 is not for arrays: on arrays --order gives second derivatives alone/],
    [['sum(w * w)', 'w=[1, 2]', '--order', '2', '--format', 'svg'], /a picture of --order 2 draws the derivative of a program of numbers, and this one has arrays/],
    [['W = ones(15, 14); sum(W * W)', '--order', '2'], /the Hessian of arrays has a row and a column for each element of the inputs, and these have 210, more than 200/],
    [['x', 'x=1', '--order', '0'], /give a whole number from 1 to 10/],
    [['x', 'x=1', '--order', '2', '--train'], /--order does not go with --train/],
  ])('refuses %j with one error line', async (argv, message) => expectRefused(argv, message));
});
