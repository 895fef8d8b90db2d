import { cut, printable } from '../errors.js';
import type { Graph } from '../graph.js';
import { Tensor, type Value } from '../tensor.js';
import { arrayLines, shapeLabel, SMALL } from './array-text.js';

/**
 * The significant digits a picture (SVG, DOT, Mermaid, the live page's drawing) shows unless
 * --precision says otherwise: enough to follow the numbers, few enough that a picture stays
 * as narrow as its graph (12 digits made the expanded sigmoid half again as wide).
 */
export const PICTURE_DIGITS = 6;

/**
 * A name or a label as a picture shows it: cut as an error message cuts it, and its control,
 * bidi and other unprintable characters written as escapes. A name given through the library
 * may hold any character, and one of megabytes would take Graphviz many seconds to lay out.
 * Escaping for the picture's language is left to each renderer.
 */
export function drawn(name: string): string {
  return printable(cut(name));
}

/**
 * Whether a picture shows an array's numbers, or its shape alone: the numbers of one of SMALL
 * rows and columns at most can be read on an arrow; the book's 784×50 weights would be 39,200.
 */
export function drawnWhole(tensor: Tensor): boolean {
  return tensor.rows <= SMALL && tensor.columns <= SMALL;
}

/**
 * What a picture writes for a value, a line each: a number; an array's shape, then its rows
 * where it is drawn whole. A gradient's shape is its value's, said already: a gradient is
 * its rows, or its shape where it is too large to draw.
 */
export function drawnLines(value: Value, number: (x: number) => string, gradient = false): string[] {
  if (typeof value === 'number') return [number(value)];
  if (!drawnWhole(value)) return [shapeLabel(value)];
  const rows = arrayLines(value, number);
  return gradient ? rows : [shapeLabel(value), ...rows];
}

/** ∂output/∂node, a number or an array; zeros for an array that no gradient reached. */
export function gradientOf(graph: Graph, node: number): Value {
  return graph.hasArrays ? graph.gradOf(node) : graph.grad(node);
}

/** What an operation sends back along the arrow of each argument: a number, an array, or nothing (labels). */
export function sharesOf(graph: Graph, node: number): (Value | undefined)[] {
  return graph.hasArrays ? graph.sentValues(node, gradientOf(graph, node)) : graph.sent(node, graph.grad(node));
}
