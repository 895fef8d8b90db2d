import type { Check, InputCheck } from '../check.js';
import { en, type Messages } from '../messages/index.js';
import { givenValue, label } from '../notation.js';
import { DIGITS, formatNumber } from '../numbers.js';
import { gradientOf, type Kink, type Result } from '../result.js';
import { shapeLabel } from './array-text.js';
import { drawGrid, type Cell } from './grid.js';
import type { Paint } from './paint.js';
import { fit } from './wrap.js';

/**
 * The output line, then a table of the inputs (with `all`, the intermediates too): name,
 * value, gradient, and with a check the numerical gradient beside it. All color comes from
 * `paint`, so that one decision holds for text and borders alike.
 *
 * The table is drawn a row at a time (drawGrid), so its cost grows with the rows, and it is
 * written in pieces as they come. With no digits `given`, numbers take as many significant
 * digits as let the table fit `screen` columns. A kink that --check met is marked in the
 * rows by a number, and named once, under the table; one the program is exactly at that
 * --check did not meet gets a line there too: the gradients that pass through it are
 * backward's one-sided choice, not derivatives, and the reader is told so where the numbers are.
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
  const head = [column, words.value, partial(outputName, column, n)];
  if (check !== undefined) head.push(words.numerical, words.relativeError, words.check);
  const checks = new Map<number, InputCheck>(check?.inputs.map((input) => [input.node, input]));
  // Each kink its number, in the order the inputs meet them.
  const kinks = new Map<number, number>();
  for (const { verdict, kink } of check?.inputs ?? []) if (verdict === 'kink' && !kinks.has(kink!)) kinks.set(kink!, kinks.size + 1);
  const verdict = ({ verdict, kink }: InputCheck): Cell => {
    if (verdict === 'kink') return [words.kinkMark(kinks.get(kink!)!), paint.magenta];
    if (verdict === 'domain') return [words.leavesDomain, paint.magenta];
    if (verdict === 'inconclusive') return [words.inconclusive, paint.magenta];
    return verdict === 'agrees' ? [words.agrees, paint.green] : [words.disagrees, paint.red];
  };
  const row = (node: number, name: (text: string) => string, digits: number): Cell[] => {
    const number = (x: number) => formatNumber(x, digits, words.undefinedNumber);
    // An array by its shape: it is printed whole (or NumPy's summary of it) under the table.
    const tensor = graph.tensor(node);
    const shown = tensor !== undefined ? shapeLabel(tensor) : graph.isInput(node) ? givenValue(result, node) : number(graph.value(node));
    // An array's gradient has its shape; a label (data) has none.
    const slope = tensor === undefined ? number(gradientOf(result, node)) : result.labels.has(node) ? '–' : shown;
    const cells: Cell[] = [[graph.name(node)!, name], [shown], [slope, paint.yellow]];
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
  function* rows(nodes: number[], name: (text: string) => string, digits: number) {
    for (const node of nodes) yield row(node, name, digits);
  }
  // Inputs, then the intermediates: each section ruled off from the one before.
  const sections: [number[], (text: string) => string][] = [[result.inputs, paint.cyan]];
  if (all) sections.push([result.intermediates, paint.magenta]);
  const filled = sections.filter(([nodes]) => nodes.length > 0);
  const outputLine = (digits: number) => `${fit(`${paint.bold(outputName)} = ${paint.bold.green(formatNumber(value, digits))}`, screen)}\n`;
  // A kink the program is exactly at that --check did not meet: a line under the table each.
  const unmarked = () => result.kinks.filter(({ node }) => !kinks.has(node)).map((kink) => `${fit(paint.magenta(atKink(result, kink, words)), screen)}\n`);
  // A table of headings alone would say nothing: the value, and why there is no gradient.
  if (filled.length === 0) return [`${outputLine(given ?? DIGITS)}${fit(paint.dim(words.noInputs), screen, '')}\n`, ...unmarked()];

  const { digits, chunks } = drawGrid(
    {
      head,
      right: [false, true, true, true, true, false],
      sections: (digits) => filled.map(([nodes, name]) => rows(nodes, name, digits)),
    },
    paint,
    screen,
    given,
  );
  return (function* () {
    yield outputLine(digits);
    yield* chunks;
    // A kink the program is exactly at is told once, here, with what that means.
    for (const [kink, mark] of kinks) {
      const at = result.kinks.find(({ node }) => node === kink);
      yield `${fit(paint.magenta(`(${mark}) ${at === undefined ? words.kinkAt(label(graph, kink)) : atKink(result, at, words)}`), screen)}\n`;
    }
    yield* unmarked();
  })();
}

/** What a kink the program is exactly at means: its operation, and the inputs below it that the one-sided choice reaches. */
function atKink({ graph }: Result, { node, inputs, count }: Kink, words: Messages): string {
  const names = inputs.map((input) => graph.name(input)!);
  const shown = count > names.length ? words.listMore(names.join(', '), count - names.length) : words.and(names);
  return words.atKink(label(graph, node), shown);
}

/** ∂y/∂x, ∂²y/∂x², ∂³y/∂x³, …: the n-th derivative of `of` with respect to `by`, as written. */
export function partial(of: string, by: string, n = 1): string {
  if (n === 1) return `∂${of}/∂${by}`;
  const power = [...String(n)].map((digit) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(digit)]).join('');
  return `∂${power}${of}/∂${by}${power}`;
}
