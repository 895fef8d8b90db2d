import type { Viz } from '@viz-js/viz';
import { InputError } from '../errors.js';
import type { Result } from '../result.js';
import { FONTS, renderDot } from './dot.js';
import { en, text, type Messages } from '../messages/index.js';

/**
 * Past this many nodes a picture is unreadable and Graphviz's layout takes seconds; the DOT
 * form still serves for a graph that large.
 */
export const MAX_DRAWN_NODES = 2000;

let graphviz: Promise<Viz> | undefined;

/** Refuses a graph of `nodes` nodes that is too large to draw: known once it is parsed, before it is computed. */
export function drawable(nodes: number): void {
  if (nodes > MAX_DRAWN_NODES) throw new InputError(text('svgTooLarge', nodes, MAX_DRAWN_NODES));
}

/**
 * The graph drawn as the book draws it (see renderDot), as SVG text. Graphviz lays it out in
 * this process, compiled to WebAssembly (@viz-js/viz), so no `dot` needs to be installed.
 */
export async function renderSvg(result: Result, digits: number, words: Messages = en): Promise<string> {
  drawable(result.graph.size);
  // Loaded on first use: the module holds Graphviz itself, a megabyte to compile.
  graphviz ??= import('@viz-js/viz').then(({ instance }) => instance());
  // Graphviz in WebAssembly has no fonts, only Helvetica's metrics built in: it lays the text out
  // in Helvetica, and the picture then names the whole list, so Hangul and kana find a font.
  // An array's rows keep their fixed-width font (Courier, then monospace), which lines them up.
  const svg = (await graphviz).renderString(renderDot(result, digits, 'Helvetica', words), { format: 'svg' });
  return svg.replace(/font-family="Helvetica[^"]*"/g, `font-family="${FONTS}"`);
}
