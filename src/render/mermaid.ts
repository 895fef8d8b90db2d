import { drawnSymbol, shownName } from '../notation.js';
import { en, type Messages } from '../messages/index.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';

/**
 * The graph as a Mermaid flowchart, which renders inside a Markdown page. What ∂ means is the
 * diagram's title, so that it shows once drawn.
 */
export function renderMermaid(result: Result, digits: number, words: Messages = en): string {
  const shapes = { input: ['[', ']'], constant: ['([', '])'], operation: ['(', ')'], output: ['((', '))'] };
  const lines = ['---', `title: "${words.mermaidTitle(result.outputName)}"`, '---', 'flowchart LR'];
  for (const { id, kind, text, args } of diagramNodes(result, digits, words.undefinedNumber)) {
    const [open, close] = shapes[kind];
    lines.push(`  n${id}${open}"${text.join('<br>').replace(/"/g, '#quot;')}"${close}`);
    for (const arg of args) lines.push(`  n${arg} --> n${id}`);
  }
  return `${lines.join('\n')}\n`;
}

interface DiagramNode {
  id: number;
  kind: 'input' | 'constant' | 'operation' | 'output';
  /** What the node shows, a line each: operation and name, value, gradient. */
  text: string[];
  args: number[];
}

/** Every node of the graph as the flowchart draws it. */
function diagramNodes(result: Result, digits: number, nan: string): DiagramNode[] {
  const { graph, output } = result;
  const number = (x: number) => formatNumber(x, digits, nan);
  return Array.from({ length: graph.size }, (_, id): DiagramNode => {
    const layer = graph.operation(id);
    // A lone input is the output: it keeps its own name.
    const name = graph.name(id) ?? shownName(result, id);
    if (layer === undefined && name === undefined) return { id, kind: 'constant', text: [number(graph.value(id))], args: [] };
    const symbol = layer === undefined ? '' : drawnSymbol(layer);
    return {
      id,
      kind: id === output ? 'output' : layer === undefined ? 'input' : 'operation',
      text: [[symbol, name].filter(Boolean).join(' '), `= ${number(graph.value(id))}`, `∂ ${number(graph.grad(id))}`],
      args: layer === undefined ? [] : graph.args(id),
    };
  });
}
