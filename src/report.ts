import { batch } from './batch.js';
import { check, checkable, disagreement } from './check.js';
import { type BackpropError, printable } from './errors.js';
import type { Program } from './graph.js';
import { dotLines } from './render/dot.js';
import { jsonChunks } from './render/json.js';
import { counted, fewEnough, MAX_PAGE_NODES, MAX_VIEW_NODES } from './render/limit.js';
import { cutTo, fit } from './render/wrap.js';
import { mermaidLines } from './render/mermaid.js';
import type { Line } from './parse/lines.js';
import { painter } from './render/paint.js';
import { PICTURE_DIGITS } from './render/picture.js';
import { drawable } from './render/svg.js';
import { nudge, nudgeable, type NudgeRequest } from './nudge.js';
import { en, say, type Messages, type Said } from './messages/index.js';
import { DIGITS, formatNumber, FULL_DIGITS } from './numbers.js';
import { forwardable, forwardMode } from './forward-mode.js';
import { ordered } from './higher.js';
import { evaluate, gradientFailure } from './result.js';
import { expansionLosses } from './expanded.js';
import { trace } from './trace.js';
import { EPOCHS, train, type TrainOptions } from './train.js';

/** How a result is shown: a table (text for a person), JSON, or a picture or page of the graph. */
export type Format = 'table' | 'json' | 'dot' | 'mermaid' | 'svg' | 'html';

/** How derivatives are computed: backpropagation, tangent passes (forward-mode.ts), or both side by side. */
export type Mode = 'reverse' | 'forward' | 'both';

/** What the command line asks of one program, once its options are read and checked (options.ts). */
export interface ReportOptions {
  format: Format;
  all?: boolean;
  /** Arrays printed whole under the table. */
  full?: boolean;
  precision?: number;
  steps?: boolean;
  graph?: boolean;
  check?: boolean;
  nudge?: NudgeRequest[];
  /** --order n: the n-th derivative (n ≥ 2), or with several inputs the Hessian (higher.ts). */
  order?: number;
  /** --mode forward or both; reverse (backpropagation) when not given. */
  mode?: Exclude<Mode, 'reverse'>;
  /** Gradient descent on the output instead of one evaluation. */
  train?: TrainOptions;
  /** Shows a line of progress in place, when the output goes to a terminal. */
  progress?: (line: string) => void;
  color: boolean;
  /** The screen's width in columns: human output is fitted to it. */
  width: number;
  /** The most a view of every node may print, in bytes (characters, counted without encoding). */
  viewLimit?: number;
  /** The message catalogue of human output, in the reader's language (English unless given). */
  messages?: Messages;
  /** --batch: the lines of input values, whether they are CSV, and whether to stop at the first that fails. */
  batch?: { lines: AsyncIterable<readonly Line[]>; csv: boolean; failFast: boolean };
}

/** What a program gives in batch mode: output lines as they are computed, then the exit status. */
export interface BatchReport {
  lines: AsyncGenerator<string, 0 | 1>;
  notes: readonly string[];
}

/** What a program gives the command line: the output, and what to say on standard error. */
export interface Report {
  /** The output, in the pieces it is to be written in. */
  output: Iterable<string>;
  /** What the input may not say as meant: `note:` lines for standard error, fitted to the screen; status 0. */
  notes: readonly string[];
  /** A failure that still has its whole output to show (a gradient that is no number, --check's disagreement: status 1). */
  failure?: BackpropError;
}

/**
 * Runs a program in the mode the options ask for. Everything that can fail has run when this
 * returns: the output is then written whole.
 */
export async function report(source: Program, options: ReportOptions): Promise<Report | BatchReport> {
  const { format, messages = en, width } = options;
  const notes = (source.notes ?? []).map((note) => noteLine(note, messages, width));
  // A progress line is rewritten in place: it must stay on one row of the screen.
  const progress = options.progress && ((line: string) => options.progress!(cutTo(line, width)));
  if (options.batch !== undefined) {
    const { lines, csv, failFast } = options.batch;
    const { precision: digits, steps, graph, check, viewLimit } = options;
    return { lines: batch(source, lines, { csv, failFast, digits, steps, graph, check, viewLimit }), notes };
  }
  // A view that cannot be shown is refused as soon as the graph's size is known, before any of it is computed.
  const perNode =
    format === 'dot' || format === 'mermaid' || format === 'html' ? `format ${format}` : options.steps ? 'steps' : options.graph ? 'graph' : undefined;
  if (perNode !== undefined) fewEnough(`--${perNode}`, source.graph.size, format === 'html' ? MAX_PAGE_NODES : MAX_VIEW_NODES);
  if (format === 'svg') drawable(source.graph.size);
  if (options.check) checkable(source);
  if (options.nudge !== undefined) nudgeable(source.graph, options.nudge);
  if (options.mode !== undefined) forwardable(source.graph);
  if (options.train !== undefined) return { output: [await trained(source, options.train, { ...options, progress })], notes };
  const picture = format === 'svg' || format === 'dot' || format === 'mermaid' || format === 'html';
  const evaluated = options.order === undefined ? evaluate(source) : ordered(source, options.order, picture);
  // Forward mode beside it: its derivatives shown under --mode forward, its costs under both.
  const forward = options.mode === undefined ? undefined : { ...forwardMode(evaluated, options.steps === true && options.mode === 'forward'), shown: options.mode === 'forward' };
  const result = forward === undefined ? evaluated : { ...evaluated, forward };
  if (format === 'svg') drawable(result.graph.size);
  notes.push(...expansionLosses(result).map((note) => noteLine(note, messages, width)));
  const checked = options.check ? check(result, { progress: progress && ((done, total) => progress(messages.checkProgress(bar(done / total), done, total))) }) : undefined;
  // A gradient that is no number cannot agree with anything: that failure is the one to tell.
  const failure = gradientFailure(result) ?? (checked === undefined ? undefined : disagreement(result, checked));
  const nudges = options.nudge === undefined ? undefined : nudge(result, options.nudge);
  const steps = options.steps && options.mode !== 'forward' ? trace(result) : undefined;
  const digits = options.precision;
  const done = (output: string | Iterable<string>): Report => ({ output: typeof output === 'string' ? [output] : output, notes, failure });
  // A view of every node is counted before it is written, and refused if too long.
  const made = (make: () => Iterable<string>) => (perNode === undefined ? make() : counted(`--${perNode}`, make, options.viewLimit));
  if (format === 'json') return done(made(() => jsonChunks(result, { digits, steps, graph: options.graph, check: checked, nudges })));
  if (format === 'dot') return done(made(() => dotLines(result, digits ?? PICTURE_DIGITS, undefined, messages)));
  if (format === 'mermaid') return done(made(() => mermaidLines(result, digits ?? PICTURE_DIGITS, messages)));
  if (format === 'svg') {
    // Loaded only for a picture: it brings Graphviz, compiled to WebAssembly.
    const { renderSvg } = await import('./render/svg.js');
    return done(await renderSvg(result, digits ?? PICTURE_DIGITS, messages));
  }
  if (format === 'html') {
    // Loaded only for a page: it carries the page's script, and Graphviz for its picture.
    const { htmlChunks, htmlPicture } = await import('./render/html.js');
    const page = { digits: digits ?? DIGITS, pictureDigits: digits ?? PICTURE_DIGITS, all: options.all === true, words: messages };
    const picture = await htmlPicture(result, page);
    return done(made(() => htmlChunks(result, picture, page)));
  }
  // Loaded only for text: a script asking for JSON does not pay for it, nor a pipe for chalk.
  const { renderText } = await import('./render/text.js');
  const paint = await painter(options.color);
  return done(made(() => renderText(result, {
    paint,
    digits,
    all: options.all === true,
    full: options.full,
    steps,
    tree: options.graph === true,
    check: checked,
    nudges,
    width: options.width,
    words: messages,
  })));
}

/** A bar of 20 cells, `fraction` of them full, for a progress line. */
function bar(fraction: number): string {
  const full = Math.round(20 * fraction);
  return `${'█'.repeat(full)}${'░'.repeat(20 - full)}`;
}

/** A note as standard error shows it: `note:`, the words, escaped, within the screen's width. */
function noteLine(note: Said, messages: Messages, width: number): string {
  return `${fit(`${messages.note} ${printable(say(note, messages))}`, width)}\n`;
}

/** --train: gradient descent instead of one evaluation, shown as text or JSON. */
async function trained(source: Program, asked: TrainOptions, options: ReportOptions): Promise<string> {
  const { progress, messages = en } = options;
  const epochs = asked.epochs ?? EPOCHS;
  const told = { progress: progress && ((epoch: number, value: number) => progress(messages.progress(epoch, epochs, source.outputName, formatNumber(value, 6)))) };
  // --compare: gradient descent first, at the rate given, then Newton's method from the same start.
  const { graph } = source;
  const start = graph.inputs().map((input) => [input, graph.valueOf(input)] as const);
  const descent = asked.compare ? train(source, { ...asked, ...told, newton: false }) : undefined;
  for (const [input, value] of descent === undefined ? [] : start) graph.setValue(input, value);
  const training = train(source, { ...asked, ...told, ...(descent === undefined ? {} : { rate: undefined }) });
  const { renderTraining, trainingJson } = await import('./render/training.js');
  if (options.format === 'json') return trainingJson(training, options.precision ?? FULL_DIGITS, descent);
  return renderTraining(training, { paint: await painter(options.color), digits: options.precision, width: options.width, words: messages, descent });
}
