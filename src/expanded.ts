import { Graph, type Expansion } from './graph.js';
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
  // Each kind's expanded form on its own, away from the rest of the program: built once, run at each composite's value.
  const alone = new Map<Expansion['layer'], { form: Graph; at: number; out: number }>();
  for (const { node, input, layer: Layer } of expanded) {
    if (notes.length === MOST_NOTES) break;
    const x = graph.value(input);
    const fused = new Layer();
    const value = fused.forward(x);
    const slope = fused.backward(1)[0];
    const number = (v: number) => formatNumber(v, 6);
    const written = `${operationOf(Layer)!.symbol}(${label(graph, input)})`;
    if (!near(graph.value(node), value)) {
      notes.push(text('expandLosesValue', written, number(x), number(graph.value(node)), number(value)));
      continue;
    }
    let own = alone.get(Layer);
    if (own === undefined) {
      const form = new Graph();
      const at = form.input('x', x);
      own = { form, at, out: Layer.expand!(form, at) };
      alone.set(Layer, own);
    }
    own.form.setValue(own.at, x);
    own.form.forward();
    own.form.backward(own.out);
    const expandedSlope = own.form.grad(own.at);
    if (!near(expandedSlope, slope)) notes.push(text('expandLosesSlope', written, number(x), number(expandedSlope), number(slope)));
  }
  return notes;
}

function near(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= ROUNDING * Math.max(Math.abs(a), Math.abs(b));
}
