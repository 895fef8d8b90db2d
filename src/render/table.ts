import type { Check, InputCheck } from '../check.js';
import { en, text, type Messages } from '../messages/index.js';
import { givenValue, label } from '../notation.js';
import { DIGITS, formatNumber } from '../numbers.js';
import { gradientOf, type Result } from '../result.js';
import { tooLarge } from './limit.js';
import { cellWidth as width, fit } from './wrap.js';
import type { Paint } from './paint.js';


/** A cell's text, and how it is painted: the width is taken of the text alone. */
type Cell = [text: string, color?: (text: string) => string];

/** Significant digits in tables: DIGITS unless the screen is too narrow for them, and never fewer than this. */
export const FEWEST_DIGITS = 4;

/**
 * The output line, then a table of the inputs (with `all`, the intermediates too): name,
 * value, gradient, and with a check the numerical gradient beside it. All color comes from
 * `paint`, so that one decision holds for text and borders alike.
 *
 * The table is drawn a row at a time: one pass over the rows finds each column's width, a
 * second draws them, so its cost grows with the rows, and it is written in pieces as they
 * come. The columns' widths are known before anything is written: a table that would be too
 * large to print is refused then. With no digits `given`, numbers take as many significant
 * digits as let the table fit `screen` columns.
 */
export function renderTable(
  result: Result,
  paint: Paint,
  given: number | undefined,
  all: boolean,
  check?: Check,
  words: Messages = en,
  screen = Infinity,
): Iterable<string> {
  const { graph } = result;
  // Under --order n, the program's own output, and its n-th derivative where the gradient goes.
  const outputName = result.order?.outputName ?? result.outputName;
  const value = result.order?.value ?? result.value;
  const column = all ? words.name : words.input;
  const n = result.order?.hessian === undefined ? (result.order?.n ?? 1) : 1;
  const head: Cell[] = [column, words.value, partial(outputName, column, n)].map((text) => [text, paint.bold]);
  if (check !== undefined) head.push(...[words.numerical, words.relativeError, words.check].map((text): Cell => [text, paint.bold]));
  const right = [false, true, true, true, true, false];
  const checks = new Map<number, InputCheck>(check?.inputs.map((input) => [input.node, input]));
  const verdict = ({ verdict, kink }: InputCheck): Cell => {
    if (verdict === 'kink') return [words.kinkAt(label(graph, kink!)), paint.magenta];
    if (verdict === 'domain') return [words.leavesDomain, paint.magenta];
    if (verdict === 'inconclusive') return [words.inconclusive, paint.magenta];
    return verdict === 'agrees' ? [words.agrees, paint.green] : [words.disagrees, paint.red];
  };
  const row = (node: number, name: (text: string) => string, digits: number): Cell[] => {
    const number = (x: number) => formatNumber(x, digits, words.undefinedNumber);
    const shown = graph.isInput(node) ? givenValue(result, node) : number(graph.value(node));
    const cells: Cell[] = [[graph.name(node)!, name], [shown], [number(gradientOf(result, node)), paint.yellow]];
    if (check !== undefined) {
      const input = checks.get(node);
      if (input === undefined) cells.push([''], [''], ['']);
      else {
        cells.push(
          // For an array, the book's figure: the mean difference of its elements.
          [typeof input.numerical !== 'number' ? `Δ ${formatNumber(input.difference!, 2)}` : Number.isFinite(input.numerical) ? number(input.numerical) : '–'],
          [Number.isFinite(input.error) ? formatNumber(input.error, 2) : '–'],
          verdict(input),
        );
      }
    }
    return cells;
  };
  // Inputs, then the intermediates: each section ruled off from the one before.
  const sections: [number[], (text: string) => string][] = [[result.inputs, paint.cyan]];
  if (all) sections.push([result.intermediates, paint.magenta]);
  const filled = sections.filter(([nodes]) => nodes.length > 0);
  // A table of headings alone would say nothing: the value, and why there is no gradient.
  if (filled.length === 0) return [`${paint.bold(outputName)} = ${paint.bold.green(formatNumber(value, given ?? DIGITS))}\n${fit(paint.dim(words.noInputs), screen, '')}\n`];

  const outputLine = (digits: number) => `${paint.bold(outputName)} = ${paint.bold.green(formatNumber(value, digits))}`;
  // Each column's width, and the widest line's, with numbers to `digits` significant digits.
  const measure = (digits: number) => {
    const widths = head.map(([text]) => width(text));
    for (const [nodes, name] of filled) {
      for (const node of nodes) {
        row(node, name, digits).forEach(([text], i) => {
          widths[i] = Math.max(widths[i], width(text));
        });
      }
    }
    const line = widths.reduce((sum, width) => sum + width + 3, 1);
    return { widths, widest: Math.max(line, width(`${outputName} = ${formatNumber(value, digits)}`)) };
  };
  // As many digits as fit the screen, unless they were asked for: fewer digits rather than a
  // table that overflows. Each try is one pass over the rows.
  let digits = given ?? DIGITS;
  let { widths, widest } = measure(digits);
  while (given === undefined && widest > screen && digits > FEWEST_DIGITS) ({ widths, widest } = measure(--digits));
  const rows = 1 + filled.reduce((sum, [nodes]) => sum + nodes.length, 0);
  // About: most cells are ASCII, a bar takes three bytes.
  tooLarge(text('theTable'), (rows + filled.length + 2) * (widest + 2 * (widths.length + 1) + 1));

  const rule = (left: string, middle: string, end: string) =>
    paint.dim(`${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${end}`) + '\n';
  const bar = paint.dim('│');
  const line = (cells: Cell[]) => {
    const drawn = cells.map(([text, color], i) => {
      const blank = ' '.repeat(widths[i] - width(text));
      const shown = color === undefined ? text : color(text);
      return right[i] ? blank + shown : shown + blank;
    });
    return `${bar} ${drawn.join(` ${bar} `)} ${bar}\n`;
  };

  return (function* () {
    let chunk = `${outputLine(digits)}\n${rule('┌', '┬', '┐')}${line(head)}`;
    for (const [nodes, name] of filled) {
      chunk += rule('├', '┼', '┤');
      for (const node of nodes) {
        chunk += line(row(node, name, digits));
        if (chunk.length > 1 << 13) {
          yield chunk;
          chunk = '';
        }
      }
    }
    yield `${chunk}${rule('└', '┴', '┘')}`;
  })();
}

/** ∂y/∂x, ∂²y/∂x², ∂³y/∂x³, …: the n-th derivative of `of` with respect to `by`, as written. */
export function partial(of: string, by: string, n = 1): string {
  if (n === 1) return `∂${of}/∂${by}`;
  const power = [...String(n)].map((digit) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(digit)]).join('');
  return `∂${power}${of}/∂${by}${power}`;
}
