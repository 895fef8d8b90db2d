import type { LayerClass } from '../layers.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';

/**
 * The graph in Graphviz's DOT language, edges in the direction data flows (inputs to
 * output): `backprop … --format dot | dot -Tsvg > graph.svg`.
 */
export function renderDot(result: Result, digits: number): string {
  // In a DOT string only " and \ need escaping; \n is its line break.
  const quote = (lines: string[]) => `"${lines.map((line) => line.replace(/["\\]/g, '\\$&')).join('\\n')}"`;
  const shapes = { input: 'box', constant: 'plaintext', operation: 'ellipse', output: 'doubleoctagon' };
  const lines = [
    'digraph backprop {',
    '  rankdir=LR;',
    `  label=${quote([`∂ = ∂${result.outputName}/∂node`])};`,
    '  labelloc=t;',
    '  graph [fontname="Helvetica"];',
    '  node [fontname="Helvetica"];',
  ];
  for (const { id, kind, text, args } of diagramNodes(result, digits)) {
    lines.push(`  n${id} [label=${quote(text)}, shape=${shapes[kind]}];`);
    for (const arg of args) lines.push(`  n${arg} -> n${id};`);
  }
  return `${lines.join('\n')}\n}\n`;
}

export interface DiagramNode {
  id: number;
  kind: 'input' | 'constant' | 'operation' | 'output';
  /** What the node shows, a line each: operation and name, value, gradient. */
  text: string[];
  args: number[];
}

/** Every node of the graph as a diagram draws it: shared by the DOT and Mermaid forms. */
export function diagramNodes({ graph, output, outputName }: Result, digits: number): DiagramNode[] {
  const number = (x: number) => formatNumber(x, digits);
  return Array.from({ length: graph.size }, (_, id): DiagramNode => {
    const layer = graph.layer(id);
    const name = id === output ? outputName : graph.name(id);
    if (layer === undefined && name === undefined) return { id, kind: 'constant', text: [number(graph.value(id))], args: [] };
    const symbol = layer === undefined ? '' : (layer.constructor as LayerClass).symbol;
    return {
      id,
      kind: id === output ? 'output' : layer === undefined ? 'input' : 'operation',
      text: [[symbol, name].filter(Boolean).join(' '), `= ${number(graph.value(id))}`, `∂ ${number(graph.grad(id))}`],
      args: layer === undefined ? [] : graph.args(id),
    };
  });
}
