import { plot } from 'asciichart';
import Table from 'cli-table3';
import { en, type Messages } from '../messages/index.js';
import { formatNumber, round } from '../numbers.js';
import type { Value } from '../tensor.js';
import type { Training } from '../train.js';
import { shapeLabel } from './array-text.js';
import { PLAIN, type Paint } from './paint.js';

/** The chart is this many columns wide at most: a longer history is sampled evenly. */
const CHART_WIDTH = 60;
const CHART_HEIGHT = 10;

/**
 * A training run for a person: how it ended, a table of each trained input's start and final
 * values (and the output's), then a chart of the output over the epochs.
 */
export function renderTraining(
  training: Training,
  { paint, digits, words = en, descent }: { paint: Paint; digits: number; words?: Messages; descent?: Training },
): string {
  const { result, trained, history } = training;
  const { graph, outputName } = result;
  const number = (x: number) => formatNumber(x, digits);
  // An array trained is shown by its shape, and its gradient by the largest of it in size.
  const value = (x: Value) => (typeof x === 'number' ? number(x) : shapeLabel(x));
  const gradient = (node: number) => {
    const tensor = graph.gradTensor(node);
    return tensor === undefined ? number(graph.grad(node)) : `max |∂| ${formatNumber(tensor.data.reduce((most, g) => Math.max(most, Math.abs(g)), 0), 3)}`;
  };
  const epochs = words.epochCount(training.epochs);
  const why =
    training.stopped === 'tolerance'
      ? words.stoppedAfter(epochs, outputName, training.tolerance)
      : words.ranEpochs(epochs);
  const lines = [
    training.newton
      ? words.newtonOn(paint.bold(words.newtonMethod), outputName, why)
      : words.trainingOn(paint.bold(words.gradientDescent), outputName, training.rate, why),
  ];

  const table = new Table({
    head: [words.name, words.start, words.final, `∂${outputName}/∂${words.name}`].map((text) => paint.bold(text)),
    colAligns: ['left', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  table.push([
    trained.map(({ node }) => paint.cyan(graph.name(node)!)).join('\n'),
    trained.map(({ start }) => value(start)).join('\n'),
    trained.map(({ final }) => paint.bold(value(final))).join('\n'),
    trained.map(({ node }) => paint.yellow(gradient(node))).join('\n'),
  ]);
  table.push([paint.bold(outputName), number(history[0]), paint.bold.green(number(result.value)), '']);
  lines.push(table.toString().replace(/[─│┌┐└┘├┤┬┴┼]+/g, (line) => paint.dim(line)));
  const { accuracy } = training;
  if (accuracy !== undefined) {
    const percent = (share: number) => `${formatNumber(100 * share, 3)}%`;
    lines.push(words.accuracy(percent(accuracy.start), paint.bold.green(percent(accuracy.final)), Math.round(accuracy.final * accuracy.rows), accuracy.rows));
  }

  lines.push('', ...chart(history, outputName, paint !== PLAIN, words));
  if (descent !== undefined) {
    // Each method's epochs and where it ended, from the same start.
    const ended = ({ newton, epochs, stopped, result: { value } }: Training) => {
      const count = words.epochCount(epochs);
      const method = newton ? words.newtonMethod : `${words.gradientDescent} (--rate ${descent.rate})`;
      return `  ${words.compared(method, stopped === 'epochs' ? words.ranEpochs(count) : count, `${outputName} = ${number(value)}`)}`;
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
function chart(history: number[], outputName: string, color: boolean, words: Messages): string[] {
  const columns = Math.min(history.length, CHART_WIDTH);
  const sampled = Array.from({ length: columns }, (_, i) =>
    history[columns === 1 ? 0 : Math.round((i * (history.length - 1)) / (columns - 1))],
  );
  const [least, most] = [Math.min(...sampled), Math.max(...sampled)];
  const log = least > 0 && most / least >= 1000;
  // Wide enough for any number to 3 digits: -1.23e-100.
  const width = 10;
  const drawn = plot(log ? sampled.map(Math.log10) : sampled, {
    height: CHART_HEIGHT,
    format: (x) => label(log ? 10 ** x : x).padStart(width),
    colors: [color ? '\x1b[32m' : undefined],
  });
  const last = String(history.length - 1);
  const axis = `${' '.repeat(width + 1)}0${last.padStart(Math.max(columns - 1, last.length + 1))}`;
  return [`${words.byEpoch(outputName)}${log ? words.logScale : ''}`, ...drawn.split('\n').map((line) => line.trimEnd()), axis];
}

/** A number on the chart's scale, short: 3 digits, and an exponent when far from 1. */
function label(x: number): string {
  const short = Number(x.toPrecision(3));
  return short === 0 || (Math.abs(short) >= 1e-3 && Math.abs(short) < 1e6) ? formatNumber(short, 3) : short.toExponential();
}

/** A value as JSON has it: a number, or an array as nested lists. */
function nested(value: Value): unknown {
  return typeof value === 'number' ? value : value.toNested();
}

/** The run as JSON: `{ "output", "trained", "value", "history", ... }`, numbers rounded. */
export function trainingJson(training: Training, digits: number, descent?: Training): string {
  const { result, trained, history } = training;
  const { graph, outputName } = result;
  const document = {
    output: outputName,
    ...(training.newton ? { method: 'newton' } : {}),
    trained: Object.fromEntries(
      trained.map(({ node, start, final }) => [graph.name(node), { start: nested(start), final: nested(final), grad: nested(graph.gradTensor(node) ?? graph.grad(node)) }]),
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
