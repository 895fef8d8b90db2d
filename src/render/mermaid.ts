import { drawnSymbol, shownName } from '../notation.js';
import { en, type Messages } from '../messages/index.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';

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
  yield `---\ntitle: "${words.mermaidTitle(result.outputName)}"\n---\nflowchart LR\n`;
  const number = (x: number) => formatNumber(x, digits, words.undefinedNumber);
  for (let node = 0; node < result.graph.size; node++) {
    const { id, kind, text, args } = diagramNode(result, node, number);
    const [open, close] = shapes[kind];
    yield `  n${id}${open}"${text.join('<br>').replace(/"/g, '#quot;')}"${close}\n`;
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
  const name = graph.name(id) ?? shownName(result, id);
  if (op === undefined && name === undefined) return { id, kind: 'constant', text: [number(graph.value(id))], args: [] };
  const symbol = op === undefined ? '' : drawnSymbol(op);
  return {
    id,
    kind: id === output ? 'output' : op === undefined ? 'input' : 'operation',
    text: [[symbol, name].filter(Boolean).join(' '), `= ${number(graph.value(id))}`, `∂ ${number(graph.grad(id))}`],
    args: op === undefined ? [] : graph.args(id),
  };
}
