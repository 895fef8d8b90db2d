import type { Graph, Program } from './graph.js';
import type { LayerClass } from './layers.js';
import { formatNumber } from './numbers.js';

/**
 * How an operation node is written, given how to write each argument: `a × b`, `−a`,
 * `exp(a)`, `max(a, b)`. An argument for which `compound` holds is put in parentheses.
 */
function written(
  graph: Graph,
  node: number,
  term: (argument: number) => string,
  compound: (argument: number) => boolean,
): string {
  const { symbol } = graph.layer(node)!.constructor as LayerClass;
  const args = graph.args(node);
  if (isCall(symbol)) return `${symbol}(${args.map(term).join(', ')})`;
  const [x, y] = args;
  const operand = (argument: number) => (compound(argument) ? `(${term(argument)})` : term(argument));
  return y === undefined ? `${symbol}${operand(x)}` : `${operand(x)} ${symbol} ${operand(y)}`;
}

/** Whether a node is written as a formula with an operator, so needs parentheses inside another. */
export function isCompound(graph: Graph, node: number): boolean {
  const layer = graph.layer(node);
  return graph.name(node) === undefined && graph.args(node).length === 2 && !isCall((layer!.constructor as LayerClass).symbol);
}

/** Whether an operation is written as a call, exp(x) or max(x, y), rather than with an operator. */
function isCall(symbol: string): boolean {
  return /^\p{L}/u.test(symbol);
}

/**
 * What a node is called: its name, a constant's number, or for an unnamed operation how it
 * is computed from its arguments' labels, down to `depth` levels (a generated sum of a
 * million terms is one unnamed node inside another).
 */
export function label(graph: Graph, node: number, depth = 4): string {
  const name = graph.name(node);
  if (name !== undefined) return name;
  if (graph.layer(node) === undefined) return formatNumber(graph.value(node), 15);
  if (depth === 0) return '…';
  return written(
    graph,
    node,
    (argument) => label(graph, argument, depth - 1),
    (argument) => depth > 1 && isCompound(graph, argument),
  );
}

/** How an operation node is computed from its arguments' labels: `all_price × tax`. */
export function expression(graph: Graph, node: number): string {
  return written(graph, node, (argument) => label(graph, argument), (argument) => isCompound(graph, argument));
}

/** An operation with its arguments' values in place of their names: `100 × 2`. */
export function withValues(graph: Graph, node: number, digits: number): string {
  return written(
    graph,
    node,
    (argument) => formatNumber(graph.value(argument), digits),
    (argument) => graph.value(argument) < 0,
  );
}

/**
 * An input's value as it was given: every digit, as --precision rounds computed values
 * only, and a percent beside the factor it stands for: `1.1 (+10%)`.
 */
export function givenValue({ graph, written }: Program, node: number): string {
  const value = formatNumber(graph.value(node), 17);
  const text = written?.get(node);
  return text === undefined ? value : `${value} (${text})`;
}
