import { expect, test } from 'vitest';
import { formatNumber } from '../../src/numbers.js';
import { parseExpression } from '../../src/parse/expression.js';
import { drawnLines, gradientOf, sharesOf } from '../../src/render/picture.js';
import { evaluate } from '../../src/result.js';
import { Tensor } from '../../src/tensor.js';
import { affine, examples } from '../views.js';

const number = (x: number) => formatNumber(x, 6);

test('a number is one line; an array its shape and NumPy’s rows; a gradient its rows alone', () => {
  const matrix = Tensor.fromNested([[1, 2.5], [10, 3]]);
  expect(drawnLines(715, number)).toEqual(['715']);
  expect(drawnLines(matrix, number)).toEqual(['(2×2)', '[[ 1 2.5]', ' [10   3]]']);
  expect(drawnLines(matrix, number, true)).toEqual(['[[ 1 2.5]', ' [10   3]]']);
  expect(drawnLines(Tensor.fromNested([5, 7, 9]), number)).toEqual(['(3)', '[5 7 9]']);
});

test('an array of more than 6 rows or columns is drawn by its shape alone, its gradient too', () => {
  for (const shape of [[7], [784, 50], [1, 7], [7, 1]]) {
    const large = Tensor.zeros(shape);
    expect(drawnLines(large, number)).toEqual([`(${shape.join('×')})`]);
    expect(drawnLines(large, number, true)).toEqual([`(${shape.join('×')})`]);
  }
  expect(drawnLines(Tensor.zeros([6, 6]), number)).toHaveLength(7);
});

test('gradients and shares: numbers in a program of numbers, arrays where the values are', () => {
  const receipt = examples.receipt();
  expect(gradientOf(receipt.graph, 0)).toBe(2.2);
  expect(sharesOf(receipt.graph, 5)).toEqual(receipt.graph.sent(5, receipt.graph.grad(5)));
  const { graph } = affine();
  expect((gradientOf(graph, graph.find('b')!) as Tensor).toNested()).toEqual([5, 7, 9]);
  const [toX, toW, toB] = sharesOf(graph, 3) as Tensor[];
  expect([toX.toNested(), toW.toNested(), toB.toNested()]).toEqual([
    [[1, 2], [4, 5]],
    [[13, 17, 21], [18, 24, 30]],
    [5, 7, 9],
  ]);
});

test('an array that no gradient reaches has zeros of its shape, as a number has 0', () => {
  const { graph } = evaluate(parseExpression('y = sum(x) * 0 + sum(z)', ['x=[1,2]', 'z=[3,4]']));
  expect(graph.gradTensor(graph.find('x')!)).toBeUndefined();
  expect((gradientOf(graph, graph.find('x')!) as Tensor).toNested()).toEqual([0, 0]);
});
