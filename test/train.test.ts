import { describe, expect, test } from 'vitest';
import { InputError, MathError } from '../src/errors.js';
import { parseExpression } from '../src/parse/expression.js';
import { train, type TrainOptions } from '../src/train.js';

// A line through (1, 3), (2, 5) and (3, 7): y = 2x + 1, where the loss is 0.
const LINE = 'loss = (w*1 + b - 3)^2 + (w*2 + b - 5)^2 + (w*3 + b - 7)^2';

function failure(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('it did not fail');
}

describe('train', () => {
  test('fitting a line to three points reaches w = 2, b = 1 from w = 0, b = 0', () => {
    const training = train(parseExpression(LINE, ['w=0', 'b=0']), { inputs: ['w', 'b'] });
    const { graph } = training.result;
    const [w, b] = training.trained;
    expect([graph.name(w.node), w.start, graph.name(b.node), b.start]).toEqual(['w', 0, 'b', 0]);
    expect(w.final).toBeCloseTo(2, 3);
    expect(b.final).toBeCloseTo(1, 3);
    expect(training.history).toHaveLength(201);
    expect(training.history[0]).toBe(83);
    expect(training.history.at(-1)).toBeLessThan(1e-6);
    expect(training.result.value).toBe(training.history.at(-1));
    expect(training).toMatchObject({ epochs: 200, stopped: 'epochs', rate: 0.05 });
  });

  test('each epoch is one step against the gradient: x ← x − rate · ∂y/∂x', () => {
    // y = x², ∂y/∂x = 2x: x goes 3 → 3 − 0.1·6 = 2.4 → 2.4 − 0.1·4.8 = 1.92.
    const { history, trained } = train(parseExpression('y = x^2', ['x=3']), { rate: 0.1, epochs: 2 });
    expect(trained[0].final).toBeCloseTo(1.92, 14);
    expect(history.map((y) => Number(y.toPrecision(12)))).toEqual([9, 5.76, 3.6864]);
  });

  test('it runs on the graph the program built, adding no node', () => {
    const program = parseExpression(LINE, ['w=0', 'b=0']);
    const size = program.graph.size;
    const training = train(program, { epochs: 10 });
    expect(training.result.graph).toBe(program.graph);
    expect(program.graph.size).toBe(size);
  });

  test('with no inputs named, it trains them all; named, only those', () => {
    const all = train(parseExpression(LINE, ['w=0', 'b=0']));
    expect(all.trained.map(({ node }) => all.result.graph.name(node))).toEqual(['w', 'b']);
    const onlyB = train(parseExpression(LINE, ['w=2', 'b=0']), { inputs: ['b'] });
    expect(onlyB.trained).toHaveLength(1);
    expect(onlyB.trained[0].final).toBeCloseTo(1, 6);
    expect(onlyB.result.graph.value(onlyB.result.inputs[0])).toBe(2);
  });

  test('it stops early once an epoch changes the output by no more than the tolerance', () => {
    const training = train(parseExpression(LINE, ['w=0', 'b=0']), { epochs: 10_000, tolerance: 1e-9 });
    expect(training.stopped).toBe('tolerance');
    expect(training.epochs).toBeLessThan(10_000);
    expect(training.history).toHaveLength(training.epochs + 1);
    const [before, last] = training.history.slice(-2);
    expect(Math.abs(last - before)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(training.history.at(-3)! - before)).toBeGreaterThan(1e-9);
  });

  test('divergence is a math error naming the epoch', () => {
    // x = 1, rate 1.5: x ← x − 1.5·2x = −2x, so y = x² = 4^n, past the largest double at n = 512.
    const error = failure(() => train(parseExpression('y = x^2', ['x=1']), { rate: 1.5, epochs: 2000 }));
    expect(error).toBeInstanceOf(MathError);
    expect(error.message).toBe('training diverged at epoch 512: y is Infinity (try a smaller --rate than 1.5)');
  });

  test('a gradient that stops being a number ends the training too, though the output is finite', () => {
    // sqrt(x²) at rate 0.5 steps x from 1 to 0.5 to 0, where sqrt has no finite slope.
    const error = failure(() => train(parseExpression('y = sqrt(x^2)', ['x=1']), { rate: 0.5 }));
    expect(error).toBeInstanceOf(MathError);
    expect(error.message).toBe('training diverged at epoch 2: ∂y/∂x is NaN (try a smaller --rate than 0.5)');
  });

  test('names that are not inputs, named twice, or no inputs at all are input errors', () => {
    const program = () => parseExpression(LINE, ['w=0', 'b=0']);
    const refused = (run: () => unknown) => {
      const error = failure(run) as InputError;
      expect(error).toBeInstanceOf(InputError);
      return error.message;
    };
    expect(refused(() => train(program(), { inputs: ['loss'] }))).toBe("--train: 'loss' is not an input of the program (its inputs: w, b)");
    expect(refused(() => train(program(), { inputs: ['w', 'w'] }))).toBe("--train: 'w' is named twice");
    expect(refused(() => train(parseExpression('2 * 3')))).toBe(
      '--train: the program has no inputs to train: give it one (x = 1, or x=1 on the command line)',
    );
  });

  test('its options are held to the command line’s rules, before any epoch runs', () => {
    const refused = (options: TrainOptions) => {
      const error = failure(() => train(parseExpression(LINE, ['w=0', 'b=0']), options)) as InputError;
      expect(error).toBeInstanceOf(InputError);
      expect(error.code).toBe('out-of-range');
      return error.message;
    };
    expect(refused({ epochs: 2_000_000 })).toBe('epochs is 2000000: give a whole number from 1 to 1000000');
    expect(refused({ epochs: 2.5 })).toBe('epochs is 2.5: give a whole number from 1 to 1000000');
    expect(refused({ rate: 0 })).toBe('rate is 0: give a positive number, e.g. 0.05');
    expect(refused({ tolerance: -1 })).toBe('tolerance is -1: give a number of 0 or more');
  });

  test('names are read in NFC, as the program’s are: café composed or as e and an accent is one input', () => {
    const training = train(parseExpression('y = (caf\u00e9 - 1)^2', ['caf\u00e9=0']), { inputs: ['cafe\u0301'], epochs: 1 });
    expect(training.trained).toHaveLength(1);
    expect(() => train(parseExpression('y = caf\u00e9^2', ['caf\u00e9=0']), { inputs: ['caf\u00e9', 'cafe\u0301'] })).toThrow("--train: 'caf\u00e9' is named twice");
  });

  test('progress is told the epoch and the output, at most every 100 ms, starting at once', () => {
    const seen: [number, number][] = [];
    const training = train(parseExpression(LINE, ['w=0', 'b=0']), { epochs: 2000, tolerance: 0, progress: (...report) => seen.push(report) });
    expect(seen[0]).toEqual([1, training.history[1]]);
    expect(seen.length).toBeLessThan(2000 / 10);
  });
});

describe('train on arrays', () => {
  const NET = 'loss = softmax_with_loss(affine(relu(affine(detach(x), W1, b1)), W2, b2), t)';
  const start = { W1: [[0.5, -0.3, 0.2], [-0.4, 0.6, 0.1]], b1: [0, 0, 0], W2: [[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]], b2: [0, 0] };
  const data = { x: [[1, 0], [0, 1], [1, 1], [-1, -1]], t: [1, 0, 0, 1] };
  const bindings = Object.entries({ ...start, ...data }).map(([name, value]) => `${name}=${JSON.stringify(value)}`);

  test('an epoch moves every element of every parameter by −rate × its gradient; labels stay', () => {
    const program = parseExpression(NET, bindings);
    const { graph } = program;
    const node = (name: string) => graph.find(name)!;
    graph.forward();
    graph.backward(program.output);
    const expected = ['W1', 'b1', 'W2', 'b2'].map((name) => {
      const [value, gradient] = [graph.tensor(node(name))!.data, graph.gradTensor(node(name))!.data];
      return Array.from(value, (v, i) => v - 0.5 * gradient[i]);
    });
    const training = train(program, { rate: 0.5, epochs: 1, inputs: ['W1', 'b1', 'W2', 'b2'] });
    expect(training.trained.map(({ final }) => Array.from((final as { data: Float64Array }).data))).toEqual(expected);
  });

  test('every parameter is trained when none are named, not the data (detach(x)) nor the labels (t)', () => {
    const training = train(parseExpression(NET, bindings), { rate: 0.5, epochs: 300 });
    expect(training.trained.map(({ node }) => training.result.graph.name(node))).toEqual(['W1', 'b1', 'W2', 'b2']);
    expect(training.accuracy).toEqual({ start: 0, final: 1, rows: 4 });
    expect(training.history.at(-1)).toBeLessThan(training.history[0]);
  });

  test('epochs that would take minutes are refused before the first', () => {
    // 300 × 300 × 300 multiply-adds forward, and twice as many backward.
    const big = 'W = randn(300, 300)\nloss = sum(relu(randn(300, 300) @ W))';
    expect(failure(() => train(parseExpression(big, [], { seed: 1 }), { epochs: 1000 })).message).toMatch(
      /^--train would run 1000 epochs of about 8\.1e\+7 multiply-adds each, too many to wait for: give --epochs 18 or fewer/,
    );
  });
});
