import { InputError, MathError } from './errors.js';
import { text, type Said } from './messages/index.js';
import { NAME, NUMBER } from './parse/lexer.js';
import { nfc } from './parse/source.js';
import type { Graph } from './graph.js';
import { shapeText, Tensor } from './tensor.js';
import { MAX_ARRAY_WORK, MAX_WORK, type Result } from './result.js';

/** A nudge as the command line gives it: `apple=+1`, `x=-0.5`, `tax=+10%`. */
export interface NudgeRequest {
  name: string;
  /** For an array, the element nudged: [i] of a vector, [i, j] of a matrix. */
  index?: number[];
  /** The change, or with `percent` the change in percent of the input's value. */
  change: number;
  percent: boolean;
}

/** What one nudge showed: the gradient's prediction beside what really happened. */
export interface Nudge {
  node: number;
  /** The input as nudged: its name, and the element of an array (W[0,1]). */
  name: string;
  /** ∂output/∂input (of the element, for an array), at the values before the nudge. */
  grad: number;
  /** How much the input moved: the change given, or its percentage of the value. */
  change: number;
  percent?: number;
  value: number;
  output: number;
  nudgedOutput: number;
  /** ∂output/∂input × change: where the tangent line says the output goes. */
  predicted: number;
  /** nudgedOutput − output, without the float noise of the subtraction. */
  actual: number;
  /** actual − predicted: what the straight line misses, as the graph curves. */
  difference: number;
  /** Why the prediction (and so the difference) is no finite number: the gradient's reason. */
  reason?: Said;
}

const REQUEST = new RegExp(`^(?<name>${NAME})(?:\\[(?<i>\\d+)(?:, *(?<j>\\d+))?\\])?=(?<given>[+-]${NUMBER})(?<percent>%?)$`);

/**
 * Reads `NAME=+D`, `NAME=-D` or `NAME=+D%`, and for an element of an array `W[0,1]=+D`; the
 * sign is required, so that a nudge never reads as a value.
 */
export function parseNudge(word: string): NudgeRequest {
  const match = REQUEST.exec(word);
  if (match === null) {
    throw new InputError(text('nudgeForm'));
  }
  const { name, i, j, given, percent } = match.groups!;
  const change = Number(given);
  if (!Number.isFinite(change)) throw new InputError(text('tooLarge', given));
  const index = i === undefined ? undefined : j === undefined ? [Number(i)] : [Number(i), Number(j)];
  return { name, change, percent: percent === '%', ...(index && { index }) };
}

/**
 * What the gradient means, tried out: each input moved on its own by its change, the graph
 * run forward again, and the output's real change set beside the gradient's prediction.
 * The graph is left at the values it was found at (Graph.with), for the views that follow.
 */
export function nudge(result: Result, requests: NudgeRequest[]): Nudge[] {
  const { graph, output, inputs } = result;
  nudgeable(graph, requests);
  const byName = new Map(inputs.map((node) => [graph.name(node)!, node]));
  // Each input's value and gradient are read before the first nudge: after one, reading them
  // would run the graph forward and backward again (Graph.with), once for every nudge.
  const planned = requests.map((request) => {
    // A name is read in NFC, as the program's are: café with é composed or as e and an accent.
    const node = byName.get(nfc(request.name));
    if (node === undefined) {
      const names = [...byName.keys()];
      const shown = names.length > 8 ? `${names.slice(0, 8).join(', ')}, …` : names.join(', ');
      throw new InputError(text('notNudgeable', request.name, shown));
    }
    const tensor = graph.tensor(node);
    const own = graph.name(node)!;
    const shown = request.index === undefined ? own : `${own}[${request.index.join(',')}]`;
    if (tensor === undefined) {
      if (request.index !== undefined) throw new InputError(text('nudgeNumber', shown, request.name));
      return { request, node, name: shown, value: graph.value(node), grad: graph.grad(node) };
    }
    const at = elementAt(tensor, request, shown);
    return { request, node, name: shown, value: tensor.data[at], grad: graph.gradTensor(node)?.data[at] ?? 0, at, tensor };
  });
  return planned.map(({ request, node, name, value, grad, at, tensor }): Nudge => {
    const change = request.percent ? (value * request.change) / 100 : request.change;
    // An array's element moved in a copy of the array: the graph keeps its own.
    const moved = tensor === undefined ? value + change : new Tensor(tensor.shape, tensor.data.map((x, i) => (i === at ? value + change : x)));
    const nudgedOutput = graph.with([[node, moved]], () => {
      graph.forward();
      return graph.value(output);
    });
    if (!Number.isFinite(nudgedOutput)) {
      throw new MathError(text('nudgeNotFinite', name, String(value + change), String(nudgedOutput)));
    }
    // The subtraction is only as exact as the larger output: 717.2 − 715 is 2.2000000000000455.
    const exact = (x: number) => roundTo(x, Math.max(Math.abs(result.value), Math.abs(nudgedOutput)));
    const predicted = grad * change;
    const actual = exact(nudgedOutput - result.value);
    return {
      node,
      name,
      grad,
      change,
      ...(request.percent ? { percent: request.change } : {}),
      value,
      output: result.value,
      nudgedOutput,
      predicted,
      actual,
      difference: exact(actual - predicted),
      ...(Number.isFinite(predicted) ? {} : { reason: result.undefinedGradients.get(node) }),
    };
  });
}

/** Where in an array's data the element a nudge names is; a name without its element, or one past the array's end, is refused. */
function elementAt(tensor: Tensor, { name, index }: NudgeRequest, shown: string): number {
  const example = `${name}[${tensor.shape.map(() => 0).join(',')}]=+0.1`;
  if (index === undefined || index.length !== tensor.rank || index.some((i, axis) => i >= tensor.shape[axis])) {
    throw new InputError(text('nudgeElement', shown, shapeText(tensor.shape), example));
  }
  return index.length === 1 ? index[0] : index[0] * tensor.columns + index[1];
}

/**
 * Refuses nudges whose forward passes, one a nudge, would evaluate more than MAX_WORK nodes,
 * or on arrays take more than MAX_ARRAY_WORK multiply-adds: known before anything is computed.
 * Shapes that do not fit are left for evaluate to name.
 */
export function nudgeable(graph: Graph, requests: readonly NudgeRequest[]): void {
  if (requests.length * graph.size > MAX_WORK) throw new InputError(text('nudgeTooLong', requests.length, graph.size));
  if (!graph.hasArrays || !graph.shapesFit()) return;
  const work = graph.passWork();
  const most = Math.floor(MAX_ARRAY_WORK / work);
  if (requests.length > most) throw new InputError(text('nudgeTooLongArrays', requests.length, work.toExponential(1), most));
}

/**
 * x without the digits beyond the 15th of `scale`, where a difference of two numbers that size
 * is noise. Among the smallest doubles (below 1e-292) a difference is exact, and the quantum
 * itself would underflow: x is kept as it is.
 */
function roundTo(x: number, scale: number): number {
  if (scale === 0 || !Number.isFinite(scale)) return x;
  const quantum = 10 ** (Math.floor(Math.log10(scale)) - 14);
  if (quantum < 1e-306) return x;
  return Math.round(x / quantum) * quantum;
}
