import { batch } from './batch.js';
import { check, disagreement } from './check.js';
import { type BackpropError, InputError } from './errors.js';
import type { Program } from './graph.js';
import { dotLines } from './render/dot.js';
import { jsonChunks } from './render/json.js';
import { counted } from './render/limit.js';
import { mermaidLines } from './render/mermaid.js';
import { PICTURE_DIGITS } from './render/picture.js';
import { nudge, type NudgeRequest } from './nudge.js';
import { en, text, type Messages, type Said } from './messages/index.js';
import { formatNumber } from './numbers.js';
import { evaluate, gradientFailure } from './result.js';
import { trace } from './trace.js';
import { EPOCHS, train, type TrainOptions } from './train.js';

/**
 * The most nodes a view that prints every node (--steps, --graph, DOT, Mermaid) takes. At this
 * size each such view still prints within seconds and well under a gigabyte (measured on a
 * chain of 10^5 negations); a larger program is refused before anything is written.
 */
export const MAX_VIEW_NODES = 100_000;

/**
 * The most nodes the page of --format html takes, as a view of every node. Its size is not what
 * limits it but the browser: the page of a sum of 5,000 inputs (10^4 nodes, 2.7 MB) opens in
 * Chromium in 2 s, and one ten times as large took more than 30 s.
 */
export const MAX_PAGE_NODES = 10_000;

/** What the command line asks of one program, once argv is read and color decided. */
export interface ReportOptions {
  json?: boolean;
  /** table unless said otherwise. */
  format?: 'table' | 'json' | 'dot' | 'mermaid' | 'svg' | 'html';
  all?: boolean;
  precision?: number;
  steps?: boolean;
  graph?: boolean;
  check?: boolean;
  nudge?: NudgeRequest[];
  /** Gradient descent on the output instead of one evaluation. */
  train?: TrainOptions;
  /** Shows a line of progress in place, when the output goes to a terminal. */
  progress?: (line: string) => void;
  color: boolean;
  /** The screen's width in columns: human output is fitted to it. */
  width: number;
  /** The most a view of every node may print, in bytes (characters, counted without encoding). */
  viewLimit?: number;
  /** The words of human output, in the reader's language (English unless given). */
  words?: Messages;
  /** --batch: the lines of input values, whether they are CSV, and whether to stop at the first that fails. */
  batch?: { lines: AsyncIterable<string>; csv: boolean; failFast: boolean };
}

/** What a program gives in batch mode: output lines as they are computed, then the exit status. */
export interface BatchReport {
  lines: AsyncGenerator<string, 0 | 1>;
  notes: readonly Said[];
}

/** What a program gives the command line: the output, and what to say on standard error. */
export interface Report {
  /** The output, in the pieces it is to be written in. */
  output: Iterable<string>;
  /** What the input may not say as meant: `note:` lines, with status 0. */
  notes: readonly Said[];
  /** A failure that still has its whole output to show (a gradient that is no number, --check's disagreement: status 1). */
  failure?: BackpropError;
}

/**
 * Runs a program in the mode the options ask for. Everything that can fail has run when this
 * returns: the output is then written whole.
 */
export async function report(source: Program, options: ReportOptions): Promise<Report | BatchReport> {
  if (options.json && options.format !== undefined && options.format !== 'json') {
    throw new InputError(text('jsonWithFormat', options.format));
  }
  const format = options.json ? 'json' : (options.format ?? 'table');
  const notes = source.notes ?? [];
  if (options.batch !== undefined) {
    if (options.format !== undefined && options.format !== 'json') {
      throw new InputError(text('batchWithFormat', options.format));
    }
    const other = options.train !== undefined ? 'train' : options.nudge !== undefined ? 'nudge' : undefined;
    if (other !== undefined) throw new InputError(text('notWithBatch', other));
    const { lines, csv, failFast } = options.batch;
    const { precision: digits, steps, graph, check } = options;
    return { lines: batch(source, lines, { csv, failFast, digits, steps, graph, check }), notes };
  }
  const views = (['steps', 'graph', 'check', 'nudge'] as const).filter((view) => options[view]);
  if ((format === 'dot' || format === 'mermaid' || format === 'svg' || format === 'html') && views.length > 0) {
    throw new InputError(text('textOrJson', views[0], format));
  }
  const perNode =
    format === 'dot' || format === 'mermaid' || format === 'html' ? `format ${format}` : views.find((view) => view === 'steps' || view === 'graph');
  const most = format === 'html' ? MAX_PAGE_NODES : MAX_VIEW_NODES;
  if (perNode !== undefined && source.graph.size > most) {
    throw new InputError(text('viewTooLarge', `--${perNode}`, source.graph.size, most));
  }
  if (options.train !== undefined) return { output: [await trained(source, options.train, format, views, options)], notes };
  const result = evaluate(source);
  const checked = options.check ? check(result) : undefined;
  // A gradient that is no number cannot agree with anything: that failure is the one to tell.
  const failure = gradientFailure(result) ?? (checked === undefined ? undefined : disagreement(result, checked));
  const nudges = options.nudge === undefined ? undefined : nudge(result, options.nudge);
  const steps = options.steps ? trace(result) : undefined;
  const digits = options.precision;
  const done = (output: string | Iterable<string>): Report => ({ output: typeof output === 'string' ? [output] : output, notes, failure });
  // A view of every node is counted before it is written, and refused if too long.
  const made = (make: () => Iterable<string>) => (perNode === undefined ? make() : counted(`--${perNode}`, make, options.viewLimit));
  if (format === 'json') return done(made(() => jsonChunks(result, { digits, steps, graph: options.graph, check: checked, nudges })));
  if (format === 'dot') return done(made(() => dotLines(result, digits ?? PICTURE_DIGITS, undefined, options.words)));
  if (format === 'mermaid') return done(made(() => mermaidLines(result, digits ?? PICTURE_DIGITS, options.words)));
  if (format === 'svg') {
    // Loaded only for a picture: it brings Graphviz, compiled to WebAssembly.
    const { renderSvg } = await import('./render/svg.js');
    return done(await renderSvg(result, digits ?? PICTURE_DIGITS, options.words));
  }
  if (format === 'html') {
    // Loaded only for a page: it carries the page's script, and Graphviz for its picture.
    const { htmlChunks, htmlPicture } = await import('./render/html.js');
    const page = { digits: digits ?? 12, pictureDigits: digits ?? PICTURE_DIGITS, all: options.all === true, words: options.words };
    const picture = await htmlPicture(result, page);
    return done(made(() => htmlChunks(result, picture, page)));
  }
  // Loaded only for text: a script asking for JSON does not pay for chalk.
  const { renderText } = await import('./render/text.js');
  return done(made(() => renderText(result, {
    color: options.color,
    digits,
    all: options.all === true,
    steps,
    tree: options.graph === true,
    check: checked,
    nudges,
    width: options.width,
    words: options.words,
  })));
}

/** --train: gradient descent instead of one evaluation, shown as text or JSON. */
async function trained(source: Program, asked: TrainOptions, format: string, views: string[], options: ReportOptions): Promise<string> {
  const refused = views[0] ?? (options.all ? 'all' : undefined);
  if (refused !== undefined) throw new InputError(text('notWithTrain', refused));
  if (format !== 'table' && format !== 'json') throw new InputError(text('textOrJson', 'train', format));
  const { progress, words = en } = options;
  const epochs = asked.epochs ?? EPOCHS;
  const training = train(source, {
    ...asked,
    progress: progress && ((epoch, value) => progress(words.progress(epoch, epochs, source.outputName, formatNumber(value, 6)))),
  });
  const { renderTraining, trainingJson } = await import('./render/training.js');
  if (format === 'json') return trainingJson(training, options.precision ?? 15);
  return renderTraining(training, { color: options.color, digits: options.precision ?? 12, words });
}
