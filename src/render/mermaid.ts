import type { Result } from '../result.js';
import { diagramNodes } from './dot.js';

/** The graph as a Mermaid flowchart, which renders inside a Markdown page. */
export function renderMermaid(result: Result, digits: number): string {
  const shapes = { input: ['[', ']'], constant: ['([', '])'], operation: ['(', ')'], output: ['((', '))'] };
  const lines = ['flowchart LR', `  %% ∂ = ∂${result.outputName}/∂node`];
  for (const { id, kind, text, args } of diagramNodes(result, digits)) {
    const [open, close] = shapes[kind];
    lines.push(`  n${id}${open}"${text.join('<br>').replace(/"/g, '#quot;')}"${close}`);
    for (const arg of args) lines.push(`  n${arg} --> n${id}`);
  }
  return `${lines.join('\n')}\n`;
}
