import type { Result } from './result.js';

/** One step of the forward pass: the operation node computed, in order. */
export interface ForwardStep {
  pass: 'forward';
  /** (1), (2), …: the book's numbering, kept by the backward pass. */
  step: number;
  node: number;
}

/** What backward sends to one argument: upstream gradient × local slope = share. */
export interface Share {
  /** 0 for the first argument (x), 1 for the second (y). */
  position: number;
  argument: number;
  slope: number;
  share: number;
}

export interface BackwardStep {
  pass: 'backward';
  step: number;
  node: number;
  /** The gradient arriving at the node: ∂output/∂node. */
  grad: number;
  /** One share per argument that is not a constant; none when grad is 0. */
  shares: Share[];
}

/** A value that feeds several nodes: its gradient is the sum of the shares sent back to it. */
export interface SumStep {
  pass: 'sum';
  node: number;
  shares: number[];
  grad: number;
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

  const received = new Map<number, number[]>();
  const sum = (node: number) => {
    const shares = received.get(node) ?? [];
    if (shares.length > 1) steps.push({ pass: 'sum', node, shares, grad: graph.grad(node) });
  };
  for (let node = output; node >= 0; node--) {
    if (graph.layer(node) === undefined) continue;
    if (node !== output) sum(node);
    const grad = graph.grad(node);
    const shares: Share[] = [];
    const sent = graph.sent(node, grad);
    // A gradient of 0 sends nothing back, unless it meets an infinite slope: 0 × ∞ is no number.
    if (grad !== 0 || sent.some((share) => !Number.isFinite(share))) {
      const slopes = graph.sent(node, 1);
      const args = graph.args(node);
      args.forEach((argument, position) => {
        if (graph.isConstant(argument)) return;
        shares.push({ position, argument, slope: slopes[position], share: sent[position] });
        if (!received.has(argument)) received.set(argument, []);
        received.get(argument)!.push(sent[position]);
      });
    }
    steps.push({ pass: 'backward', step: numbers.get(node)!, node, grad, shares });
  }
  for (let node = 0; node < graph.size; node++) if (graph.isInput(node)) sum(node);
  return steps;
}
