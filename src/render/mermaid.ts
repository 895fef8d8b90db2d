import { drawnSymbol, shownName } from '../notation.js';
import { en, type Messages } from '../messages/index.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';
import { drawn, drawnLines, gradientOf } from './picture.js';

/**
 * The graph as a Mermaid flowchart, which renders inside a Markdown page. What ∂ means is the
 * diagram's title, so that it shows once drawn.
 */
export function renderMermaid(result: Result, digits: number, words: Messages = en): string {
  return [...mermaidLines(result, digits, words)].join('');
}

/** The same lines one at a time, each with its line break, to be written as they are made. */
export function* mermaidLines(result: Result, digits: number, words: Messages = en): Generator<string> {
  const shapes = { input: ['[', ']'], constant: ['([', '])'], operation: ['(', ')'], output: ['((', '))'] };
  // A string of JSON is one of YAML too: a quote or a backslash in the name cannot end it.
  yield `---\ntitle: ${JSON.stringify(words.mermaidTitle(drawn(result.outputName)))}\n---\nflowchart LR\n`;
  const number = (x: number) => formatNumber(x, digits, words.undefinedNumber);
  for (let node = 0; node < result.graph.size; node++) {
    const { id, kind, text, args } = diagramNode(result, node, number);
    const [open, close] = shapes[kind];
    yield `  n${id}${open}"${text.map(escaped).join('<br>')}"${close}\n`;
    for (const arg of args) yield `  n${arg} --> n${id}\n`;
  }
}

interface DiagramNode {
  id: number;
  kind: 'input' | 'constant' | 'operation' | 'output';
  /** What the node shows, a line each: operation and name, value, gradient. */
  text: string[];
  args: number[];
}

/** A node as the flowchart draws it. */
function diagramNode(result: Result, id: number, number: (x: number) => string): DiagramNode {
  const { graph, output } = result;
  const op = graph.operation(id);
  // A lone input is the output: it keeps its own name.
  const given = graph.name(id) ?? shownName(result, id);
  const name = given === undefined ? undefined : drawn(given);
  const value = graph.valueOf(id);
  if (op === undefined && name === undefined) return { id, kind: 'constant', text: drawnLines(value, number), args: [] };
  const symbol = op === undefined ? '' : drawnSymbol(op);
  const grad = gradientOf(graph, id);
  const title = [symbol, name].filter(Boolean).join(' ');
  return {
    id,
    kind: id === output ? 'output' : op === undefined ? 'input' : 'operation',
    text:
      typeof value === 'number' && typeof grad === 'number'
        ? [title, `= ${number(value)}`, `∂ ${number(grad)}`]
        : [title, ...marked('=', drawnLines(value, number)), ...marked('∂', drawnLines(grad, number, true))],
    args: op === undefined ? [] : graph.args(id),
  };
}

/** Lines with the first marked (`= (2×3)`, `∂ [[1 2]`): an array's other rows follow it. */
function marked(mark: string, [first, ...rest]: string[]): string[] {
  return [`${mark} ${first}`, ...rest];
}

const ESCAPES: Record<string, string> = { '#': '#35;', '&': '#amp;', '<': '#lt;', '>': '#gt;', '"': '#quot;' };

/**
 * A line of a node's text in Mermaid's own escapes, which it turns into HTML's: Mermaid draws
 * a label as HTML, so a name from the library could otherwise end the label or add markup.
 */
function escaped(line: string): string {
  return line.replace(/[#&<>"]/g, (c) => ESCAPES[c]);
}
