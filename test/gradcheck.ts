import type { Graph } from '../src/graph.js';
import { Tensor } from '../src/tensor.js';

/**
 * The numerical gradient the book checks backprop against: a central difference,
 * (f(x + h) − f(x − h)) / 2h, with h relative to the size of x.
 */
export function centralDifference(f: (xs: number[]) => number, xs: number[], i: number, h = 1e-6): number {
  const step = h * Math.max(1, Math.abs(xs[i]));
  const at = (delta: number) => f(xs.map((x, j) => (j === i ? x + delta : x)));
  return (at(step) - at(-step)) / (2 * step);
}

/** The elements of an input of `graph`: its array's, in order, or the number alone. */
export function elementsOf(graph: Graph, node: number): number[] {
  const tensor = graph.tensor(node);
  return tensor === undefined ? [graph.value(node)] : Array.from(tensor.data);
}

/**
 * The central difference of what `f` computes (a list of numbers) in element i of the input
 * `node`, moved by ±h on its own (the book's numerical_gradient, element by element), with
 * h = 1e-5 relative; the graph's inputs are put back after.
 */
export function centralDifferenceAt(graph: Graph, node: number, i: number, f: () => number[]): number[] {
  const tensor = graph.tensor(node);
  const values = elementsOf(graph, node);
  const h = 1e-5 * Math.max(1, Math.abs(values[i]));
  const at = (moved: number) => {
    const value = tensor === undefined ? moved : new Tensor(tensor.shape, Float64Array.from(values, (v, j) => (j === i ? moved : v)));
    return graph.with([[node, value]], f);
  };
  const [up, down] = [at(values[i] + h), at(values[i] - h)];
  return up.map((y, k) => (y - down[k]) / (2 * h));
}

/** A small affine layer's arrays, and a weight for its output, that the array tests differentiate. */
export const X = 'X=[[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]]';
export const W = 'W=[[0.1, -0.4], [0.8, 0.2], [-0.3, 0.6]]';
export const b = 'b=[0.05, -0.1]';
export const G = 'G=[[1.5, -2], [0.5, 3]]';
