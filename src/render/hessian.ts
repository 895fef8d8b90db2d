import { en, type Messages } from '../messages/index.js';
import { DIGITS, formatNumber } from '../numbers.js';
import type { Result } from '../result.js';
import type { Paint } from './paint.js';
import { cellWidth, fit } from './wrap.js';

/**
 * The Hessian of --order 2 on several inputs: a square table, a row and a column an input,
 * symmetric as second derivatives are, under a line that says what it holds and what it cost.
 */
export function renderHessian(result: Result, paint: Paint, digits = DIGITS, width = Infinity, words: Messages = en): string {
  const { graph, inputs, order } = result;
  const rows = order!.hessian!;
  const names = inputs.map((input) => graph.name(input)!);
  const cells = [['', ...names], ...rows.map((row, i) => [names[i], ...row.map((x) => formatNumber(x, digits, words.undefinedNumber))])];
  const widths = cells[0].map((_, j) => Math.max(...cells.map((row) => cellWidth(row[j]))));
  const rule = (left: string, middle: string, end: string) => paint.dim(`${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${end}`);
  const bar = paint.dim('│');
  const line = (row: string[], i: number) =>
    `${bar} ${row
      .map((cell, j) => {
        const blank = ' '.repeat(widths[j] - cellWidth(cell));
        if (j === 0) return paint.cyan(cell) + blank;
        return blank + (i === 0 ? paint.bold(cell) : paint.yellow(cell));
      })
      .join(` ${bar} `)} ${bar}`;
  return [
    fit(paint.bold(words.hessianTitle(order!.outputName, order!.passes!)), width),
    rule('┌', '┬', '┐'),
    line(cells[0], 0),
    rule('├', '┼', '┤'),
    ...cells.slice(1).map((row, i) => line(row, i + 1)),
    rule('└', '┴', '┘'),
  ].join('\n') + '\n';
}
