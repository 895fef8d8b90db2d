import type { Layer } from './layers.js';

/**
 * A computational graph kept as a tape: nodes in the order they were created. A node can
 * only use nodes that already exist, so this order is topological: forward() walks the tape
 * from the start, backward() from the end, and neither recurses, however deep the graph.
 *
 * The nodes are stored column by column, in plain arrays indexed by node, rather than as
 * one object each: a receipt of a million items stays a few hundred bytes a node.
 * Leaves have no layer: an input has a name and gets a gradient, a constant (a number
 * written in an expression) has neither.
 */
export class Graph {
  readonly names: (string | undefined)[] = [];
  readonly layers: (Layer | undefined)[] = [];
  /** The node of each node's first and second argument; -1 where there is none. */
  readonly xs: number[] = [];
  readonly ys: number[] = [];
  readonly values: number[] = [];
  readonly grads: number[] = [];

  get size(): number {
    return this.values.length;
  }

  input(name: string, value: number): number {
    return this.add(name, undefined, -1, -1, value);
  }

  constant(value: number): number {
    return this.add(undefined, undefined, -1, -1, value);
  }

  /** A node computing layer.forward(x) or layer.forward(x, y) from the nodes x and y. */
  apply(layer: Layer, x: number, y = -1): number {
    return this.add(undefined, layer, x, y, NaN);
  }

  isInput(node: number): boolean {
    return this.layers[node] === undefined && this.names[node] !== undefined;
  }

  isConstant(node: number): boolean {
    return this.layers[node] === undefined && this.names[node] === undefined;
  }

  /** The node with this name, for callers that built the graph by hand. */
  find(name: string): number | undefined {
    const node = this.names.indexOf(name);
    return node < 0 ? undefined : node;
  }

  forward(): void {
    const { layers, xs, ys, values } = this;
    for (let node = 0; node < layers.length; node++) {
      const layer = layers[node];
      if (layer === undefined) continue;
      const y = ys[node];
      values[node] =
        y < 0 ? layer.forward(values[xs[node]]) : layer.forward(values[xs[node]], values[y]);
    }
  }

  /**
   * Gradients of `output` with respect to every node, after forward(). Gradients are added
   * (+=) because a value that feeds several nodes gets a share back from each; they start
   * from 0 on every call, so running backward twice gives the same numbers.
   */
  backward(output = this.size - 1): void {
    const { layers, xs, ys, grads } = this;
    grads.fill(0);
    grads[output] = 1;
    for (let node = output; node >= 0; node--) {
      const layer = layers[node];
      const dout = grads[node];
      // A node with no influence on the output passes nothing back; skipping it also spares
      // its inputs a 0·∞ = NaN where its local derivative is infinite.
      if (layer === undefined || dout === 0) continue;
      const d = layer.backward(dout);
      grads[xs[node]] += d[0];
      if (ys[node] >= 0) grads[ys[node]] += d[1];
    }
  }

  private add(name: string | undefined, layer: Layer | undefined, x: number, y: number, value: number): number {
    this.names.push(name);
    this.layers.push(layer);
    this.xs.push(x);
    this.ys.push(y);
    this.values.push(value);
    return this.grads.push(0) - 1;
  }
}

/** A graph with the node whose value and gradients are asked for. */
export interface Program {
  graph: Graph;
  output: number;
  /** How the output is called: its name, or `result` for an unnamed last expression. */
  outputName: string;
}
