import { Chalk } from 'chalk';
import { ABSOLUTE, RELATIVE, STEP, type Check } from '../check.js';
import { formatNumber } from '../numbers.js';
import type { Nudge } from '../nudge.js';
import type { Result } from '../result.js';
import type { Step } from '../trace.js';
import { renderNudges } from './nudges.js';
import { renderSteps } from './steps.js';
import { renderTable } from './table.js';
import { renderTree } from './tree.js';

export interface TextOptions {
  color: boolean;
  digits: number;
  all: boolean;
  steps?: Step[];
  tree: boolean;
  check?: Check;
  nudges?: Nudge[];
}

/**
 * Everything meant for a person, in reading order: the steps, the tree, the table and the
 * check's cost. The one Chalk made here carries the caller's color decision to all of them.
 */
export function renderText(result: Result, options: TextOptions): string {
  const { digits, steps, check } = options;
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const parts: string[] = [];
  if (steps !== undefined) parts.push(renderSteps(result, steps, paint, digits));
  if (options.tree) parts.push(renderTree(result, paint, digits));
  parts.push(renderTable(result, paint, digits, options.all, check));
  if (options.nudges !== undefined) parts.push(renderNudges(result, options.nudges, paint, digits));
  if (check !== undefined) {
    const time = (milliseconds: number) => `${formatNumber(milliseconds, 2)} ms`;
    const { backprop, numerical } = check;
    const ratio = backprop.milliseconds > 0 ? `, ${formatNumber(numerical.milliseconds / backprop.milliseconds, 2)}× backprop's time` : '';
    parts.push(
      [
        `backprop:  1 forward + 1 backward pass, ${time(backprop.milliseconds)}`,
        `numerical: ${numerical.forwardPasses} forward passes (2 per input), ${time(numerical.milliseconds)}${ratio}`,
        paint.dim(`agree when |backprop − numerical| ≤ ${ABSOLUTE} + ${RELATIVE} × |numerical|; h = ${STEP} × max(1, |x|)`),
      ].join('\n') + '\n',
    );
  }
  return parts.join('\n');
}
