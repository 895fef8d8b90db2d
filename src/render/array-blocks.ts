import { text } from '../messages/index.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';
import type { Tensor } from '../tensor.js';
import { arrayLines, shapeLabel } from './array-text.js';
import { digitTries } from './grid.js';
import { tooLarge } from './limit.js';
import type { Paint } from './paint.js';
import { partial } from './table.js';
import { cellWidth } from './wrap.js';

export interface ArrayBlockOptions {
  paint: Paint;
  /** Significant digits, as --precision gives them; else as many as fit, up to DIGITS. */
  digits?: number;
  /** The intermediates' arrays too (--all). */
  all: boolean;
  /** Every element (--full), not NumPy's summary of a large array's corners. */
  full: boolean;
  width: number;
}

/**
 * Under the table, which gives an array's shape in its cells: each array itself, and its
 * gradient, printed as NumPy prints them. An array larger than 6 × 6 is cut to its corners,
 * three rows and columns of each, unless `full` asks for all of it. Each array takes as many
 * significant digits as let its widest line fit the screen (down to FEWEST_DIGITS, unless the
 * digits were given); a line still too wide goes on on the next, between two numbers.
 */
export function arrayBlocks(result: Result, { paint, digits, all, full, width }: ArrayBlockOptions): string[] {
  const { graph, outputName } = result;
  const nodes = all ? [...result.inputs, ...result.intermediates] : result.inputs;
  const blocks: string[] = [];
  for (const node of nodes) {
    const tensor = graph.tensor(node);
    if (tensor === undefined) continue;
    const name = graph.name(node)!;
    tooLarge(text('theArrays'), full ? 16 * tensor.size : 0);
    // Not push(...lines): --full may give more lines than a call takes arguments.
    let lines = [`${paint.cyan(name)} ${paint.dim(shapeLabel(tensor))} =`, ...printed(tensor, digits, full, width)];
    if (!result.labels.has(node)) {
      lines = lines.concat(`${partial(outputName, name)} =`, printed(graph.gradOf(node) as Tensor, digits, full, width).map((line) => paint.yellow(line)));
    }
    blocks.push(`${lines.join('\n')}\n`);
  }
  return blocks;
}

/** An array's lines at the most digits that fit `width`, each line too wide still broken between numbers. */
function printed(tensor: Tensor, given: number | undefined, full: boolean, width: number): string[] {
  let lines: string[] = [];
  for (const digits of digitTries(given)) {
    lines = arrayLines(tensor, (x) => formatNumber(x, digits), full);
    if (lines.every((line) => cellWidth(line) <= width)) return lines;
  }
  return lines.flatMap((line) => broken(line, width));
}

/**
 * A line of numbers broken between two of them into lines of at most `width`, the rest
 * indented under the first number, as NumPy does: each number keeps the blanks that align it
 * in its column, so that the rows' pieces stay in columns under each other.
 */
function broken(line: string, width: number): string[] {
  const prefix = /^ ?\[*/.exec(line)![0];
  const fields = line.slice(prefix.length).split(/(?<=\S) /);
  const out: string[] = [];
  let current = '';
  for (const field of fields) {
    const next = current === '' ? prefix + field : `${current} ${field}`;
    if (cellWidth(next) > width && current !== '') {
      out.push(current);
      current = ' '.repeat(prefix.length) + field;
    } else current = next;
  }
  return [...out, current];
}
