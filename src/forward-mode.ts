import { InputError } from './errors.js';
import { text } from './messages/index.js';
import type { Graph } from './graph.js';
import { MAX_WORK, type ForwardMode, type Result, type TangentPass, type TangentStep } from './result.js';

/**
 * Forward mode: each input's derivative pushed forward from the input to the output, as dual
 * numbers do, one pass per input, where backpropagation gets every input's in one pass back.
 * No layer needs a rule of its own: a node's tangent is the sum, over its arguments, of its
 * local slope (sent(node, 1), what --steps prints) times the argument's tangent. The layer's
 * forward runs again beside it (the graph replays it to give the slopes), so each pass
 * computes values and tangents together, as a pass of dual numbers does.
 */

/** Refuses forward mode where its passes would take too long, before any runs: a pass an input over every operation. */
export function forwardable(graph: Graph): void {
  if (graph.hasArrays) throw new InputError(text('modeArrays'));
  const passes = graph.inputs().length;
  if (passes * graph.size > MAX_WORK) throw new InputError(text('modeTooLong', passes, graph.size));
}

/**
 * The tangent passes of a result's program, one per input, and what they cost beside reverse
 * mode's one forward and one backward pass; each step kept only for --steps. A term whose
 * argument's tangent is 0 is left out: nothing of the input reaches the node that way, and
 * 0 × an infinite slope would otherwise be no number.
 */
export function forwardMode(result: Result, keepSteps = false): ForwardMode {
  const { graph, output } = result;
  forwardable(graph);
  const operations: number[] = [];
  for (let node = 0; node <= output; node++) if (graph.layer(node) !== undefined) operations.push(node);
  const passes = result.inputs.map((input): TangentPass => {
    const tangents = new Map<number, number>([[input, 1]]);
    const steps: TangentStep[] = [];
    for (const node of operations) {
      const slopes = graph.sent(node, 1);
      const terms = graph.args(node).flatMap((argument, i) => {
        const tangent = tangents.get(argument) ?? 0;
        return tangent === 0 ? [] : [{ argument, slope: slopes[i], tangent }];
      });
      const tangent = terms.reduce((sum, { slope, tangent }) => sum + slope * tangent, 0);
      if (tangent !== 0) tangents.set(node, tangent);
      if (keepSteps) steps.push({ node, terms, tangent });
    }
    return { input, steps, derivative: tangents.get(output) ?? 0 };
  });
  const difference = Math.max(0, ...passes.map(({ input, derivative }) => relative(derivative, graph.grad(input))));
  const derivatives = new Map(passes.map(({ input, derivative }) => [input, derivative]));
  return { passes, operations: passes.length * operations.length, perPass: operations.length, difference, derivatives };
}

/** |a − b| relative to the larger of the two; 0 where they are equal (both infinite of one sign too). */
function relative(a: number, b: number): number {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}
