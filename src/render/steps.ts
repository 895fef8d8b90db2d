import { en, type Messages } from '../messages/index.js';
import { expression, label, operand as asOperand, shownName, withValues } from '../notation.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';
import { shapeOf, shapeText, type Tensor, type Value } from '../tensor.js';
import type { Share, Step } from '../trace.js';
import { arrayLines, shapeLabel, SMALL } from './array-text.js';
import { columns, fit, INDENT } from './wrap.js';
import type { Paint } from './paint.js';

/** A blank that fit() does not break at (a character of private use, one column wide), made a blank again after. */
const GLUE = '\uE000';

/** An array on one line, as arrayInline writes it, the blanks of each row that fits `width` glued. */
function inline(tensor: Tensor, number: (x: number) => string, width: number): string {
  return arrayLines(tensor, number)
    .map((row) => row.trim())
    .map((row) => (columns(row) <= width ? row.replaceAll(' ', GLUE) : row))
    .join(' ');
}

/**
 * The trace in words a student can follow, one numbered line per node: the forward pass as
 * `(1) apple_price = apple × apple_num = 100 × 2 = 200`, the backward pass as upstream
 * gradient × local derivative for each argument, and the sums where shares meet.
 *
 * Every line fits in `width` columns: a backward step too long for one line gives each share
 * a line of its own, indented under it, and any line still too long goes on, indented, on the
 * next, broken between words.
 */
export function renderSteps(result: Result, steps: Step[], paint: Paint, digits: number, width = Infinity, words: Messages = en): string {
  return [...stepLines(result, steps, paint, digits, width, words)].join('');
}

/** The same lines one at a time, each with its line break, to be written as they are made. */
export function* stepLines(result: Result, steps: Step[], paint: Paint, digits: number, width = Infinity, words: Messages = en): Generator<string> {
  const { graph, output, outputName } = result;
  const number = (x: number) => formatNumber(x, digits, words.undefinedNumber);
  /**
   * A value as a step shows it: a number, a small array whole, a large one by its shape. The
   * blanks inside a row of a small array are held together until the line is fitted, so that a
   * line breaks before a row, never inside it.
   */
  const value = (x: Value) => (typeof x === 'number' ? number(x) : small(x) ? inline(x, number, width - 2 * INDENT.length) : shapeLabel(x));
  const operand = (node: number) => (node === output ? outputName : asOperand(graph, node));
  const head = (node: number) => {
    const names = [shownName(result, node), graph.name(node)].filter((name, i, all) => name !== undefined && all.indexOf(name) === i);
    // b = a made b another name for a's node: show both (b = a = 2 × x).
    return [...names, expression(graph, node)].join(' = ');
  };
  const d = (node: number) => `∂${outputName}/∂${operand(node)}`;

  // The shares' lines go on one level deeper than they start.
  const line = (text: string) =>
    `${text.startsWith(INDENT) ? INDENT + fit(text.slice(INDENT.length), width - INDENT.length).replaceAll('\n', `\n${INDENT}`) : fit(text, width)}\n`.replaceAll(GLUE, ' ');
  let forward = paint.bold(words.forward);
  if (steps.every((step) => step.pass !== 'forward')) {
    const leaf = graph.name(output) ?? label(graph, output);
    forward += `: ${words.nothingToCompute(outputName === leaf ? leaf : words.isAnother(outputName, leaf))} = ${number(result.value)}`;
  }
  yield line(forward);
  let backward = false;
  for (const step of steps) {
    if (step.pass === 'forward') {
      const { node } = step;
      // With numbers for arguments (c = 2 × 3), the values would only say it again.
      const values = withValues(graph, node, digits);
      const computed = values === expression(graph, node) ? '' : ` = ${values}`;
      const tensor = graph.tensor(node);
      // An array's shape comes first, as Y = X @ W: (2×3) = (2×4) @ (4×3); its numbers after, if few.
      if (tensor !== undefined) yield line(`${paint.dim(`(${step.step})`)} ${head(node)}: ${shapeLabel(tensor)}${computed}${small(tensor) ? ` = ${paint.yellow(value(tensor))}` : ''}`);
      else yield line(`${paint.dim(`(${step.step})`)} ${head(node)}${computed} = ${paint.yellow(number(graph.value(node)))}`);
      continue;
    }
    if (!backward) {
      backward = true;
      yield line(paint.bold(words.backwardFrom(`${d(output)} = 1`)));
    }
    if (step.pass === 'sum') {
      const shares = step.shares.map((share) => (typeof share === 'number' ? number(share) : shapeLabel(share))).join(' + ');
      yield line(`    ${words.usedTimes(operand(step.node), step.shares.length, `${d(step.node)} = ${shares} = ${paint.yellow(value(step.grad))}`)}`);
      continue;
    }
    const { node } = step;
    const args = graph.args(node).map(operand);
    const { layer } = graph.operation(node)!;
    const slopes = 'slopes' in layer ? layer.slopes(args[0], args[1] ?? '', operand(node)) : [];
    const arrays = typeof step.grad !== 'number' || step.shares.some((share) => typeof share.share !== 'number');
    // On arrays: the rule of an array layer as the book writes it (∂L/∂Y @ Wᵀ), or an element-wise product, with the share's shape.
    const rule = (share: Share) =>
      'written' in layer ? layer.written(d(node), args, operand(node))[share.position]! : `${d(node)} × ${slopes[share.position]}`;
    const sent = step.shares.map((share) =>
      arrays
        ? `${d(share.argument)} = ${rule(share)}: ${shapeLabel(share.share as Tensor)}${small(share.share) ? ` = ${paint.yellow(value(share.share))}` : ''}`
        : `${d(share.argument)} = ${number(step.grad as number)} × ${slopes[share.position]} = ${paint.yellow(number(share.share as number))}`,
    );
    // What broadcasting spread in forward, backward sums: a line of its own.
    const sums = step.shares.flatMap(({ argument, broadcast }) =>
      broadcast === undefined ? [] : [`    ${words.broadcastSum(operand(argument), shapeText(broadcast.from), shapeText(broadcast.to))}`],
    );
    const why = step.grad === 0 ? words.zeroUpstream(d(node)) : words.constantArguments;
    const whole = `${paint.dim(`(${step.step})`)} ${head(node)}: ${sent.length > 0 ? sent.join(', ') : why}`;
    if (sent.length === 0 || (columns(whole) <= width && !arrays)) yield line(whole);
    else {
      yield line(`${paint.dim(`(${step.step})`)} ${head(node)}:`);
      for (const share of sent) yield line(INDENT + share);
    }
    for (const sum of sums) yield line(sum);
  }
}

/** Whether an array is small enough for a step to show its numbers: a vector or a matrix of no more than SMALL a side. */
function small(value: Value): boolean {
  return shapeOf(value).every((n) => n <= SMALL);
}
