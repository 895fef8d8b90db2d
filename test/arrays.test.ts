import { describe, expect, test } from 'vitest';
import { parseExpression } from '../src/parse/expression.js';
import { evaluate, type Result } from '../src/result.js';
import { Random } from '../src/random.js';
import { b, centralDifferenceAt, elementsOf, G, W, X } from './gradcheck.js';
import { runInProcess } from './io.js';
import { expectValid } from './schema.js';

/** A program's value and gradients, from the library. */
function run(source: string, ...bindings: string[]): Result {
  return evaluate(parseExpression(source, bindings));
}

/** An input's gradient as nested lists (a number for a number). */
function grad(result: Result, name: string): unknown {
  const node = result.inputs.find((input) => result.graph.name(input) === name)!;
  return result.graph.gradTensor(node)?.toNested() ?? result.graph.grad(node);
}

/** Every element of every input's gradient against a central difference of the output. */
function expectGradientsAgree(source: string, ...bindings: string[]) {
  const result = run(source, ...bindings);
  const { graph, output } = result;
  for (const node of result.inputs) {
    if (result.labels.has(node)) continue;
    const gradients = graph.gradTensor(node)?.data ?? [graph.grad(node)];
    elementsOf(graph, node).forEach((_, i) => {
      const [numerical] = centralDifferenceAt(graph, node, i, () => {
        graph.forward();
        return [graph.value(output)];
      });
      expect(Math.abs(gradients[i] - numerical), `${source}: ∂/∂${graph.name(node)}[${i}]`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(numerical)));
    });
  }
}


describe('every array operation’s backward agrees with central differences', () => {
  test.each([
    ['X @ W', 'sum((X @ W) * G)', X, W, G],
    ['dot', 'sum(dot(X, W) * G)', X, W, G],
    ['a vector @ a matrix', 'sum((v @ W) * g)', 'v=[0.3, -0.2, 0.9]', W, 'g=[2, -1]'],
    ['a matrix @ a vector', 'sum((X @ u) * g)', X, 'u=[0.3, -0.2, 0.9]', 'g=[2, -1]'],
    ['transpose', 'sum(X.T @ G)', X, G],
    ['transpose(x)', 'sum(transpose(X) @ G)', X, G],
    ['sum along rows', 'sum(sum(X, 0) * v)', X, 'v=[1, -2, 3]'],
    ['sum along columns', 'sum(sum(X, 1) * g)', X, 'g=[2, -1]'],
    ['sum along the last axis', 'sum(sum(X, -1) * g)', X, 'g=[2, -1]'],
    ['mean', 'mean(X * X) + sum(mean(X, 0) * v)', X, 'v=[1, -2, 3]'],
    ['softmax', 'sum(softmax(X) * H)', X, 'H=[[1, 2, 3], [-1, 0.5, 2]]'],
    ['softmax of a vector', 'sum(softmax(v) * v)', 'v=[1, -2, 3]'],
    ['cross_entropy, class indices', 'cross_entropy(softmax(X), t)', X, 't=[2, 0]'],
    ['cross_entropy, one-hot', 'cross_entropy(softmax(X), t)', X, 't=[[0, 0, 1], [1, 0, 0]]'],
    ['affine', 'sum(affine(X, W, b) * G)', X, W, b, G],
    ['softmax_with_loss', 'softmax_with_loss(X @ W + b, t)', X, W, b, 't=[1, 0]'],
    ['element-wise, broadcast', 'sum(relu(X @ W + b) * G) + sum(sigmoid(X) * 2) + sum(X ^ 2 / 3)', X, W, b, G],
    ['a number times an array', 'sum(k * X - X / k)', X, 'k=1.5'],
  ])('%s', (_, source, ...bindings) => expectGradientsAgree(source, ...bindings));
});

/** The book's layers written again, plainly, from its formulas: the reference the layers are held to. */
function bookAffine(x: number[][], w: number[][], bias: number[], dout: number[][]) {
  const dot = (a: number[][], bm: number[][]) => a.map((row) => bm[0].map((_, j) => row.reduce((sum, v, k) => sum + v * bm[k][j], 0)));
  const t = (a: number[][]) => a[0].map((_, j) => a.map((row) => row[j]));
  return {
    out: dot(x, w).map((row) => row.map((v, j) => v + bias[j])),
    dx: dot(dout, t(w)),
    dw: dot(t(x), dout),
    db: dout[0].map((_, j) => dout.reduce((sum, row) => sum + row[j], 0)),
  };
}

function bookSoftmaxWithLoss(x: number[][], labels: number[]) {
  const y = x.map((row) => {
    const c = Math.max(...row);
    const e = row.map((v) => Math.exp(v - c));
    const s = e.reduce((a, v) => a + v, 0);
    return e.map((v) => v / s);
  });
  const n = x.length;
  // Fused, the layer takes log y itself, without the book's 1e-7: never log 0.
  const loss = -labels.reduce((sum, t, i) => sum + Math.log(y[i][t]), 0) / n;
  const dx = y.map((row, i) => row.map((v, j) => (v - (j === labels[i] ? 1 : 0)) / n));
  return { loss, dx };
}

describe('the book’s fused layers give the book’s hand-derived backward', () => {
  const close = (a: unknown, e: unknown) => expect(JSON.stringify(a, (_, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v))).toBe(JSON.stringify(e, (_, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)));

  test('Affine: dX = dY·Wᵀ, dW = Xᵀ·dY, db the sum of dY over the batch', () => {
    const x = [[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]];
    const w = [[0.1, -0.4], [0.8, 0.2], [-0.3, 0.6]];
    const bias = [0.05, -0.1];
    const dout = [[1.5, -2], [0.5, 3]];
    const result = run('L = sum(affine(X, W, b) * G)', X, W, b, G);
    const book = bookAffine(x, w, bias, dout);
    const affine = Array.from({ length: result.graph.size }, (_, node) => node).find((node) => result.graph.operation(node)?.name === 'affine')!;
    close(result.graph.tensor(affine)?.toNested(), book.out);
    close(grad(result, 'X'), book.dx);
    close(grad(result, 'W'), book.dw);
    close(grad(result, 'b'), book.db);
  });

  test('SoftmaxWithLoss: the cross-entropy error of the softmax, and (y − t) / N back', () => {
    const x = [[0.3, 2.9, 4.0], [1.0, -0.5, 0.2]];
    const labels = [2, 0];
    const result = run('L = softmax_with_loss(x, t)', 'x=[[0.3, 2.9, 4.0], [1.0, -0.5, 0.2]]', 't=[2, 0]');
    const book = bookSoftmaxWithLoss(x, labels);
    close(result.value, book.loss);
    close(grad(result, 'x'), book.dx);
    expect(result.labels.has(result.inputs[1])).toBe(true);
  });
});

describe('the book’s Affine bias example, through the command line', () => {
  const example = ['-e', 'L = sum(affine(X, W, b) * G)', 'X=[[1,2],[3,4]]', 'W=[[1,0,0],[0,1,0]]', 'b=[0,0,0]', 'G=[[1,2,3],[4,5,6]]'];

  test('∂L/∂b is [5, 7, 9], G playing the book’s dY', async () => {
    const run = await runInProcess([...example, '--json']);
    expect(run.status).toBe(0);
    expectValid('document', run.stdout);
    const document = JSON.parse(run.stdout);
    expect(document.gradients.b).toEqual([5, 7, 9]);
    expect(document.gradients.W).toEqual([[13, 17, 21], [18, 24, 30]]);
    expect(document.shapes).toEqual({ X: [2, 2], W: [2, 3], b: [3], G: [2, 3] });
  });

  test('--steps shows the shapes, and the sum broadcasting becomes in backward', async () => {
    const run = await runInProcess(['-e', 'L = sum((X @ W + b) * G)', ...example.slice(2), '--steps', '--no-color']);
    expect(run.stdout).toContain('(1) X @ W: (2×3) = (2×2) @ (2×3) = [[1 2 0] [3 4 0]]');
    expect(run.stdout).toContain('∂L/∂X = ∂L/∂(X @ W) @ Wᵀ: (2×2) = [[1 2] [4 5]]');
    expect(run.stdout).toContain('b (3) was spread over (2×3) in forward: backward sums its share back to (3)');
  });

  test('a program of numbers gains no shapes in its JSON', async () => {
    expect(JSON.parse((await runInProcess(['x*y', 'x=2', 'y=3', '--json'])).stdout)).not.toHaveProperty('shapes');
  });
});

describe('shapes are checked before anything is computed, and named', () => {
  test.each([
    [['X @ W', 'X=[[1,2,3,4],[1,2,3,4]]', 'W=[[1,2,3],[1,2,3],[1,2,3]]'], 'X @ W: X is 2×4 and W is 3×3; the inner sizes 4 and 3 must be equal (line 1, column 3)'],
    [['sum(X + Y)', 'X=[[1,2],[3,4]]', 'Y=[1,2,3]'], 'X + Y: X is 2×2 and Y is 3, which do not broadcast: from the last axis on, each pair of sizes must be equal or one of them 1 (line 1, column 7)'],
    [['sum([[1,2],[3]])'], 'row 2 has 1 number where the first row has 2: give every row of a matrix as many numbers (line 1, column 12)'],
    [['sum(x, 2)', 'x=[[1,2],[3,4]]'], 'sum(x, 2): an array of shape 2×2 has no axis 2: its axes are 0 (down the rows) and 1 (along each row), or -1 for the last (line 1, column 1)'],
    [['softmax_with_loss(x, t)', 'x=[[1,2,3]]', 't=[3]'], 'softmax_with_loss(x, t): 3 in t is no class: give a whole number from 0 to 2 (line 1, column 1)'],
    [['X * 2', 'X=[1,2]'], 'result is an array of shape 2, and backward starts from one number: take a number of it, as sum(result) or a loss (softmax_with_loss)'],
    [['sum(x)', 'x=[[[1]]]'], "'x=[[[1]]]': an array of 3 axes: backprop takes numbers, vectors and matrices (2 axes at most)"],
  ])('%j', async (argv, message) => {
    const run = await runInProcess(argv);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr.split('\n')[0]).toBe(`error: ${message}`);
  });
});

describe('generators', () => {
  test('zeros, ones, rand and randn make arrays; an expression of them alone is an input, computed once', () => {
    const result = run('W = 0.01 * randn(3, 2); b = zeros(2); y = sum((x @ W + b) * ones(2))', 'x=[1, 2, 3]');
    expect(result.inputs.map((node) => result.graph.name(node))).toEqual(['W', 'b', 'x']);
    expect(result.graph.shape(result.inputs[0])).toEqual([3, 2]);
  });

  test('--seed gives the same numbers every time: xoshiro128** seeded by splitmix32, checked against a reference of BigInts', () => {
    // The same generator written again with BigInts, from its published description.
    const mask = (1n << 32n) - 1n;
    const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & mask;
    let s = 42n;
    const state = Array.from({ length: 4 }, () => {
      s = (s + 0x9e3779b9n) & mask;
      let z = s;
      z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & mask;
      z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & mask;
      return (z ^ (z >> 16n)) & mask;
    });
    const next = () => {
      const result = (rotl((state[1] * 5n) & mask, 7n) * 9n) & mask;
      const t = (state[1] << 9n) & mask;
      state[2] ^= state[0];
      state[3] ^= state[1];
      state[1] ^= state[2];
      state[0] ^= state[3];
      state[2] ^= t;
      state[3] = rotl(state[3], 11n);
      return Number(result);
    };
    const random = new Random(42);
    for (let i = 0; i < 100; i++) expect(random.next()).toBe(next());
  });

  test('without --seed, the seed drawn is told, so that the run can be repeated', async () => {
    const first = await runInProcess(['-e', 'y = sum(rand(3) * x)', 'x=1']);
    const seed = /--seed (\d+)/.exec(first.stderr)![1];
    const again = await runInProcess(['-e', 'y = sum(rand(3) * x)', 'x=1', '--seed', seed]);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toBe('');
  });
});

test('--batch takes arrays as nested lists, and a line may change a shape', async () => {
  const lines = ['{"b": [1, 1, 1]}', '{"b": [1, 2]}', '{"b": [[1, 2], [3]]}'].join('\n');
  const run = await runInProcess(['-e', 'L = sum(affine(X, W, b) * G)', 'X=[[1,2],[3,4]]', 'W=[[1,0,0],[0,1,0]]', 'b=[0,0,0]', 'G=[[1,2,3],[4,5,6]]', '--batch'], { stdin: `${lines}\n` });
  const answers = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
  expect(answers[0].value).toBe(58);
  expect(answers[1].error.code).toBe('shape-bias');
  expect(answers[2].error.code).toBe('not-array');
});

describe('--check on arrays through the command line', () => {
  const program = 'W1 = 0.5*randn(40,30); b1 = zeros(30); W2 = 0.5*randn(30,5); b2 = zeros(5); x = rand(4,40)\nloss = softmax_with_loss(affine(relu(affine(detach(x), W1, b1)), W2, b2), [0,1,2,3])';
  const net = ['-e', program, '--seed', '3'];

  test('on a terminal, a progress bar on standard error, cleared before the table', async () => {
    const run = await runInProcess([...net, '--check', '--no-color'], { terminal: true });
    expect(run.status).toBe(0);
    // The first at once, then at most every 100 ms, of the 2 × 1385 passes.
    expect(run.stderr).toMatch(/^\r\x1b\[K--check ░{20} 2 of 2770 forward passes(\r\x1b\[K--check [█░]{20} \d+ of 2770 forward passes)*\r\x1b\[K$/);
    expect((await runInProcess([...net, '--check'])).stderr).toBe('');
  });
});

describe('an array the output does not depend on has a gradient of zeros, in every mode', () => {
  const program = ['-e', 'a = sum(W)\ny = b*2', 'W=[[1,2]]', 'b=1', '--no-color'];

  test('the table and the JSON give zeros of its shape', async () => {
    const table = await runInProcess(program);
    expect(table.stdout).toContain('│ W     │ (1×2) │     (1×2) │');
    expect(table.stdout).toContain('∂y/∂W =\n[[0 0]]\n');
    const json = JSON.parse((await runInProcess([...program, '--json'])).stdout);
    expect(json.gradients).toEqual({ W: [[0, 0]], b: 2 });
  });

  test('--check agrees, and --train leaves it where it is', async () => {
    const checked = await runInProcess([...program, '--check']);
    expect(checked.status).toBe(0);
    expect(checked.stdout).toMatch(/│ W +│ \(1×2\) │ +\(1×2\) │ +Δ 0 │ +0 │ agrees +│/);
    const trained = await runInProcess([...program, '--train', '--epochs', '3', '--json']);
    expect(trained.stderr).toBe('');
    expect(JSON.parse(trained.stdout).trained.W).toMatchObject({ start: [[1, 2]], final: [[1, 2]], grad: [[0, 0]] });
  });
});
