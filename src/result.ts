import { MathError } from './errors.js';
import type { Graph, Program } from './graph.js';
import { label, withValues } from './notation.js';
import { formatNumber } from './numbers.js';

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
  for (let node = 0; node < graph.size; node++) {
    if (!Number.isFinite(graph.value(node))) throw new MathError(describeValue(graph, node), { name: graph.name(node) });
  }
  graph.backward(output);

  const inputs = nodesWhere(graph, (node) => graph.isInput(node));
  const intermediates = nodesWhere(
    graph,
    (node) => node !== output && graph.layer(node) !== undefined && graph.name(node) !== undefined,
  );
  for (const nodes of [inputs, intermediates]) {
    const broken = nodes.find((node) => !Number.isFinite(graph.grad(node)));
    if (broken !== undefined) throw new MathError(describeGradient(program, broken), { name: graph.name(broken) });
  }
  return { ...program, value: graph.value(output), inputs, intermediates };
}

/** The nodes that `keep` holds for, counted first so that a million of them fill one array. */
function nodesWhere(graph: Graph, keep: (node: number) => boolean): number[] {
  let count = 0;
  for (let node = 0; node < graph.size; node++) if (keep(node)) count++;
  const nodes = new Array<number>(count);
  for (let node = 0, i = 0; node < graph.size; node++) if (keep(node)) nodes[i++] = node;
  return nodes;
}

function describeValue(graph: Graph, node: number): string {
  const value = graph.value(node);
  const what = Number.isNaN(value) ? 'is not a number' : 'is infinite';
  if (graph.layer(node) === undefined) return `${label(graph, node)} ${what} (${value})`;
  return `${label(graph, node)} ${what}: ${withValues(graph, node, 15)} = ${value}`;
}

/**
 * Says where the gradient broke: walking back from the output, the first operation that
 * turns a finite gradient into one that is not, either because its own slope is infinite
 * or because gradient times slope overflows; else the sum of finite shares overflowed.
 */
function describeGradient({ graph, output, outputName }: Program, node: number): string {
  const gradient = `∂${outputName}/∂${graph.name(node)} is ${graph.grad(node)}`;
  for (let at = output; at >= 0; at--) {
    const layer = graph.layer(at);
    const dout = graph.grad(at);
    if (layer === undefined || dout === 0 || !Number.isFinite(dout)) continue;
    const shares = graph.sent(at, dout);
    const slopes = graph.sent(at, 1);
    const args = graph.args(at);
    const broken = args.findIndex((arg, i) => !Number.isFinite(shares[i]) && !graph.isConstant(arg));
    if (broken < 0) continue;
    if (!Number.isFinite(slopes[broken])) {
      return `${gradient}: ${label(graph, at)} has no finite derivative at ${withValues(graph, at, 15)}`;
    }
    const product = `${formatNumber(dout, 15)} × ${formatNumber(slopes[broken], 15)}`;
    return `${gradient}: it overflows going back through ${label(graph, at)} (${product})`;
  }
  return `${gradient}: its shares add up beyond the largest number (about 1.8e308)`;
}
