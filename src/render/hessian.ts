import { en, type Messages } from '../messages/index.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';
import type { Paint } from './paint.js';
import { borders, digitTries } from './grid.js';
import { cellWidth, fit } from './wrap.js';

/**
 * The Hessian of --order 2 on several inputs: a square table, a row and a column an input (an
 * element, for arrays), symmetric as second derivatives are, under a line that says what it
 * holds and what it cost. With no digits `given`, numbers take as many significant digits as
 * let it fit `width` columns, as the table above does; where even the fewest do not, its
 * columns are cut into blocks that each fit, one under the other, each with every row.
 */
export function renderHessian(result: Result, paint: Paint, given?: number, width = Infinity, words: Messages = en): string {
  const { order } = result;
  const names = order!.names!;
  const cellsAt = (digits: number) => [['', ...names], ...order!.hessian!.map((row, i) => [names[i], ...row.map((x) => formatNumber(x, digits, words.undefinedNumber))])];
  const widthsOf = (cells: string[][]) => cells[0].map((_, j) => Math.max(...cells.map((row) => cellWidth(row[j]))));
  // A line of a table of these columns: its borders and its cells.
  const across = (widths: number[]) => borders(widths.length) + widths.reduce((sum, w) => sum + w, 0);
  const [most, ...fewer] = digitTries(given);
  let cells = cellsAt(most);
  let widths = widthsOf(cells);
  for (const digits of fewer) {
    if (across(widths) <= width) break;
    cells = cellsAt(digits);
    widths = widthsOf(cells);
  }

  const block = (columns: number[]) => {
    const shown = [0, ...columns];
    const rule = (left: string, middle: string, end: string) => paint.dim(`${left}${shown.map((j) => '─'.repeat(widths[j] + 2)).join(middle)}${end}`);
    const bar = paint.dim('│');
    const line = (row: string[], i: number) =>
      `${bar} ${shown
        .map((j) => {
          const cell = row[j];
          const blank = ' '.repeat(widths[j] - cellWidth(cell));
          if (j === 0) return paint.cyan(cell) + blank;
          return blank + (i === 0 ? paint.bold(cell) : paint.yellow(cell));
        })
        .join(` ${bar} `)} ${bar}`;
    return [rule('┌', '┬', '┐'), line(cells[0], 0), rule('├', '┼', '┤'), ...cells.slice(1).map((row, i) => line(row, i + 1)), rule('└', '┴', '┘')].join('\n');
  };
  // The columns in blocks, each as many as fit beside the names (at least one).
  const blocks: number[][] = [];
  for (let j = 1; j < widths.length; j++) {
    const last = blocks.at(-1);
    if (last !== undefined && across([widths[0], ...[...last, j].map((k) => widths[k])]) <= width) last.push(j);
    else blocks.push([j]);
  }
  return `${fit(paint.bold(words.hessianTitle(order!.outputName, order!.passes!)), width)}\n${blocks.map(block).join('\n\n')}\n`;
}
