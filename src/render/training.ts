import { plot } from 'asciichart';
import { en, type Messages } from '../messages/index.js';
import { DIGITS, formatNumber, round } from '../numbers.js';
import { plainValue, type Value } from '../tensor.js';
import type { Training } from '../train.js';
import { shapeLabel } from './array-text.js';
import { drawGrid, type Cell } from './grid.js';
import { PLAIN, type Paint } from './paint.js';
import { fit } from './wrap.js';

/** The chart is this many columns wide at most (and no wider than the screen): a longer history is sampled evenly. */
const CHART_WIDTH = 60;
const CHART_HEIGHT = 9;
/** A label on the chart's scale takes this many columns, wide enough for any number to 3 digits: -1.23e-100. */
const LABEL_WIDTH = 10;

export interface TrainingText {
  paint: Paint;
  /** Significant digits, as --precision gives them; else as many as fit, up to DIGITS. */
  digits?: number;
  /** The screen's width in columns, which the lines are fitted to. */
  width?: number;
  words?: Messages;
  /** Under --compare, gradient descent's run from the same start, to set beside Newton's. */
  descent?: Training;
}

/**
 * A training run for a person: how it ended, a table of each trained input's start and final
 * values (and the output's), then a chart of the output over the epochs, all within `width`.
 */
export function renderTraining(training: Training, { paint, digits: given, width = Infinity, words = en, descent }: TrainingText): string {
  const { result, trained, history } = training;
  const { graph, outputName } = result;
  const epochs = words.epochCount(training.epochs);
  const why =
    training.stopped === 'tolerance'
      ? words.stoppedAfter(epochs, outputName, training.tolerance)
      : words.ranEpochs(epochs);
  // An array trained is shown by its shape, and its gradient by the largest of it in size:
  // found once, not on each pass over the rows.
  const largest = new Map<number, string>();
  for (const { node } of graph.hasArrays ? trained : []) {
    const gradient = graph.gradOf(node);
    if (typeof gradient !== 'number') largest.set(node, `max |∂| ${formatNumber(gradient.data.reduce((most, g) => Math.max(most, Math.abs(g)), 0), 3)}`);
  }
  // The rows are made as the table reads them: --train may have a million inputs.
  function* rows(digits: number): Generator<Cell[]> {
    const number = (x: number) => formatNumber(x, digits);
    const value = (x: Value) => (typeof x === 'number' ? number(x) : shapeLabel(x));
    for (const { node, start, final } of trained) {
      yield [[graph.name(node)!, paint.cyan], [value(start)], [value(final), paint.bold], [largest.get(node) ?? number(graph.grad(node)), paint.yellow]];
    }
  }
  const output = (digits: number): Cell[] => [
    [outputName, paint.bold],
    [formatNumber(history[0], digits)],
    [formatNumber(result.value, digits), paint.bold.green],
    [''],
  ];
  const { chunks } = drawGrid(
    {
      head: [words.name, words.start, words.final, `∂${outputName}/∂${words.name}`],
      right: [false, true, true, true],
      sections: (digits) => [rows(digits), [output(digits)]],
    },
    paint,
    width,
    given,
  );
  const method = training.newton
    ? words.newtonOn(paint.bold(words.newtonMethod), outputName, why)
    : words.trainingOn(paint.bold(words.gradientDescent), outputName, training.rate, why);
  const lines = [fit(method, width), [...chunks].join('').trimEnd()];
  const { accuracy } = training;
  if (accuracy !== undefined) {
    const percent = (share: number) => `${formatNumber(100 * share, 3)}%`;
    lines.push(fit(words.accuracy(percent(accuracy.start), paint.bold.green(percent(accuracy.final)), Math.round(accuracy.final * accuracy.rows), accuracy.rows), width));
  }

  lines.push('', ...chart(history, outputName, paint !== PLAIN, width, words));
  if (descent !== undefined) {
    // Each method's epochs and where it ended, from the same start.
    const ended = ({ newton, epochs, stopped, result: { value } }: Training) => {
      const count = words.epochCount(epochs);
      const method = newton ? words.newtonMethod : `${words.gradientDescent} (--rate ${descent.rate})`;
      return fit(`  ${words.compared(method, stopped === 'epochs' ? words.ranEpochs(count) : count, `${outputName} = ${formatNumber(value, given ?? DIGITS)}`)}`, width);
    };
    lines.push('', paint.bold(words.comparedTitle), ended(training), ended(descent));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The history drawn with asciichart, at most CHART_WIDTH columns, epochs marked below; on a
 * log scale when it is positive and spans three orders of magnitude or more, as a loss
 * falling towards 0 does.
 */
function chart(history: number[], outputName: string, color: boolean, width: number, words: Messages): string[] {
  const columns = Math.max(1, Math.min(history.length, CHART_WIDTH, width - LABEL_WIDTH - 1));
  const sampled = Array.from({ length: columns }, (_, i) =>
    history[columns === 1 ? 0 : Math.round((i * (history.length - 1)) / (columns - 1))],
  );
  const [least, most] = [Math.min(...sampled), Math.max(...sampled)];
  const log = least > 0 && most / least >= 1000;
  const drawn = plot(log ? sampled.map(Math.log10) : sampled, {
    height: CHART_HEIGHT,
    format: (x) => label(log ? 10 ** x : x).padStart(LABEL_WIDTH),
    colors: [color ? '\x1b[32m' : undefined],
  });
  const last = String(history.length - 1);
  const axis = `${' '.repeat(LABEL_WIDTH + 1)}0${last.padStart(Math.max(columns - 1, last.length + 1))}`;
  return [fit(`${words.byEpoch(outputName)}${log ? words.logScale : ''}`, width), ...drawn.split('\n').map((line) => line.trimEnd()), axis];
}

/** A number on the chart's scale, short: 3 digits, and an exponent when far from 1. */
function label(x: number): string {
  const short = Number(x.toPrecision(3));
  return short === 0 || (Math.abs(short) >= 1e-3 && Math.abs(short) < 1e6) ? formatNumber(short, 3) : short.toExponential();
}

/** A value as JSON has it: a number, or an array as nested lists. */
/** The run as JSON: `{ "output", "trained", "value", "history", ... }`, numbers rounded. */
export function trainingJson(training: Training, digits: number, descent?: Training): string {
  const { result, trained, history } = training;
  const { graph, outputName } = result;
  const document = {
    output: outputName,
    ...(training.newton ? { method: 'newton' } : {}),
    trained: Object.fromEntries(
      trained.map(({ node, start, final }) => [graph.name(node), { start: plainValue(start), final: plainValue(final), grad: plainValue(graph.gradOf(node)) }]),
    ),
    value: { start: history[0], final: result.value },
    ...(training.accuracy && { accuracy: { start: training.accuracy.start, final: training.accuracy.final, rows: training.accuracy.rows } }),
    rate: training.rate,
    epochs: training.epochs,
    stopped: training.stopped,
    tolerance: training.tolerance,
  };
  const text = JSON.stringify(document, (_, x: unknown) => (typeof x === 'number' ? round(x, digits) : x), 2);
  // The history on one line: a number a line would be a thousand lines for a thousand epochs.
  const line = (numbers: number[]) => `[${numbers.map((x) => formatNumber(x, digits)).join(', ')}]`;
  // --compare: gradient descent from the same start, as the numbers of the document say it.
  const compared =
    descent === undefined
      ? ''
      : `,\n  "compare": { "gradient_descent": { "rate": ${round(descent.rate, digits)}, "epochs": ${descent.epochs}, "stopped": "${descent.stopped}", ` +
        `"value": { "start": ${formatNumber(descent.history[0], digits)}, "final": ${formatNumber(descent.result.value, digits)} }, "history": ${line(descent.history)} } }`;
  return `${text.slice(0, -2)},\n  "history": ${line(history)}${compared}\n}\n`;
}
