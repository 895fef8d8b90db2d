import { shapeText, SMALL, type Tensor } from '../tensor.js';

export { SMALL };

/**
 * Arrays as text, the way NumPy prints them: rows in brackets, numbers separated by blanks
 * and lined up in their columns. An array with more than SMALL rows or columns is cut to its
 * corners, EDGE of each side with … between, unless all of it is asked for (--full).
 */

/** How many rows and columns of each side a cut array shows. */
const EDGE = 3;

/** Which indices of an axis of `n` are shown: all, or EDGE from each end with a gap (−1) between. */
function shown(n: number, full: boolean): number[] {
  if (full || n <= SMALL) return Array.from({ length: n }, (_, i) => i);
  return [...Array.from({ length: EDGE }, (_, i) => i), -1, ...Array.from({ length: EDGE }, (_, i) => n - EDGE + i)];
}

/**
 * An array on lines, each number written by `number`, its columns right-aligned:
 * `[[ 1 2.5]` / ` [10   3]]`. A vector is one line.
 */
export function arrayLines(tensor: Tensor, number: (x: number) => string, full = false): string[] {
  const rows = shown(tensor.rows, full);
  const columns = shown(tensor.columns, full);
  const cell = (i: number, j: number) => (i < 0 || j < 0 ? '…' : number(tensor.data[i * tensor.columns + j]));
  const texts = rows.map((i) => columns.map((j) => cell(i, j)));
  // Not Math.max(...): --full may give it more rows than a call takes arguments.
  const widths = columns.map((_, k) => texts.reduce((most, row) => Math.max(most, [...row[k]].length), 0));
  const line = (row: string[]) => `[${row.map((text, k) => text.padStart(widths[k])).join(' ')}]`;
  if (tensor.rank < 2) return [line(texts[0])];
  // The rows left out are one line of their own, as NumPy's ...
  return texts.map((row, r) => (rows[r] < 0 ? ' …' : `${r === 0 ? '[' : ' '}${line(row)}${r === texts.length - 1 ? ']' : ''}`));
}

/** An array on one line, for a picture or a step: `[[1 2] [3 4]]`, cut at its corners when large. */
export function arrayInline(tensor: Tensor, number: (x: number) => string): string {
  return arrayLines(tensor, number).map((line) => line.trim()).join(' ');
}

/** An array's shape, as the views write it: (2×3). */
export function shapeLabel(tensor: Tensor): string {
  return `(${shapeText(tensor.shape)})`;
}
