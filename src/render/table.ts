import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';

export interface TableOptions {
  color: boolean;
  digits: number;
  all: boolean;
}

/**
 * The output line, then a table of the inputs (and with `all` the intermediates): name,
 * value, gradient. Color comes only from the chalk made here, so that the caller's one
 * decision holds for the text and the borders alike; cli-table3's own styling stays off.
 */
export function renderTable(result: Result, { color, digits, all }: TableOptions): string {
  const { graph, outputName } = result;
  const paint = new Chalk({ level: color ? 1 : 0 });
  const number = (x: number) => formatNumber(x, digits);
  const column = all ? 'name' : 'input';
  const table = new Table({
    head: [column, 'value', `∂${outputName}/∂${column}`].map((text) => paint.bold(text)),
    colAligns: ['left', 'right', 'right'],
    style: { head: [], border: [] },
  });
  // One row a section, a line a node: the table then rules off the sections and nothing else.
  const section = (nodes: number[], name: (text: string) => string) => [
    nodes.map((node) => name(graph.names[node]!)).join('\n'),
    nodes.map((node) => number(graph.values[node])).join('\n'),
    nodes.map((node) => paint.yellow(number(graph.grads[node]))).join('\n'),
  ];
  if (result.inputs.length > 0) table.push(section(result.inputs, paint.cyan));
  if (all && result.intermediates.length > 0) table.push(section(result.intermediates, paint.magenta));
  // Names are letters, digits and _, so box-drawing characters can only be the borders.
  const box = table.toString().replace(/[─│┌┐└┘├┤┬┴┼]+/g, (line) => paint.dim(line));
  return `${paint.bold(outputName)} = ${paint.bold.green(number(result.value))}\n${box}\n`;
}
