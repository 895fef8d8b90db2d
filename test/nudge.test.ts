import { describe, expect, test, vi } from 'vitest';
import { nudge, parseNudge } from '../src/nudge.js';
import { parseExpression } from '../src/parse/expression.js';
import { trace } from '../src/trace.js';
import { evaluate } from '../src/result.js';
import { runInProcess } from './io.js';
import { expectValid } from './schema.js';
import { examples } from './views.js';

test('reads NAME=+D, NAME=-D and NAME=+D%, the sign required', () => {
  expect(parseNudge('apple=+1')).toEqual({ name: 'apple', change: 1, percent: false });
  expect(parseNudge('x=-0.5')).toEqual({ name: 'x', change: -0.5, percent: false });
  expect(parseNudge('tax=+10%')).toEqual({ name: 'tax', change: 10, percent: true });
  expect(parseNudge('사과=+1e-3')).toEqual({ name: '사과', change: 0.001, percent: false });
  for (const text of ['apple=1', 'apple+1', '=+1', 'apple=+', 'apple=+1%%', 'apple=+x']) {
    expect(() => parseNudge(text), text).toThrow(/write NAME=\+CHANGE or NAME=-CHANGE/);
  }
  expect(() => parseNudge('x=+1e999')).toThrow(/too large/);
});

test('the receipt: apple=+1 predicts 2.2, and the price rises by 2.2', () => {
  const [apple] = nudge(examples.receipt(), [parseNudge('apple=+1')]);
  expect(apple).toMatchObject({ change: 1, value: 100, output: expect.closeTo(715, 12), predicted: 2.2, actual: 2.2, difference: 0 });
  expect(apple.nudgedOutput).toBeCloseTo(717.2, 12);
});

test('x² at 3: x=+1 predicts 6, the result rises by 7; the difference is the change squared', () => {
  const square = () => evaluate(parseExpression('x^2', ['x=3']));
  expect(nudge(square(), [parseNudge('x=+1')])[0]).toMatchObject({ predicted: 6, actual: 7, difference: 1 });
  for (const d of [0.5, -0.25, 0.001, -2]) {
    const [{ difference }] = nudge(square(), [{ name: 'x', change: d, percent: false }]);
    expect(difference).toBeCloseTo(d * d, 12);
  }
});

test('a name is read in NFC, as the program’s are: café composed or as e and an accent is one input', async () => {
  const [cafe] = nudge(evaluate(parseExpression('caf\u00e9 * 2', ['caf\u00e9=3'])), [parseNudge('cafe\u0301=+1')]);
  expect(cafe).toMatchObject({ value: 3, actual: 2 });
  const run = await runInProcess(['caf\u00e9 * 2', 'caf\u00e9=3', '--nudge', 'cafe\u0301=+1', '--json']);
  expect(JSON.parse(run.stdout).nudges[0]).toMatchObject({ input: 'caf\u00e9', actual: 2 });
});

test('a percentage is of the input’s value; each nudge moves its input alone', () => {
  const nudges = nudge(examples.receipt(), [parseNudge('tax=+10%'), parseNudge('apple_num=-1')]);
  expect(nudges[0]).toMatchObject({ change: expect.closeTo(0.11, 12), percent: 10, predicted: expect.closeTo(71.5, 9), actual: 71.5, difference: 0 });
  expect(nudges[1]).toMatchObject({ change: -1, predicted: expect.closeTo(-110, 12), actual: -110, difference: 0 });
});

test('the prediction is the tangent: on a curved graph the difference shrinks as the change squared', () => {
  const neuron = () => evaluate(parseExpression('z = w*x + b; y = sigmoid(z)', ['w=2', 'x=0.5', 'b=-1']));
  const differences = [1, 0.1, 0.01].map((d) => nudge(neuron(), [{ name: 'w', change: d, percent: false }])[0].difference);
  expect(Math.abs(differences[1] / differences[0])).toBeLessThan(0.1);
  expect(Math.abs(differences[2] / differences[1])).toBeLessThan(0.02);
});

test('the graph is left as found: values, gradients and the layers’ memory for --steps', () => {
  const result = examples.neuron();
  const before = JSON.stringify(trace(result));
  nudge(result, [parseNudge('w=+1'), parseNudge('t=-50%')]);
  expect(JSON.stringify(trace(result))).toBe(before);
  expect(result.graph.value(result.output)).toBe(result.value);
});

test('a nudge of something that is not an input is refused, naming the inputs', () => {
  expect(() => nudge(examples.receipt(), [parseNudge('apple_price=+1')])).toThrow(
    '--nudge apple_price: not an input of this graph; nudge one of apple, apple_num, orange, orange_num, tax',
  );
});

test('a nudge out of the function’s domain fails with status 1 and leaves nothing half-written', async () => {
  const run = await runInProcess(['log(x)', 'x=1', '--nudge', 'x=-2']);
  expect(run).toEqual({ status: 1, stdout: '', stderr: 'error: --nudge x: at x = -1 the output is NaN; nudge it less\n' });
});

test('--nudge through the command line: the table, and a `nudges` array in --json', async () => {
  const text = await runInProcess(['apple=100x2', 'orange=150x3', 'tax=1.1', '--nudge', 'apple=+1']);
  expect(text.status).toBe(0);
  expect(text.stdout).toContain('│ apple=+1 │    2.2 × 1 = 2.2 │ 715 → 717.2 │           2.2 │          0 │');
  const json = await runInProcess(['z = w*x + b; y = sigmoid(z)', 'w=2', 'x=0.5', 'b=-1', '--nudge', 'b=+0.1', '--nudge', 'w=-50%', '--json']);
  expect(JSON.parse(json.stdout).nudges).toEqual([
    { input: 'b', change: 0.1, value: -1, nudged_value: -0.9, output: 0.5, nudged_output: 0.52497918747894, predicted: 0.025, actual: 0.02497918747894, difference: -0.00002081252106 },
    { input: 'w', change: -1, percent: -50, value: 2, nudged_value: 1, output: 0.5, nudged_output: 0.377540668798145, predicted: -0.125, actual: -0.122459331201855, difference: 0.002540668798145 },
  ]);
});

test('--nudge goes with --steps and --check, not with a picture; a bad one is one error line, status 2', async () => {
  const run = await runInProcess(['x^2', 'x=3', '--nudge', 'x=+1', '--steps', '--check']);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('(1) result = x ^ 2: ∂result/∂x = 1 × 2 × x ^ (2 − 1) = 6');
  expect(run.stdout).toContain('│ x=+1  │         6 × 1 = 6 │ 9 → 16 │              7 │          1 │');
  expect(await runInProcess(['x^2', 'x=3', '--nudge', 'x=+1', '--format', 'svg'])).toEqual({
    status: 2,
    stdout: '',
    stderr: 'error: --nudge shows text or JSON: it does not go with --format svg\n',
  });
  const bad = await runInProcess(['x^2', 'x=3', '--nudge', 'x=1']);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/^error: option '--nudge <NAME=\+D>' argument 'x=1' is invalid\. write NAME=\+CHANGE or NAME=-CHANGE, the sign required .*\n$/);
});

describe('--nudge in JSON where a number is out of reach', () => {
  test('an infinite gradient: predicted and difference are null, with the gradient’s reason; the rest is computed', async () => {
    const run = await runInProcess(['sqrt(x)', 'x=0', '--nudge', 'x=+0.01', '--json']);
    expectValid('document', run.stdout);
    expect(JSON.parse(run.stdout).nudges[0]).toMatchObject({
      nudged_output: 0.1,
      predicted: null,
      actual: 0.1,
      difference: null,
      reason: '∂result/∂x is ∞: sqrt(x) has no finite derivative at sqrt(0)',
    });
  });

  test('outputs among the smallest doubles: the actual change is exact, not null', async () => {
    const run = await runInProcess(['x*1e-300', 'x=1e-10', '--nudge', 'x=+1e-10', '--json']);
    expectValid('document', run.stdout);
    expect(JSON.parse(run.stdout).nudges[0]).toMatchObject({ predicted: 1e-310, actual: 1e-310, difference: 0 });
  });
});

test('each nudge runs the graph forward once: values and gradients are read before the first', () => {
  const result = examples.neuron();
  const forward = vi.spyOn(result.graph, 'forward');
  const backward = vi.spyOn(result.graph, 'backward');
  nudge(result, Array.from({ length: 10 }, (_, i) => ({ name: 'w', change: i + 1, percent: false })));
  expect(forward).toHaveBeenCalledTimes(10);
  expect(backward).not.toHaveBeenCalled();
});

describe('--nudge on an element of an array', () => {
  test('W[i]=+D and W[i,j]=+D move one element; the prediction is that element’s gradient × the change', async () => {
    expect(parseNudge('W[1,0]=+10%')).toEqual({ name: 'W', change: 10, percent: true, index: [1, 0] });
    const run = await runInProcess(['L = sum(W * W)', 'W=[[1,2],[3,4]]', '--nudge', 'W[1,0]=+0.5', '--nudge', 'W[0,1]=-1', '--json']);
    expectValid('document', run.stdout);
    // ∂L/∂W = 2W: 6 at W[1,0], 4 at W[0,1]; L moves by (3.5² − 9) and (1 − 4).
    expect(JSON.parse(run.stdout).nudges).toMatchObject([
      { input: 'W[1,0]', change: 0.5, value: 3, predicted: 3, actual: 3.25, difference: 0.25 },
      { input: 'W[0,1]', change: -1, value: 2, predicted: -4, actual: -3, difference: 1 },
    ]);
    const vector = await runInProcess(['L = sum(W * W)', 'W=[1,2]', '--nudge', 'W[1]=+1', '--no-color']);
    expect(vector.stdout).toContain('│ W[1]=+1 │    4 × 1 = 4 │ 5 → 10 │         5 │          1 │');
  });

  test.each([
    [['L = sum(W * W)', 'W=[1,2]', '--nudge', 'W=+1'], 'error: --nudge W: the array is 2: nudge one element of it, counted from 0 (W[0]=+0.1)\n'],
    [['L = sum(W * W)', 'W=[[1,2],[3,4]]', '--nudge', 'W[2,0]=+1'], 'error: --nudge W[2,0]: the array is 2×2: nudge one element of it, counted from 0 (W[0,0]=+0.1)\n'],
    [['L = sum(W * W)', 'W=[1,2]', '--nudge', 'W[0,0]=+1'], 'error: --nudge W[0,0]: the array is 2: nudge one element of it, counted from 0 (W[0]=+0.1)\n'],
    [['x * 2', 'x=1', '--nudge', 'x[0]=+1'], 'error: --nudge x[0]: x is a number, not an array: nudge it as x=+CHANGE\n'],
  ])('%j is refused, saying how', async (argv, message) => {
    const run = await runInProcess(argv);
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 2, stdout: '', stderr: message });
  });
  test('nudges whose passes on arrays would take minutes are refused before the first', async () => {
    // 600 × 600 × 600 multiply-adds a forward pass, and the rest: 6 of them fit the budget, 7 do not.
    const big = ['W = randn(600, 600); y = sum(W @ W)', '--seed', '1'];
    const nudges = (count: number) => Array.from({ length: count }, (_, i) => ['--nudge', `W[${i},0]=+0.1`]).flat();
    const refused = await runInProcess([...big, ...nudges(7), '--json']);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(JSON.parse(refused.stderr).error).toMatchObject({
      code: 'nudge-too-long-arrays',
      message: '7 nudges would run 7 forward passes of about 2.2e+8 multiply-adds each, too many to wait for: give 6 --nudge or fewer, or a smaller net or batch',
    });
    expect((await runInProcess(['W = randn(30, 30); y = sum(W @ W)', '--seed', '1', ...nudges(19)])).status).toBe(0);
  });
});
