import Table from 'cli-table3';
import type { Nudge } from '../nudge.js';
import { en, type Messages } from '../messages/index.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';
import { fit } from './wrap.js';
import type { Paint } from './paint.js';

/**
 * One row per nudge: the change, the gradient's prediction of the output's change
 * (gradient × change), the output before and after, its real change and the difference.
 */
export function renderNudges({ graph, outputName }: Result, nudges: Nudge[], paint: Paint, digits: number, width = Infinity, words: Messages = en): string {
  const number = (x: number) => formatNumber(x, digits, words.undefinedNumber);
  const signed = (x: number) => (x < 0 ? number(x) : `+${number(x)}`);
  const table = new Table({
    head: [words.nudge, words.predicted(outputName), outputName, words.actual(outputName), words.difference].map((text) => paint.bold(text)),
    colAligns: ['left', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  // One row, a line a nudge: the table then rules off nothing between them.
  const column = (cell: (nudge: Nudge) => string) => nudges.map(cell).join('\n');
  table.push([
    column(({ node, change, percent }) => paint.cyan(`${graph.name(node)}=${percent === undefined ? signed(change) : `${signed(percent)}% (${signed(change)})`}`)),
    column(({ node, change, predicted }) => `${number(graph.grad(node))} × ${number(change)} = ${paint.yellow(number(predicted))}`),
    column(({ output, nudgedOutput }) => `${number(output)} → ${number(nudgedOutput)}`),
    column(({ actual }) => paint.green(number(actual))),
    column(({ difference }) => (difference === 0 ? '0' : paint.magenta(number(difference)))),
  ]);
  const box = table.toString().replace(/[─│┌┐└┘├┤┬┴┼]+/g, (line) => paint.dim(line));
  return `${box}\n${paint.dim(fit(words.nudgeNote, width))}\n`;
}
