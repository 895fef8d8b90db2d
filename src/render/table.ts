import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Check, InputCheck } from '../check.js';
import { en, type Messages } from '../messages/index.js';
import { givenValue, label } from '../notation.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';

/**
 * The output line, then a table of the inputs (with `all`, the intermediates too): name,
 * value, gradient, and with a check the numerical gradient beside it. All color comes from
 * `paint`, so that one decision holds for text and borders alike; cli-table3's own styling
 * stays off.
 */
export function renderTable(result: Result, paint: ChalkInstance, digits: number, all: boolean, check?: Check, words: Messages = en): string {
  const { graph, outputName } = result;
  const number = (x: number) => formatNumber(x, digits);
  const column = all ? words.name : words.input;
  const head = [column, words.value, `∂${outputName}/∂${column}`];
  if (check !== undefined) head.push(words.numerical, words.relativeError, words.check);
  const table = new Table({
    head: head.map((text) => paint.bold(text)),
    colAligns: ['left', 'right', 'right', 'right', 'right', 'left'],
    style: { head: [], border: [] },
  });
  const checks = new Map<number, InputCheck>(check?.inputs.map((input) => [input.node, input]));
  const verdict = ({ verdict, kink }: InputCheck) => {
    if (verdict === 'kink') return paint.magenta(words.kinkAt(label(graph, kink!)));
    if (verdict === 'domain') return paint.magenta(words.leavesDomain);
    return verdict === 'agrees' ? paint.green(words.agrees) : paint.red(words.disagrees);
  };
  // One row a section, one line a node: the table then rules off the sections and nothing else.
  const section = (nodes: number[], name: (text: string) => string) => {
    const cells = [
      nodes.map((node) => name(graph.name(node)!)),
      nodes.map((node) => (graph.isInput(node) ? givenValue(result, node) : number(graph.value(node)))),
      nodes.map((node) => paint.yellow(number(graph.grad(node)))),
    ];
    if (check !== undefined) {
      const found = nodes.map((node) => checks.get(node));
      cells.push(
        found.map((input) => (input === undefined ? '' : Number.isFinite(input.numerical) ? number(input.numerical) : '–')),
        found.map((input) => (input === undefined ? '' : Number.isFinite(input.error) ? formatNumber(input.error, 2) : '–')),
        found.map((input) => (input === undefined ? '' : verdict(input))),
      );
    }
    return cells.map((lines) => lines.join('\n'));
  };
  if (result.inputs.length > 0) table.push(section(result.inputs, paint.cyan));
  if (all && result.intermediates.length > 0) table.push(section(result.intermediates, paint.magenta));
  // Names are letters, digits and _, so box-drawing characters can only be the borders.
  const box = table.toString().replace(/[─│┌┐└┘├┤┬┴┼]+/g, (line) => paint.dim(line));
  return `${paint.bold(outputName)} = ${paint.bold.green(number(result.value))}\n${box}\n`;
}
