import { SumLayer } from '../src/arrays.js';
import { Graph, type Program } from '../src/graph.js';
import type { Layer } from '../src/layers.js';
import type { Value } from '../src/tensor.js';

/**
 * x², with a backward that is wrong on purpose (3x instead of 2x): what --check exists to
 * catch, and which no layer of backprop's own gives.
 */
class WrongSquare implements Layer {
  private x = 0;
  forward(x: number): number {
    this.x = x;
    return x * x;
  }
  backward(dout: number, grads = [0]): number[] {
    grads[0] = dout * 3 * this.x;
    return grads;
  }
}

/** y = x² with the wrong backward, at x (a number or an array: then summed). */
export function wrongSquare(x: Value): Program {
  const graph = new Graph();
  const input = graph.input('x', x);
  const square = graph.apply(new WrongSquare(), input);
  const output = typeof x === 'number' ? square : graph.apply(new SumLayer(), square);
  graph.rename(output, 'y');
  return { graph, output, outputName: 'y' };
}
