import { en, type Messages } from '../messages/index.js';
import { drawnSymbol, label, shownName } from '../notation.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';
import type { Paint } from './paint.js';
import type { Value } from '../tensor.js';
import { arrayInline, shapeLabel } from './array-text.js';
import { drawnWhole, gradientOf } from './picture.js';
import { columns, fit, wrapLines } from './wrap.js';

/** A tree taller than this is cut short: --format dot draws graphs of any size. */
const MAX_LINES = 1000;

/**
 * The graph as a tree from the output down to the inputs, each node with its operation,
 * value and gradient. A named value used more than once is drawn the first time and
 * referred to (↑) after. Drawn from an explicit stack: a chain a million deep is no danger.
 */
export function renderTree(result: Result, paint: Paint, digits: number, words: Messages = en, width = Infinity): string {
  return [...treeLines(result, paint, digits, words, width)].join('');
}

/** The same lines one at a time, each with its line break, to be written as they are made. */
export function* treeLines(result: Result, paint: Paint, digits: number, words: Messages = en, width = Infinity): Generator<string> {
  const { graph, output, outputName } = result;
  const number = (x: number) => formatNumber(x, digits, words.undefinedNumber);
  const name = (node: number) => shownName(result, node);
  // An array on one line, or by its shape alone where a picture would not draw it whole.
  const array = (value: Value) => (typeof value === 'number' ? number(value) : drawnWhole(value) ? arrayInline(value, number) : shapeLabel(value));
  // `= 715`; an array's shape first: `(2×3) = [[1 2 3] [4 5 6]]`, or `(784×50)` alone.
  const valued = (value: Value) => (typeof value === 'number' ? `= ${number(value)}` : drawnWhole(value) ? `${shapeLabel(value)} = ${array(value)}` : shapeLabel(value));
  // A node's name and value, then its gradient.
  const describe = (node: number): string[] => {
    const op = graph.operation(node);
    const value = graph.valueOf(node);
    if (op === undefined && name(node) === undefined) return [paint.dim(typeof value === 'number' ? number(value) : valued(value))];
    const operation = op === undefined ? '' : `${paint.dim(`(${drawnSymbol(op)})`)} `;
    const called = name(node) === undefined ? label(graph, node) : paint.cyan(name(node)!);
    return [`${operation}${called} ${valued(value)}`, paint.yellow(`∂ ${array(gradientOf(graph, node))}`)];
  };

  // Branches are drawn dim, like the table's borders. A node too wide for the screen goes on
  // below itself, its gradient on a line of its own, after the branches drawn on (`below`).
  const line = (branch: string, parts: string[], below: string) => {
    const whole = parts.join('  ');
    if (branch.length + columns(whole) <= width) return `${paint.dim(branch)}${whole}\n`;
    const lines = parts.flatMap((part, i) => wrapLines(part, width - (i === 0 ? branch : below).length, width - below.length));
    return lines.map((text, i) => `${paint.dim(i === 0 ? branch : below)}${text}\n`).join('');
  };
  yield `${fit(paint.dim(words.treeLegend(outputName)), width)}\n`;
  let lines = 1;
  const drawn = new Set<number>();
  const stack = [{ node: output, branch: '', indent: '' }];
  while (stack.length > 0) {
    if (lines > MAX_LINES) {
      yield `${fit(paint.dim(words.treeCut(MAX_LINES)), width)}\n`;
      break;
    }
    lines++;
    const { node, branch, indent } = stack.pop()!;
    if (drawn.has(node) && name(node) !== undefined) {
      yield line(branch, [`${paint.cyan(name(node)!)} ${paint.dim('↑')}`], `${indent}    `);
      continue;
    }
    drawn.add(node);
    yield line(branch, describe(node), `${indent}${graph.args(node).length > 0 ? '│   ' : '    '}`);
    // Pushed last first, so that the first argument is drawn first.
    graph.args(node).reverse().forEach((argument, i) => {
      const last = i === 0;
      stack.push({ node: argument, branch: indent + (last ? '└── ' : '├── '), indent: indent + (last ? '    ' : '│   ') });
    });
  }
}
