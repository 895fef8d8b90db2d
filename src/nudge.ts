import { InputError, MathError } from './errors.js';
import { text, type Said } from './messages/index.js';
import { NAME, NUMBER } from './parse/lexer.js';
import { nfc } from './parse/source.js';
import type { Graph } from './graph.js';
import { MAX_WORK, type Result } from './result.js';

/** A nudge as the command line gives it: `apple=+1`, `x=-0.5`, `tax=+10%`. */
export interface NudgeRequest {
  name: string;
  /** The change, or with `percent` the change in percent of the input's value. */
  change: number;
  percent: boolean;
}

/** What one nudge showed: the gradient's prediction beside what really happened. */
export interface Nudge {
  node: number;
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

const REQUEST = new RegExp(`^(${NAME})=([+-]${NUMBER})(%?)$`);

/** Reads `NAME=+D`, `NAME=-D` or `NAME=+D%`; the sign is required, so that a nudge never reads as a value. */
export function parseNudge(word: string): NudgeRequest {
  const match = REQUEST.exec(word);
  if (match === null) {
    throw new InputError(text('nudgeForm'));
  }
  const change = Number(match[2]);
  if (!Number.isFinite(change)) throw new InputError(text('tooLarge', match[2]));
  return { name: match[1], change, percent: match[3] === '%' };
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
    return { request, node, value: graph.value(node), grad: graph.grad(node) };
  });
  return planned.map(({ request, node, value, grad }): Nudge => {
    const change = request.percent ? (value * request.change) / 100 : request.change;
    const nudgedOutput = graph.with([[node, value + change]], () => {
      graph.forward();
      return graph.value(output);
    });
    if (!Number.isFinite(nudgedOutput)) {
      throw new MathError(text('nudgeNotFinite', request.name, String(value + change), String(nudgedOutput)));
    }
    // The subtraction is only as exact as the larger output: 717.2 − 715 is 2.2000000000000455.
    const exact = (x: number) => roundTo(x, Math.max(Math.abs(result.value), Math.abs(nudgedOutput)));
    const predicted = grad * change;
    const actual = exact(nudgedOutput - result.value);
    return {
      node,
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

/** Refuses nudges whose forward passes, one a nudge, would evaluate more than MAX_WORK nodes: known before anything is computed. */
export function nudgeable(graph: Graph, requests: readonly NudgeRequest[]): void {
  if (requests.length * graph.size > MAX_WORK) throw new InputError(text('nudgeTooLong', requests.length, graph.size));
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
