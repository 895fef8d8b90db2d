import { Graph } from './graph.js';
import { text, type Said } from './messages/index.js';
import { label } from './notation.js';
import { formatNumber } from './numbers.js';
import { operationOf } from './operations.js';
import type { Result } from './result.js';

/** Two numbers this close (relatively) are one number computed two ways, rounding apart. */
const ROUNDING = 1e-9;
/** How many of the places an expanded form loses are told: one is enough to see it. */
const MOST_NOTES = 3;

/**
 * Where --expand loses what the fused layer keeps: the book's forms (1 / (1 + exp(−x)) for
 * the sigmoid) are there to be taught, and they overflow, underflow or cancel at the far
 * ends where the fused layers do not. Each composite built from primitive nodes is set
 * beside its fused layer at the value it got: where its value or its slope is not the fused
 * one's within rounding, a note names it, so that --expand never misleads in silence.
 */
export function expansionLosses(result: Result): Said[] {
  const { graph, expanded = [] } = result;
  const notes: Said[] = [];
  for (const { node, input, layer: Layer } of expanded) {
    if (notes.length === MOST_NOTES) break;
    const x = graph.value(input);
    const fused = new Layer();
    const value = fused.forward(x);
    const slope = fused.backward(1)[0];
    // The expanded form's own slope, away from the rest of the program.
    const alone = new Graph();
    const at = alone.input('x', x);
    const out = Layer.expand!(alone, at);
    alone.forward();
    alone.backward(out);
    const lost = [
      ['value', graph.value(node), value],
      ['slope', alone.grad(at), slope],
    ].find(([, expandedly, fusedly]) => !near(expandedly as number, fusedly as number));
    if (lost === undefined) continue;
    const [what, expandedly, fusedly] = lost as ['value' | 'slope', number, number];
    const number = (v: number) => formatNumber(v, 6);
    const written = `${operationOf(Layer)!.symbol}(${label(graph, input)})`;
    notes.push(text(what === 'value' ? 'expandLosesValue' : 'expandLosesSlope', written, number(x), number(expandedly), number(fusedly)));
  }
  return notes;
}

function near(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= ROUNDING * Math.max(Math.abs(a), Math.abs(b));
}
