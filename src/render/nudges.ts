import type { Nudge } from '../nudge.js';
import { en, type Messages } from '../messages/index.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';
import { drawGrid, type Cell } from './grid.js';
import type { Paint } from './paint.js';
import { fit } from './wrap.js';

/**
 * One row per nudge: the change, the gradient's prediction of the output's change
 * (gradient × change), the output before and after, its real change and the difference.
 * Fitted to `width` columns as the main table is, with as many digits as fit unless `given`.
 */
export function renderNudges(
  { outputName }: Result,
  nudges: Nudge[],
  paint: Paint,
  given: number | undefined,
  width = Infinity,
  words: Messages = en,
): string {
  const row = ({ name, grad, change, percent, predicted, output, nudgedOutput, actual, difference }: Nudge, digits: number): Cell[] => {
    const number = (x: number) => formatNumber(x, digits, words.undefinedNumber);
    const signed = (x: number) => (x < 0 ? number(x) : `+${number(x)}`);
    return [
      [`${name}=${percent === undefined ? signed(change) : `${signed(percent)}% (${signed(change)})`}`, paint.cyan],
      [`${number(grad)} × ${number(change)} = ${paint.yellow(number(predicted))}`],
      [`${number(output)} → ${number(nudgedOutput)}`],
      [number(actual), paint.green],
      difference === 0 ? ['0'] : [number(difference), paint.magenta],
    ];
  };
  const { chunks } = drawGrid(
    {
      head: [words.nudge, words.predicted(outputName), outputName, words.actual(outputName), words.difference],
      right: [false, true, true, true, true],
      sections: (digits) => [nudges.map((nudge) => row(nudge, digits))],
    },
    paint,
    width,
    given,
  );
  return `${[...chunks].join('')}${paint.dim(fit(words.nudgeNote, width))}\n`;
}
