import { describe, expect, test } from 'vitest';
import { differentiate, hessian } from '../src/higher.js';
import { parseExpression } from '../src/parse/expression.js';
import { evaluate, parameters, type Result } from '../src/result.js';
import { b, centralDifferenceAt, elementsOf, G, W, X } from './gradcheck.js';
import { AFFINE } from './views.js';


/** Programs of every array operation, and of element-wise ones broadcast every way NumPy does. */
const PROGRAMS: [string, string, ...string[]][] = [
  ['X @ W', 'sum((X @ W) * G)', X, W, G],
  ['a vector @ a matrix', 'sum((v @ W) ^ 2)', 'v=[0.3, -0.2, 0.9]', W],
  ['a matrix @ a vector', 'sum((X @ u) ^ 2)', X, 'u=[0.3, -0.2, 0.9]'],
  ['a vector @ a vector', '(v @ u) ^ 2', 'v=[0.3, -0.2, 0.9]', 'u=[1, 2, -1]'],
  ['transpose', 'sum((X.T @ X) * (X.T @ X))', X],
  ['sum along rows', 'sum(sum(X * X, 0) * v)', X, 'v=[1, -2, 3]'],
  ['sum along columns', 'sum(sum(X * X, 1) * g)', X, 'g=[2, -1]'],
  ['sum along the last axis', 'sum(sum(X * X, -1) * g)', X, 'g=[2, -1]'],
  ['mean', 'mean(X * X * X) + sum(mean(X * X, 0) * v) + sum(mean(X * X, 1))', X, 'v=[1, -2, 3]'],
  ['softmax', 'sum(softmax(X) * H)', X, 'H=[[1, 2, 3], [-1, 0.5, 2]]'],
  ['softmax of a vector', 'sum(softmax(v) * v)', 'v=[1, -2, 3]'],
  ['cross_entropy, class indices', 'cross_entropy(softmax(X), t)', X, 't=[2, 0]'],
  ['cross_entropy, one-hot', 'cross_entropy(softmax(X), t)', X, 't=[[0, 0, 1], [1, 0, 0]]'],
  ['affine', 'sum(affine(X, W, b) * G)', X, W, b, G],
  ['affine of a vector', 'sum(affine(v, W, b) ^ 2)', 'v=[0.3, -0.2, 0.9]', W, b],
  ['softmax_with_loss', 'softmax_with_loss(tanh(X @ W + b), t)', X, W, b, 't=[1, 0]'],
  ['softmax_with_loss of rows of labels', 'softmax_with_loss(X @ W, t)', X, W, 't=[[0.2, 0.8], [0.5, 0.25]]'],
  ['softmax_with_loss of a vector', 'softmax_with_loss(v * v, 2)', 'v=[0.3, -0.2, 0.9]'],
  ['detach', 'sum((detach(X) @ W) ^ 3)', X, W],
  ['a row broadcast down', 'sum(sin(r * X) / (1 + X ^ 2))', X, 'r=[[1, -0.5, 2]]'],
  ['a column broadcast across', 'sum(exp(c * X) - c ^ 3)', X, 'c=[[0.3], [-0.7]]'],
  ['a vector broadcast down', 'sum(sqrt(v * v + X * X) * atan(v - X))', X, 'v=[1, -2, 3]'],
  ['a number broadcast', 'sum(sigmoid(k * X) * softplus(X / k)) + sum(log(k * k + X * X))', X, 'k=1.5'],
  ['a one-element array broadcast', 'sum(cos(o * X) + o * o)', X, 'o=[0.7]'],
  ['a 1×1 matrix broadcast', 'sum(o * X * X)', X, 'o=[[0.7]]'],
  ['kinks away from them', 'sum(relu(X @ W + b) * G) + sum(abs(X)) + sum(max(X, 0.4) * min(X, v))', X, W, b, G, 'v=[1, -2, 3]'],
];

/** A program's value and gradients, from the library. */
function run(source: string, bindings: string[]): Result {
  return evaluate(parseExpression(source, bindings));
}

/** Each parameter's gradient, element by element, as the backward pass gave it. */
function gradients(result: Result): number[][] {
  const { graph } = result;
  return parameters(result).map((input) => {
    const tensor = graph.gradTensor(input);
    if (tensor !== undefined) return Array.from(tensor.data);
    const shape = graph.shape(input);
    return shape.length === 0 ? [graph.grad(input)] : new Array<number>(shape.reduce((n, k) => n * k, 1)).fill(0);
  });
}

describe('a gradient of arrays built as nodes is the backward pass’s', () => {
  test.each(PROGRAMS)('%s', (_, source, ...bindings) => {
    const result = run(source, bindings);
    const { graph, output } = result;
    const expected = gradients(result);
    const nodes = differentiate(graph, output, parameters(result));
    evaluate(result);
    nodes.forEach((node, i) => {
      const value = graph.valueOf(node);
      const computed = typeof value === 'number' ? expected[i].map(() => value) : Array.from(value.data);
      if (typeof value !== 'number') expect(value.shape).toEqual(graph.shape(parameters(result)[i]));
      computed.forEach((x, k) => expect(Math.abs(x - expected[i][k]), `${source}: ∂/∂${graph.name(parameters(result)[i])}[${k}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(x))));
    });
  });
});

/**
 * The Hessian by central differences of the backward pass's gradient: each element of each
 * parameter moved by ±h on its own, a row each.
 */
function numericalHessian(result: Result): number[][] {
  const { graph, output } = result;
  const inputs = parameters(result);
  const rows: number[][] = [];
  for (const input of inputs) {
    elementsOf(graph, input).forEach((_, i) => {
      rows.push(
        centralDifferenceAt(graph, input, i, () => {
          graph.forward();
          graph.backward(output);
          return gradients(result).flat();
        }),
      );
    });
  }
  return rows;
}

function expectClose(rows: number[][], expected: number[][], tolerance: number, what: string) {
  expect(rows.length).toBe(expected.length);
  rows.forEach((row, i) => row.forEach((x, j) => expect(Math.abs(x - expected[i][j]), `${what} [${i}][${j}]: ${x} vs ${expected[i][j]}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected[i][j])))));
}

describe('the Hessian of arrays', () => {
  test.each(PROGRAMS)('agrees with central differences of the gradient: %s', (_, source, ...bindings) => {
    const expected = numericalHessian(run(source, bindings));
    const result = hessian(parseExpression(source, bindings));
    expectClose(result.order!.hessian!, expected, 1e-6, source);
    // The graph is left with the program's own gradients.
    expect(gradients(result)).toEqual(gradients(run(source, bindings)));
  });

  test('of sum(affine(X, W, b) * G) is G, X and W where the product pairs them, and 0 in W and b, in which it is linear', () => {
    const x = [[1, 2], [3, 4]];
    const w = [[1, 0, 0], [0, 1, 0]];
    const g = [[1, 2, 3], [4, 5, 6]];
    const result = hessian(parseExpression(AFFINE[0], AFFINE.slice(1)));
    const { names, hessian: rows, passes } = result.order!;
    expect(names).toEqual(['X[0,0]', 'X[0,1]', 'X[1,0]', 'X[1,1]', 'W[0,0]', 'W[0,1]', 'W[0,2]', 'W[1,0]', 'W[1,1]', 'W[1,2]', 'b[0]', 'b[1]', 'b[2]', 'G[0,0]', 'G[0,1]', 'G[0,2]', 'G[1,0]', 'G[1,1]', 'G[1,2]']);
    expect(passes).toBe(19);
    // L = Σ_nj (Σ_k X_nk W_kj + b_j) G_nj: a sum of products of three, X W G, and of two, b G.
    // Each pair's second derivative is the third factor (1 for b and G); every other is 0.
    const expected = names!.map(() => names!.map(() => 0));
    const pair = (a: string, c: string, value: number) => {
      expected[names!.indexOf(a)][names!.indexOf(c)] = value;
      expected[names!.indexOf(c)][names!.indexOf(a)] = value;
    };
    for (let n = 0; n < 2; n++) {
      for (let k = 0; k < 2; k++) {
        for (let j = 0; j < 3; j++) {
          pair(`X[${n},${k}]`, `W[${k},${j}]`, g[n][j]);
          pair(`W[${k},${j}]`, `G[${n},${j}]`, x[n][k]);
          pair(`X[${n},${k}]`, `G[${n},${j}]`, w[k][j]);
          pair(`b[${j}]`, `G[${n},${j}]`, 1);
        }
      }
    }
    expect(rows).toEqual(expected);
    // In W and b, in which L is linear, all of it 0.
    const linear = names!.flatMap((name, i) => (/^[Wb]/.test(name) ? [i] : []));
    expect(linear.flatMap((i) => linear.map((j) => rows![i][j])).every((v) => v === 0)).toBe(true);
  });

  test('of softmax_with_loss of logits is (diag(y) − y yᵀ) ÷ N for each row, and nothing between rows', () => {
    const z = [[0.3, 2.9, 4.0], [1.0, -0.5, 0.2]];
    const result = hessian(parseExpression('softmax_with_loss(Z, t)', [`Z=${JSON.stringify(z)}`, 't=[2, 0]']));
    const N = z.length;
    const expected: number[][] = [];
    for (let n = 0; n < N; n++) {
      for (let i = 0; i < 3; i++) {
        const row: number[] = [];
        for (let m = 0; m < N; m++) {
          const y = softmax(z[m]);
          for (let j = 0; j < 3; j++) row.push(m === n ? ((i === j ? y[i] : 0) - y[i] * y[j]) / N : 0);
        }
        expected.push(row);
      }
    }
    expect(result.order!.names).toEqual(['Z[0,0]', 'Z[0,1]', 'Z[0,2]', 'Z[1,0]', 'Z[1,1]', 'Z[1,2]']);
    expectClose(result.order!.hessian!, expected, 1e-15, 'softmax_with_loss');
  });

  test('of a softmax_with_loss net in W and b is Σ over the rows of x xᵀ ⊗ (diag(y) − y yᵀ) ÷ N, loop by loop', () => {
    const x = [[0.5, -1.2], [1.5, 0.3], [-0.4, 0.9]];
    const w = [[0.1, -0.4, 0.7], [0.8, 0.2, -0.5]];
    const bias = [0.05, -0.1, 0.2];
    const labels = [2, 0, 1];
    const given = { X: x, W: w, b: bias, t: labels };
    const result = hessian(parseExpression('L = softmax_with_loss(affine(detach(X), W, b), t)', Object.entries(given).map(([name, value]) => `${name}=${JSON.stringify(value)}`)));
    const N = x.length;
    // z = x W + b for each row; ∂z_nj/∂W_kj = x_nk, ∂z_nj/∂b_j = 1.
    const S = x.map((row) => {
      const y = softmax([0, 1, 2].map((j) => row[0] * w[0][j] + row[1] * w[1][j] + bias[j]));
      return y.map((yi, i) => y.map((yj, j) => ((i === j ? yi : 0) - yi * yj) / N));
    });
    // The parameters, W's elements then b's, each as how it moves z_n: its class j, and its factor in row n.
    const parameters = [
      ...[0, 1].flatMap((k) => [0, 1, 2].map((j) => ({ j, factor: (n: number) => x[n][k] }))),
      ...[0, 1, 2].map((j) => ({ j, factor: () => 1 })),
    ];
    const expected = parameters.map((p) => parameters.map((q) => {
      let sum = 0;
      for (let n = 0; n < N; n++) sum += p.factor(n) * q.factor(n) * S[n][p.j][q.j];
      return sum;
    }));
    expect(result.order!.names).toEqual(['W[0,0]', 'W[0,1]', 'W[0,2]', 'W[1,0]', 'W[1,1]', 'W[1,2]', 'b[0]', 'b[1]', 'b[2]']);
    // X is data (detached) and t labels: neither has a row.
    expect(result.labels.size).toBe(2);
    expectClose(result.order!.hessian!, expected, 1e-14, 'the net');
  });
});

function softmax(row: number[]): number[] {
  const largest = Math.max(...row);
  const e = row.map((v) => Math.exp(v - largest));
  const sum = e.reduce((a, v) => a + v, 0);
  return e.map((v) => v / sum);
}
