import { assertAgreement, check } from './check.js';
import { InputError } from './errors.js';
import type { Program } from './graph.js';
import { renderDot } from './render/dot.js';
import { jsonChunks } from './render/json.js';
import { renderMermaid } from './render/mermaid.js';
import { evaluate } from './result.js';
import { trace } from './trace.js';

/** What the command line asks of one program, once argv is read and color decided. */
export interface ReportOptions {
  json?: boolean;
  format: 'table' | 'json' | 'dot' | 'mermaid' | 'svg';
  all?: boolean;
  precision?: number;
  steps?: boolean;
  graph?: boolean;
  check?: boolean;
  color: boolean;
}

/**
 * Runs a program in the mode the options ask for and gives the output, in the pieces it is
 * to be written in. Everything that can fail has run when this returns.
 */
export async function report(source: Program, options: ReportOptions): Promise<string | Iterable<string>> {
  if (options.json && options.format !== 'table' && options.format !== 'json') {
    throw new InputError(`--json and --format ${options.format} ask for two forms: give one`);
  }
  const format = options.json ? 'json' : options.format;
  const views = (['steps', 'graph', 'check'] as const).filter((view) => options[view]);
  if ((format === 'dot' || format === 'mermaid' || format === 'svg') && views.length > 0) {
    throw new InputError(`--${views[0]} shows text or JSON: it does not go with --format ${format}`);
  }
  const result = evaluate(source);
  const checked = options.check ? check(result) : undefined;
  if (checked !== undefined) assertAgreement(result, checked);
  const steps = options.steps ? trace(result) : undefined;
  const digits = options.precision;
  if (format === 'json') return jsonChunks(result, { digits, steps, graph: options.graph, check: checked });
  if (format === 'dot') return renderDot(result, digits ?? 12);
  if (format === 'mermaid') return renderMermaid(result, digits ?? 12);
  if (format === 'svg') {
    // Loaded only for a picture: it brings Graphviz, compiled to WebAssembly.
    const { renderSvg } = await import('./render/svg.js');
    return renderSvg(result, digits ?? 12);
  }
  // Loaded only for text: a script asking for JSON does not pay for chalk and cli-table3.
  const { renderText } = await import('./render/text.js');
  return renderText(result, {
    color: options.color,
    digits: digits ?? 12,
    all: options.all === true,
    steps,
    tree: options.graph === true,
    check: checked,
  });
}
