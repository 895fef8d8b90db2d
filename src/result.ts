import { MathError } from './errors.js';
import type { Graph, Program } from './graph.js';
import { label, withValues } from './notation.js';

/** A program run forward and backward: what every renderer takes. */
export interface Result extends Program {
  value: number;
  /** Input nodes, in order of first appearance. */
  inputs: number[];
  /** Named operation nodes other than the output, in the order computed. */
  intermediates: number[];
}

/**
 * Runs the program forward, then backward from its output. Throws a MathError naming the
 * node where a value or a gradient stopped being a finite number.
 */
export function evaluate(program: Program): Result {
  const { graph, output } = program;
  graph.forward();
  const broken = graph.values.findIndex((value) => !Number.isFinite(value));
  if (broken >= 0) throw new MathError(describeValue(graph, broken));
  graph.backward(output);

  const inputs: number[] = [];
  const intermediates: number[] = [];
  for (let node = 0; node < graph.size; node++) {
    if (graph.isInput(node)) inputs.push(node);
    else if (graph.names[node] !== undefined && graph.layers[node] !== undefined && node !== output) {
      intermediates.push(node);
    }
  }
  for (const nodes of [inputs, intermediates]) {
    const broken = nodes.find((node) => !Number.isFinite(graph.grads[node]));
    if (broken !== undefined) throw new MathError(describeGradient(program, broken));
  }
  return { ...program, value: graph.values[output], inputs, intermediates };
}

function describeValue(graph: Graph, node: number): string {
  const value = graph.values[node];
  const what = Number.isNaN(value) ? 'is not a number' : 'is infinite';
  if (graph.layers[node] === undefined) return `${label(graph, node)} ${what} (${value})`;
  return `${label(graph, node)} ${what}: ${withValues(graph, node, 15)} = ${value}`;
}

/**
 * Names the operation whose local derivative broke, found by looking for the first node,
 * walking back from the output, that turns a finite gradient into a non-finite one.
 */
function describeGradient({ graph, output, outputName }: Program, node: number): string {
  const gradient = `∂${outputName}/∂${graph.names[node]} is ${graph.grads[node]}`;
  for (let at = output; at >= 0; at--) {
    const layer = graph.layers[at];
    if (layer === undefined || graph.grads[at] === 0 || !Number.isFinite(graph.grads[at])) continue;
    const d = layer.backward(graph.grads[at]);
    const args = graph.ys[at] < 0 ? [graph.xs[at]] : [graph.xs[at], graph.ys[at]];
    if (args.some((arg, i) => !Number.isFinite(d[i]) && !graph.isConstant(arg))) {
      return `${gradient}: ${label(graph, at)} has no finite derivative at ${withValues(graph, at, 15)}`;
    }
  }
  return `${gradient}: the gradient grew beyond the largest number (about 1.8e308)`;
}
