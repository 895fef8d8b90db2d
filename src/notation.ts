import type { Graph, Program } from './graph.js';
import { ATOM, POWER, UNARY, type Operation } from './operations.js';
import { formatNumber, FULL_DIGITS } from './numbers.js';
import { shapeText, SMALL, type Tensor } from './tensor.js';

/**
 * How tightly a node binds when written by its label, by the table of operations: writing an
 * argument that binds more loosely than its place asks for in parentheses, and no other, gives
 * text that parses back to the same value with as few parentheses as possible.
 */
function precedence(graph: Graph, node: number): number {
  const op = graph.operation(node);
  if (op === undefined || graph.name(node) !== undefined) return graph.value(node) < 0 && graph.isConstant(node) ? UNARY : ATOM;
  const { notation } = op;
  return notation.form === 'infix' ? notation.precedence : notation.form === 'prefix' ? UNARY : ATOM;
}

/**
 * How an operation node is written, given how to write each argument and how tightly that
 * binds: `a × b`, `−a`, `(−a) ^ 2`, `exp(a)`, `max(a, b)`.
 */
function written(graph: Graph, node: number, term: (argument: number) => string, binds: (argument: number) => number): string {
  const { symbol, notation } = graph.operation(node)!;
  const args = graph.args(node);
  if (notation.form === 'call') return `${symbol}(${args.map(term).join(', ')})`;
  const within = (argument: number, loosest: number) => (binds(argument) < loosest ? `(${term(argument)})` : term(argument));
  const [x, y] = args;
  // X.T binds tightest: anything but a name or a call goes in parentheses, (X @ W).T.
  if (notation.form === 'postfix') return `${within(x, ATOM)}${symbol}`;
  // −(x ^ 2) keeps its parentheses, though −x ^ 2 reads the same: a reader need not know the rule.
  if (notation.form === 'prefix') return `${symbol}${within(x, binds(x) === POWER ? ATOM : UNARY)}`;
  const own = notation.precedence;
  // Left to right (a − b − c), except where the operator groups from the right (a ^ b ^ c).
  const [left, right] = notation.right ? [own + 1, own] : [own, own + 1];
  return `${within(x, left)} ${symbol} ${within(y, right)}`;
}

/** Whether a node is written as a formula, so needs parentheses where a name would not. */
function isCompound(graph: Graph, node: number): boolean {
  return precedence(graph, node) < ATOM;
}

/**
 * What a node is called: its name, a constant's number, or for an unnamed operation how it
 * is computed from its arguments' labels, down to `depth` levels (a generated sum of a
 * million terms is one unnamed node inside another).
 */
export function label(graph: Graph, node: number, depth = 4): string {
  const name = graph.name(node);
  if (name !== undefined) return name;
  if (graph.layer(node) === undefined) {
    const tensor = graph.tensor(node);
    return tensor === undefined ? formatNumber(graph.value(node), FULL_DIGITS) : literal(tensor);
  }
  if (depth === 0) return '…';
  return written(graph, node, (argument) => label(graph, argument, depth - 1), (argument) => precedence(graph, argument));
}

/** An array written in a program as an expression writes it, [[1, 0], [0, 1]], where it is small; else by its shape, (784×50). */
function literal(tensor: Tensor): string {
  if (tensor.rows > SMALL || tensor.columns > SMALL) return `(${shapeText(tensor.shape)})`;
  const row = (start: number) => `[${Array.from(tensor.data.subarray(start, start + tensor.columns), (x) => formatNumber(x, FULL_DIGITS)).join(', ')}]`;
  return tensor.rank < 2 ? row(0) : `[${Array.from({ length: tensor.rows }, (_, i) => row(i * tensor.columns)).join(', ')}]`;
}

/** A node's label as an operand: in parentheses where it is a formula (∂y/∂(−x)). */
export function operand(graph: Graph, node: number): string {
  return isCompound(graph, node) ? `(${label(graph, node)})` : label(graph, node);
}

/** How an operation node is computed from its arguments' labels: `all_price × tax`. */
export function expression(graph: Graph, node: number): string {
  return written(graph, node, (argument) => label(graph, argument), (argument) => precedence(graph, argument));
}

/** An operation with its arguments' values in place of their names: `100 × 2`. */
export function withValues(graph: Graph, node: number, digits: number): string {
  // An array is written by its shape: X @ W is (2×4) @ (4×3).
  const shape = (argument: number) => graph.shape(argument);
  return written(
    graph,
    node,
    (argument) => (shape(argument).length > 0 ? `(${shapeText(shape(argument))})` : formatNumber(graph.value(argument), digits)),
    // A negative number in parentheses everywhere, 100 × (-2), which is easier to read.
    (argument) => (shape(argument).length === 0 && graph.value(argument) < 0 ? 0 : ATOM),
  );
}

/**
 * How a picture (the tree, DOT, Mermaid) marks an operation: its symbol, or for a one-argument
 * operator, which would look like the two-argument one (− is both), its name: neg.
 */
export function drawnSymbol({ name, symbol, notation }: Operation): string {
  return notation.form === 'prefix' ? name : symbol;
}

/**
 * The name a node is shown by in the views: the output's name for the output (`result` for an
 * unnamed last expression), else its own name; none for an unnamed operation or a constant.
 */
export function shownName({ graph, output, outputName }: Program, node: number): string | undefined {
  return node === output ? outputName : graph.name(node);
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
