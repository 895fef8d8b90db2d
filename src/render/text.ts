import { ABSOLUTE, RELATIVE, STEP, type Check } from '../check.js';
import { en, type Messages } from '../messages/index.js';
import { DIGITS, formatNumber } from '../numbers.js';
import type { Nudge } from '../nudge.js';
import type { Result } from '../result.js';
import type { Step } from '../trace.js';
import { arrayBlocks } from './array-blocks.js';
import { renderHessian } from './hessian.js';
import { renderNudges } from './nudges.js';
import { modesLines, tangentLines } from './tangents.js';
import { stepLines } from './steps.js';
import { renderTable } from './table.js';
import { treeLines } from './tree.js';
import { cellWidth, fit } from './wrap.js';
import type { Paint } from './paint.js';

/** Clauses on one line, `; ` between them, or one a line where that line would not fit. */
function clauses(parts: string[], width: number): string[] {
  const line = parts.join('; ');
  return cellWidth(line) <= width ? [line] : parts;
}

/** Labels padded with spaces to the width of the widest, in columns. */
function padded(labels: string[]): string[] {
  const most = Math.max(...labels.map((label) => cellWidth(label)));
  return labels.map((label) => label + ' '.repeat(most - cellWidth(label)));
}

export interface TextOptions {
  /** The styles of the text: chalk's, or PLAIN for no color. */
  paint: Paint;
  /** Significant digits, as --precision gives them; else as many as fit, up to DIGITS. */
  digits?: number;
  all: boolean;
  steps?: Step[];
  tree: boolean;
  check?: Check;
  nudges?: Nudge[];
  /** The screen's width in columns, which the lines are fitted to. */
  width: number;
  /** The words, in the reader's language. */
  words?: Messages;
  /** Arrays printed whole, not cut to their corners. */
  full?: boolean;
}

/**
 * Everything meant for a person, in reading order: the steps, the tree, the table and the
 * check's cost, all painted with the caller's styles.
 */
export function renderText(result: Result, options: TextOptions): Iterable<string> {
  const { paint, steps, check, nudges, width, words = en } = options;
  const digits = options.digits ?? DIGITS;
  const parts: Iterable<string>[] = [];
  if (steps !== undefined) parts.push(stepLines(result, steps, paint, digits, width, words));
  if (result.forward?.shown && result.forward.passes[0]?.steps.length > 0) parts.push(tangentLines(result, result.forward, paint, digits, width, words));
  if (options.tree) parts.push(treeLines(result, paint, digits, words, width));
  parts.push(renderTable(result, paint, options.digits, options.all, check, words, width));
  // Under --check the table says what is asked: the arrays themselves are left out.
  if (result.graph.hasArrays && check === undefined) parts.push(...arrayBlocks(result, { paint, digits: options.digits, all: options.all, full: options.full === true, width }).map((block) => [block]));
  if (result.forward !== undefined && !result.forward.shown) parts.push([modesLines(result.forward, paint, width, words)]);
  if (result.order?.hessian !== undefined) parts.push([renderHessian(result, paint, options.digits, width, words)]);
  if (nudges !== undefined) parts.push([renderNudges(result, nudges, paint, options.digits, width, words)]);
  if (check !== undefined) {
    const time = (milliseconds: number) => `${formatNumber(milliseconds, 2)} ms`;
    // The command line always times a check (only --batch does not).
    const [backpropTime, numericalTime] = [check.backprop.milliseconds!, check.numerical.milliseconds!];
    const ratio = backpropTime > 0 ? words.timesBackprop(formatNumber(numericalTime / backpropTime, 2)) : '';
    // The two costs line up after their labels, however wide the labels' letters.
    const [backpropLabel, numericalLabel] = padded([words.backpropLabel, words.numericalLabel]);
    parts.push([
      [
        `${backpropLabel} ${words.backpropCost(time(backpropTime))}`,
        `${numericalLabel} ${words.numericalCost(check.numerical.forwardPasses, time(numericalTime))}${ratio}`,
        ...clauses([words.agreeWhen(ABSOLUTE, RELATIVE), `h = ${STEP} × max(1, |x|)`], width).map(
          (line) => paint.dim(line),
        ),
      ]
        .map((line) => fit(line, width))
        .join('\n') + '\n',
    ]);
  }
  return (function* () {
    for (const [i, part] of parts.entries()) {
      if (i > 0) yield '\n';
      yield* part;
    }
  })();
}
