import type { Paint, Style } from './paint.js';
import { text } from '../messages/index.js';
import { DIGITS } from '../numbers.js';
import { tooLarge } from './limit.js';
import { cellWidth, fit, measure, wrapLines } from './wrap.js';

/** A cell's text, and how it is painted: the width is taken of the text alone. */
export type Cell = [text: string, color?: Style];

/** Significant digits in tables: DIGITS unless the screen is too narrow for them, and never fewer than this. */
export const FEWEST_DIGITS = 4;

/** The significant digits to try, most first: the `given` ones alone, else DIGITS down to FEWEST_DIGITS. */
export const digitTries = (given?: number): number[] => (given !== undefined ? [given] : Array.from({ length: DIGITS - FEWEST_DIGITS + 1 }, (_, i) => DIGITS - i));

/** The columns a row's borders take: `│ ` before the first cell, ` │ ` between two, ` │` after the last. */
export const borders = (columns: number) => 3 * columns + 1;

/** A table to draw: its headings, the columns aligned to the right, and its rows. */
export interface Grid {
  head: string[];
  right: boolean[];
  /**
   * The rows, their numbers to `digits` significant digits, in sections ruled off from each
   * other. Made anew for each pass over them, so that no row is kept.
   */
  sections: (digits: number) => Iterable<Iterable<Cell[]>>;
}

/** What one pass over the rows found of each column: its widest cell, its widest word, all its cells' columns together. */
interface Survey {
  widest: number[];
  word: number[];
  total: number[];
  rows: number;
  sections: number;
}

/** Output is written in pieces of about this many characters. */
const PIECE = 1 << 13;

/**
 * A table drawn to fit `screen` columns, a row at a time: its widths are found by passes
 * over the rows, each of which costs what the rows cost, and it is drawn in a last pass, in
 * pieces as they come, so that neither time nor memory grows faster than the rows.
 *
 * What gives way, in turn, when the table is too wide: headings are broken into lines (a
 * heading never narrows a column of numbers); numbers take fewer significant digits, down to
 * FEWEST_DIGITS, unless the digits were `given`; cells are broken into lines between words.
 * A screen too narrow even for that gets each row as a block of lines, its first cell, then
 * each other cell under its heading: there a line is wider than the screen only where a
 * single word is (a name longer than the screen is not broken). A table that would print too
 * much to be read is refused before anything is drawn. Gives the digits its numbers have.
 */
export function drawGrid(grid: Grid, paint: Paint, screen: number, given?: number): { digits: number; chunks: Iterable<string> } {
  const head = grid.head.map(measure);
  const tries = digitTries(given);
  let first: Survey | undefined;
  let survey: Survey | undefined;
  for (const digits of tries) {
    survey = surveyed(grid, digits);
    first ??= survey;
    const widths = columnWidths(grid.head, head, survey, screen, false);
    if (widths !== undefined) return { digits, chunks: boxed(grid, digits, widths, survey, paint) };
  }
  const widths = columnWidths(grid.head, head, survey!, screen, true);
  if (widths !== undefined) return { digits: tries.at(-1)!, chunks: boxed(grid, tries.at(-1)!, widths, survey!, paint) };
  return { digits: tries[0], chunks: stacked(grid, tries[0], first!, paint, screen) };
}

/** One pass over the rows, measuring each cell. */
function surveyed(grid: Grid, digits: number): Survey {
  const zeros = () => grid.head.map(() => 0);
  const survey: Survey = { widest: zeros(), word: zeros(), total: zeros(), rows: 0, sections: 0 };
  for (const section of grid.sections(digits)) {
    survey.sections++;
    for (const row of section) {
      survey.rows++;
      for (let i = 0; i < row.length; i++) {
        const [columns, word] = measure(row[i][0]);
        survey.widest[i] = Math.max(survey.widest[i], columns);
        survey.word[i] = Math.max(survey.word[i], word);
        survey.total[i] += columns;
      }
    }
  }
  return survey;
}

/**
 * The columns' widths within `screen`, or undefined where the table cannot fit it. A column
 * is never narrower than its heading's widest word, nor than its widest cell (or, when cells
 * may be broken, `wrap`, its widest word); the widest columns give way first.
 */
function columnWidths(headings: string[], head: [number, number][], survey: Survey, screen: number, wrap: boolean): number[] | undefined {
  // A heading of two kanji (開始) stays whole: a heading is broken only into lines of 4 columns or more.
  const least = head.map(([columns, word], i) => Math.max(word, Math.min(columns, 4), wrap ? survey.word[i] : survey.widest[i]));
  const most = head.map(([columns], i) => Math.max(columns, survey.widest[i]));
  const room = screen - borders(head.length);
  const capped = (cap: number) => most.map((width, i) => Math.min(width, Math.max(least[i], cap)));
  const sum = (cap: number) => capped(cap).reduce((total, width) => total + width, 0);
  if (sum(0) > room) return undefined;
  // The largest cap on the columns' widths that fits: sum(fits) fits the room, sum(over) does not.
  let [fits, over] = [0, Math.max(...most)];
  if (sum(over) <= room) fits = over;
  while (over - fits > 1) {
    const middle = Math.floor((fits + over) / 2);
    if (sum(middle) <= room) fits = middle;
    else over = middle;
  }
  // A heading broken into lines over a narrower column takes no more than its widest line.
  return capped(fits).map((width, i) =>
    width < head[i][0] && survey.widest[i] <= width ? Math.max(survey.widest[i], ...wrapLines(headings[i], width).map(cellWidth)) : width,
  );
}

/** The table in a box, a row at a time, a cell wider than its column broken into lines. */
function boxed(grid: Grid, digits: number, widths: number[], survey: Survey, paint: Paint): Iterable<string> {
  // About: most cells are ASCII, a bar takes three bytes; a cell broken into n lines holds at least n / 2 full ones.
  const broken = widths.reduce((lines, width, i) => lines + (survey.widest[i] > width ? Math.ceil((2 * survey.total[i]) / width) : 0), 0);
  const lines = survey.rows + broken + survey.sections + 2 + grid.head.length;
  tooLarge(text('theTable'), lines * (borders(widths.length) + widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length + 1)));

  const rule = (left: string, middle: string, end: string) => `${paint.dim(`${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${end}`)}\n`;
  const bar = paint.dim('│');
  const drawn = (cells: Cell[]) => {
    const split = cells.map(([text, color], i) => {
      const size = cellWidth(text);
      const lines = size <= widths[i] ? [text] : wrapLines(text, widths[i]);
      return lines.map((line) => {
        const blank = ' '.repeat(widths[i] - (lines.length === 1 ? size : cellWidth(line)));
        const shown = color === undefined ? line : color(line);
        return grid.right[i] ? blank + shown : shown + blank;
      });
    });
    const height = Math.max(...split.map((lines) => lines.length));
    let lines = '';
    for (let line = 0; line < height; line++) {
      lines += `${bar} ${split.map((cell, i) => cell[line] ?? ' '.repeat(widths[i])).join(` ${bar} `)} ${bar}\n`;
    }
    return lines;
  };
  return (function* () {
    let chunk = rule('┌', '┬', '┐') + drawn(grid.head.map((heading): Cell => [heading, paint.bold]));
    for (const section of grid.sections(digits)) {
      chunk += rule('├', '┼', '┤');
      for (const row of section) {
        chunk += drawn(row);
        if (chunk.length > PIECE) {
          yield chunk;
          chunk = '';
        }
      }
    }
    yield chunk + rule('└', '┴', '┘');
  })();
}

/**
 * The table for a screen too narrow for it: each row a block of lines, its first cell, then
 * each other cell that is not empty, indented under its heading, the sections a blank line apart.
 */
function stacked(grid: Grid, digits: number, survey: Survey, paint: Paint, screen: number): Iterable<string> {
  const labels = grid.head.slice(1);
  const labelWidth = Math.max(...labels.map(cellWidth));
  const lines = survey.rows * grid.head.length;
  tooLarge(text('theTable'), survey.total.reduce((sum, total) => sum + total, 0) + lines * (labelWidth + 8));
  const label = labels.map((heading) => paint.bold(heading) + ' '.repeat(labelWidth - cellWidth(heading)));
  return (function* () {
    let chunk = '';
    let sections = 0;
    for (const section of grid.sections(digits)) {
      if (sections++ > 0) chunk += '\n';
      for (const [[first, color], ...cells] of section) {
        chunk += `${fit(color === undefined ? first : color(first), screen)}\n`;
        cells.forEach(([text, color], i) => {
          if (text === '') return;
          const line = fit(`${label[i]} ${color === undefined ? text : color(text)}`, screen - 2);
          chunk += `  ${line.replaceAll('\n', '\n  ')}\n`;
        });
        if (chunk.length > PIECE) {
          yield chunk;
          chunk = '';
        }
      }
    }
    yield chunk;
  })();
}
