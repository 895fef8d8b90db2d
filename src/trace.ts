import type { Result } from './result.js';
import { sameShape, shapeOf, type Shape, type Value } from './tensor.js';

/** One step of the forward pass: the operation node computed, in order. */
export interface ForwardStep {
  pass: 'forward';
  /** (1), (2), …: the book's numbering, kept by the backward pass. */
  step: number;
  node: number;
}

/**
 * What backward sends to one argument: upstream gradient × local slope = share. Where the
 * values are arrays the share is one, and the slope is no one number: undefined.
 */
export interface Share {
  /** 0 for the first argument (x), 1 for the second (y), 2 for the third. */
  position: number;
  argument: number;
  slope: number | undefined;
  share: Value;
  /**
   * Where the argument was broadcast to the node's shape in forward (a bias added to every
   * row): its share is the sum over what it was spread to, a step of its own.
   */
  broadcast?: { from: Shape; to: Shape };
}

export interface BackwardStep {
  pass: 'backward';
  step: number;
  node: number;
  /** The gradient arriving at the node: ∂output/∂node, a number or an array of the node's shape. */
  grad: Value;
  /** One share per argument that is not a constant (nor a label); none when grad is 0. */
  shares: Share[];
}

/** A value that feeds several nodes: its gradient is the sum of the shares sent back to it. */
export interface SumStep {
  pass: 'sum';
  node: number;
  shares: Value[];
  grad: Value;
}

export type Step = ForwardStep | BackwardStep | SumStep;

/**
 * The forward and backward passes of a result as numbered steps, for --steps: every
 * operation in the order computed, then from the output back, each with the chain rule's
 * shares, and a sum wherever shares from several nodes meet. It replays what Graph.backward
 * did from the layers' kept state, so it shows the same numbers.
 */
export function trace({ graph, output }: Result): Step[] {
  const steps: Step[] = [];
  const numbers = new Map<number, number>();
  for (let node = 0; node < graph.size; node++) {
    if (graph.layer(node) === undefined) continue;
    numbers.set(node, numbers.size + 1);
    steps.push({ pass: 'forward', step: numbers.size, node });
  }

  const received = new Map<number, Value[]>();
  const gradOf = (node: number): Value => graph.gradTensor(node) ?? graph.grad(node);
  const sum = (node: number) => {
    const shares = received.get(node) ?? [];
    if (shares.length > 1) steps.push({ pass: 'sum', node, shares, grad: gradOf(node) });
  };
  for (let node = output; node >= 0; node--) {
    if (graph.layer(node) === undefined) continue;
    if (node !== output) sum(node);
    const grad = gradOf(node);
    const shares: Share[] = [];
    const arrays = typeof grad !== 'number' || graph.args(node).some((argument) => graph.shape(argument).length > 0);
    const sent = arrays ? graph.sentValues(node, grad) : graph.sent(node, grad as number);
    // A gradient of 0 sends nothing back, unless it meets an infinite slope: 0 × ∞ is no number.
    if (grad !== 0 || sent.some((share) => typeof share === 'number' && !Number.isFinite(share))) {
      const slopes = arrays ? [] : graph.sent(node, 1);
      graph.args(node).forEach((argument, position) => {
        const share = sent[position];
        if (graph.isConstant(argument) || share === undefined) return;
        // An element-wise operation broadcast this argument: backward sums it back (an array layer says so in its own rule).
        const [from, to] = [graph.shape(argument), shapeOf(grad)];
        const broadcast = !sameShape(from, to) && !('arrays' in graph.layer(node)!.constructor) ? { from, to } : undefined;
        shares.push({ position, argument, slope: slopes[position], share, ...(broadcast === undefined ? {} : { broadcast }) });
        if (!received.has(argument)) received.set(argument, []);
        received.get(argument)!.push(share);
      });
    }
    steps.push({ pass: 'backward', step: numbers.get(node)!, node, grad, shares });
  }
  for (let node = 0; node < graph.size; node++) if (graph.isInput(node)) sum(node);
  return steps;
}
