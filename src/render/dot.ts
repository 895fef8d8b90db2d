import stringWidth from 'string-width';
import { drawnSymbol } from '../notation.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';
import { en, type Messages } from '../messages/index.js';
import type { Tensor, Value } from '../tensor.js';
import { arrayLines, shapeLabel } from './array-text.js';
import { drawn, drawnWhole, gradientOf, sharesOf } from './picture.js';

/** Helvetica for Latin text, then fonts with Hangul and kana, then whatever sans-serif there is. */
export const FONTS = 'Helvetica,Arial,Noto Sans CJK KR,Noto Sans CJK JP,Noto Sans CJK SC,sans-serif';

const GRADIENT_COLOR = 'red';
const NAME_COLOR = 'gray40';

/**
 * The graph in Graphviz's DOT language, drawn as the book draws it: data flowing left to
 * right, inputs as plain labels, each operation a circle with its symbol, and on every edge
 * the value going forward above the arrow and the gradient coming back below it, in red.
 * `backprop … --format dot | dot -Tsvg > graph.svg`.
 *
 * The numbers on an edge are a node of their own, a table with a rule between its two rows;
 * the edge runs into its left end and out of its right end, so the rule is the arrow's
 * middle, with the value above it and the gradient below (an edge label of Graphviz's own
 * would sit beside the arrow, not across it).
 */
export function renderDot(result: Result, digits: number, fonts = FONTS, words: Messages = en): string {
  return [...dotLines(result, digits, fonts, words)].join('');
}

/** The same text a node at a time, to be written as it is made. */
export function* dotLines(result: Result, digits: number, fonts = FONTS, words: Messages = en): Generator<string> {
  const { graph, output } = result;
  const outputName = drawn(result.outputName);
  const number = (x: number) => formatNumber(x, digits, words.undefinedNumber);
  // An array's rows in a fixed-width font, each set to the left, so that its columns line up.
  const rows = (tensor: Tensor) => `<FONT FACE="Courier">${arrayLines(tensor, number).map((row) => `${text(row)}<BR ALIGN="LEFT"/>`).join('')}</FONT>`;
  // A value: a number, or an array's shape (2×3) with its rows where it is drawn whole.
  const shown = (value: Value) => (typeof value === 'number' ? number(value) : drawnWhole(value) ? `${shapeLabel(value)}<BR/>${rows(value)}` : shapeLabel(value));
  // A gradient: a number, or an array's rows (its shape is its value's), or the shape of one too large.
  const shownGradient = (value: Value) => (typeof value === 'number' ? number(value) : drawnWhole(value) ? rows(value) : shapeLabel(value));
  const uses = new Array<number>(graph.size).fill(0);
  for (let node = 0; node < graph.size; node++) for (const arg of graph.args(node)) uses[arg]++;

  yield `${[
    'digraph backprop {',
    '  rankdir=LR;',
    '  ranksep=0.25;',
    '  nodesep=0.2;',
    `  label=<${text(words.legendForward)}<BR/><FONT COLOR="${GRADIENT_COLOR}">${text(words.legendBackward(`∂${outputName}/∂${words.value}`))}</FONT>>;`,
    '  labelloc=b;',
    '  fontsize=11;',
    `  graph [fontname="${fonts}"];`,
    `  node [fontname="${fonts}"];`,
    '  edge [arrowsize=0.7];',
  ].join('\n')}\n`;
  // What travels along one edge, from `from` on: its value, and the gradient sent back to it.
  const edge = (from: number, to: string, id: string, value: Value, grad: Value | undefined, given?: string): string => {
    const name = given === undefined ? undefined : drawn(given);
    const above =
      name === undefined
        ? `<TD>${shown(value)}</TD>`
        : `<TD${cellWidth(name)}><FONT COLOR="${NAME_COLOR}">${text(name)}</FONT></TD><TD>= ${shown(value)}</TD>`;
    const below = grad === undefined ? '&#160;' : `<FONT COLOR="${GRADIENT_COLOR}">${shownGradient(grad)}</FONT>`;
    const table = `<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2"><TR>${above}</TR><HR/><TR><TD COLSPAN="2">${below}</TD></TR></TABLE>`;
    // Unclipped, the two halves of the edge meet the rule's ends exactly.
    return `  ${id} [shape=plain, label=<${table}>];\n  n${from} -> ${id}:w [arrowhead=none, headclip=false];\n  ${id}:e -> ${to} [tailclip=false];\n`;
  };

  for (let node = 0; node < graph.size; node++) {
    const layer = graph.layer(node);
    if (layer === undefined) {
      const given = graph.name(node);
      if (given === undefined) {
        // A constant no node uses (one a derivative's graph folded away, as × 1) is not drawn.
        if (uses[node] === 0) continue;
        const value = graph.valueOf(node);
        const label = typeof value === 'number' ? `"${number(value)}"` : `<${shown(value)}>`;
        yield `  n${node} [label=${label}, shape=plaintext];\n`;
        continue;
      }
      const name = drawn(given);
      if (uses[node] > 1) {
        // A value used in several places gets a share back along each edge: its gradient is their sum.
        const grad = gradientOf(graph, node);
        // An array's rows start a line of their own, so that they line up.
        const total = `<FONT COLOR="${GRADIENT_COLOR}">∂${typeof grad !== 'number' && drawnWhole(grad) ? '<BR/>' : ' '}${shownGradient(grad)}</FONT>`;
        yield `  n${node} [label=<${text(name)}<BR/>${total}>, shape=plaintext${nodeWidth(name)}];\n`;
      } else {
        yield `  n${node} [label="${text(name)}", shape=plaintext${nodeWidth(name)}];\n`;
      }
      continue;
    }
    const symbol = drawnSymbol(graph.operation(node)!);
    // A one-character symbol (×, +) is drawn large, as in the book; a word (sigmoid) smaller.
    yield `  n${node} [label="${text(symbol)}", shape=circle, fontsize=${[...symbol].length === 1 ? 20 : 12}, margin=0.02];\n`;
    const shares = sharesOf(graph, node);
    for (const [position, arg] of graph.args(node).entries()) {
      const name = graph.layer(arg) === undefined ? undefined : graph.name(arg);
      yield edge(arg, `n${node}`, `e${node}_${position}`, graph.valueOf(arg), graph.isConstant(arg) ? undefined : shares[position], name);
    }
  }
  yield `  out [label="${text(outputName)}", shape=plaintext${nodeWidth(outputName)}];\n`;
  yield `${edge(output, 'out', 'e_out', result.value, graph.grad(output))}}\n`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\\': '\\\\' };

/**
 * Text as it reads inside a quoted label or an HTML-like one alike: Graphviz decodes entities
 * in both, and takes a backslash in both as the start of an escape of its own (\N is the
 * node's name), so a name from the library can neither end its label nor add attributes
 * (URL="javascript:…"), and shows as it is.
 */
function text(plain: string): string {
  return plain.replace(/[&<>"\\]/g, (c) => ESCAPES[c]);
}

/**
 * A name's width in points at this font size, when Graphviz cannot be trusted to measure it:
 * without fonts (as in WebAssembly) it counts a Hangul or kana character as a space, which is
 * a quarter of its width. Only names beyond ASCII need it.
 */
function points(name: string, fontsize: number): number | undefined {
  if (!/[^\x20-\x7e]/.test(name)) return undefined;
  return Math.ceil(stringWidth(name) * 0.6 * fontsize) + 8;
}

function nodeWidth(name: string): string {
  const width = points(name, 14);
  return width === undefined ? '' : `, width=${(width / 72).toFixed(2)}`;
}

function cellWidth(name: string): string {
  const width = points(name, 14);
  return width === undefined ? '' : ` WIDTH="${width}"`;
}
