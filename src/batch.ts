import { check as checkGradients, checkable, disagreement } from './check.js';
import { BackpropError, cut, errorObject, InputError, printable } from './errors.js';
import type { Graph, Program } from './graph.js';
import { list, text, type Said } from './messages/index.js';
import { csvCells } from './parse/csv.js';
import { tensorOf } from './parse/array.js';
import { preview, readValuesLine, type ValuesLine } from './parse/json-line.js';
import type { Value } from './tensor.js';
import { NUMBER } from './parse/lexer.js';
import { MAX_LINE_BYTES, MAX_SKIPPED_BYTES, type Line } from './parse/lines.js';
import { decodeUtf8, nfc } from './parse/source.js';
import { jsonChunks } from './render/json.js';
import { fewEnough, joined, MAX_VIEW_NODES } from './render/limit.js';
import { evaluate, gradientFailure } from './result.js';
import { trace } from './trace.js';

export interface BatchOptions {
  /** The lines are CSV, the first one naming the inputs of each column. */
  csv?: boolean;
  /** Stop at the first line that fails. */
  failFast?: boolean;
  /** Significant digits of every number: FULL_DIGITS unless --precision says otherwise. */
  digits?: number;
  steps?: boolean;
  graph?: boolean;
  check?: boolean;
  /** The most characters a line's --steps or --graph may print (BACKPROP_VIEW_MB). */
  viewLimit?: number;
}

const CELL = new RegExp(`^[-+]?${NUMBER}$`);

/**
 * Evaluates one program for many sets of input values: the graph is built once, then each
 * line of input (a JSON object of values, or a CSV row) gives its values for one forward and
 * backward pass, run inside Graph.with so that no line leaves its values to the next. Inputs
 * a line leaves out keep the values the program was built with. A line is a string, or
 * comes in a group of the lines that arrived together (lineGroups), as bytes. Yields the
 * answers as soon as they are computed, a line each, those of a group together: the --json
 * document on one line, or `{"line": N, "error": {…}}` for a line that failed, with the
 * line's `id` and `_` keys echoed first in either. Returns the exit status: 1 if any line
 * failed, else 0. A line's --steps and --graph are held to the limits of the views of every
 * node, and its --check to the work a check may take: a graph too large for them is refused
 * here, before any line is read, and a line whose view would print too much is answered with
 * an error.
 */
export function batch(program: Program, lines: AsyncIterable<string | readonly Line[]>, options: BatchOptions = {}): AsyncGenerator<string, 0 | 1> {
  const view = viewOf(options);
  if (view !== undefined) fewEnough(view, program.graph.size, MAX_VIEW_NODES);
  if (options.check) checkable(program);
  return answers(program, lines, options);
}

async function* answers(program: Program, lines: AsyncIterable<string | readonly Line[]>, options: BatchOptions): AsyncGenerator<string, 0 | 1> {
  const { graph } = program;
  const nodes = graph.inputs();
  const inputs = new InputNames(graph, nodes);
  // NaN: an input of the program that only the lines give (--batch leaves it unbound).
  const lineOnly = nodes.flatMap((node, i) => (graph.tensor(node) === undefined && Number.isNaN(graph.value(node)) ? [i] : []));
  // For each input, the line that last gave it a value, and where in that line's values: a
  // line of a million values is read without a set of its names.
  const givenIn = new Int32Array(nodes.length);
  const givenAt = new Int32Array(nodes.length);
  // Each value's input (-1 for a name that is none, -2 for a value given again to an input
  // that the line gave one before: it becomes that value), kept from line to line.
  let inputOf = new Int32Array(16);

  /**
   * A line's values as the leaves of the graph to set, each checked in the order given. A
   * name given twice counts once, where it is first given, with its last value, as JSON.parse
   * reads an object.
   */
  const leaves = ({ values, inputs: known }: LineValues, line: number): [number, Value][] => {
    if (inputOf.length < values.length) inputOf = new Int32Array(2 * values.length);
    values.forEach(([name, value], i) => {
      const input = known?.[i] ?? inputs.get(name) ?? -1;
      if (input >= 0 && givenIn[input] === line) {
        values[givenAt[input]][1] = value;
        inputOf[i] = -2;
        return;
      }
      if (input >= 0) {
        givenIn[input] = line;
        givenAt[input] = i;
      }
      inputOf[i] = input;
    });
    const set: [number, Value][] = [];
    values.forEach(([name, value], i) => {
      const input = inputOf[i];
      if (input === -2) return;
      if (input === -1) throw new InputError(text('noInputNamed', cut(name), itsInputs(inputs)), { name, code: 'unknown-name' });
      // An array is nested lists of numbers: a vector, or a matrix of rows all as long.
      if (Array.isArray(value)) {
        const array = tensorOf(value);
        if (array === undefined) throw new InputError(text('notArray', cut(name), preview(value)), { name });
        set.push([nodes[input], array]);
        return;
      }
      if (typeof value !== 'number') throw new InputError(text('notFiniteNumber', cut(name), preview(value)), { name });
      // JSON reads 1e999 as Infinity.
      if (!Number.isFinite(value)) throw new InputError(text('tooLarge', `'${cut(name)}'`), { name });
      set.push([nodes[input], value]);
    });
    const missing = lineOnly.find((input) => givenIn[input] !== line);
    if (missing !== undefined) {
      const name = graph.name(nodes[missing])!;
      throw new InputError(text('lineNoValue', cut(name)), { name });
    }
    return set;
  };

  let header: Column[] | undefined;
  let number = 0;
  let status = 0 as 0 | 1;
  // A CSV value in quotes may hold a line break: the row goes on on the next line.
  let row: { start: number; text: string } | undefined;
  /** The answer to one line: its document or its error, each on a line; nothing for a CSV header or an empty row. */
  const answer = (given: string | Line): string => {
    number++;
    let echoed: ValuesLine['echoed'] = [];
    let at = number;
    try {
      let line = lineText(given);
      if (number === 1) line = line.replace(/^\uFEFF/, '');
      let values: LineValues;
      if (options.csv) {
        if (row !== undefined) {
          line = `${row.text}\n${line}`;
          at = row.start;
        }
        const cells = csvCells(line);
        row = cells === undefined ? { start: at, text: line } : undefined;
        if (cells === undefined || (cells.length === 1 && cells[0] === '')) return '';
        if (header === undefined) {
          header = csvHeader(cells, inputs, at);
          return '';
        }
        values = csvValues(cells, header);
      } else {
        values = readValuesLine(line);
        echoed = values.echoed;
      }
      const set = leaves(values, number);
      return `${graph.with(set, () => document(program, options, echoed))}\n`;
    } catch (error) {
      if (!(error instanceof BackpropError)) throw error;
      // A CSV header that names no input fails the run: no row could be read.
      if (options.csv && header === undefined) throw error;
      status = 1;
      return errorLine(at, echoed, error);
    }
  };

  for await (const given of lines) {
    let answers = '';
    for (const line of typeof given === 'string' ? [given] : given) {
      answers += answer(line);
      if (status === 1 && options.failFast) {
        yield answers;
        return status;
      }
    }
    if (answers !== '') yield answers;
  }
  if (row !== undefined) {
    status = 1;
    yield errorLine(row.start, [], new InputError(text('csvOpenQuote')));
  }
  return status;
}

/** A line's text: bytes are checked to be UTF-8, and a line too long to keep is refused. */
function lineText(line: string | Line): string {
  if (typeof line === 'string') return line;
  if (line instanceof Uint8Array) return decodeUtf8(line, text('theLine'));
  if (line.endless) throw new InputError(text('lineEndless', MAX_SKIPPED_BYTES / 2 ** 20));
  throw new InputError(text('lineTooLong', Math.round(line.tooLong / 2 ** 20), MAX_LINE_BYTES / 2 ** 20));
}

/** `{"line": N, "error": {…}}`, with the line's echoed keys between, on a line. */
function errorLine(at: number, echoed: ValuesLine['echoed'], error: BackpropError): string {
  const echo = echoed.map(([key, json]) => `${JSON.stringify(key)}:${json},`).join('');
  return `{"line":${at},${echo}${printable(JSON.stringify(errorObject(error)).slice(1), true)}\n`;
}

/** The --json document of the program at its current values, on one line, with what the line asked to be echoed first. */
function document(program: Program, options: BatchOptions, echoed: ValuesLine['echoed']): string {
  const result = evaluate(program);
  const checked = options.check ? checkGradients(result, { timed: false }) : undefined;
  const failure = gradientFailure(result) ?? (checked === undefined ? undefined : disagreement(result, checked));
  if (failure !== undefined) throw failure;
  const steps = options.steps ? trace(result) : undefined;
  const chunks = jsonChunks(result, { digits: options.digits, steps, graph: options.graph, check: checked, compact: true, echoed });
  const view = viewOf(options);
  return view === undefined ? [...chunks].join('') : joined(view, chunks, options.viewLimit);
}

/** The view of every node that a line's document holds, as an option names it; none without --steps or --graph. */
function viewOf({ steps, graph }: BatchOptions): string | undefined {
  return steps ? '--steps' : graph ? '--graph' : undefined;
}

/** A line's values, and where its form tells, the input each is for (a CSV column's), as where it is among the program's inputs. */
interface LineValues extends ValuesLine {
  inputs?: number[];
}

/** A CSV column: the input it names, and where that is among the program's inputs. */
interface Column {
  name: string;
  input: number;
}

/** The inputs of a CSV file's columns, from its first row: each named once, found once for every row. */
function csvHeader(cells: string[], inputs: InputNames, line: number): Column[] {
  const seen = new Uint8Array(inputs.size);
  return cells.map((cell) => {
    const name = nfc(cell);
    const input = inputs.get(name);
    if (input === undefined) throw new InputError(text('csvUnknown', cut(name), itsInputs(inputs)), { csvLine: line, name, code: 'unknown-name' });
    if (seen[input] === 1) throw new InputError(text('csvTwice', cut(name)), { csvLine: line, name });
    seen[input] = 1;
    return { name, input };
  });
}

/** One CSV row's values; an empty cell keeps the program's value. */
function csvValues(cells: string[], header: Column[]): LineValues {
  if (cells.length !== header.length) throw new InputError(text('csvRow', cells.length, header.length));
  const values: ValuesLine['values'] = [];
  const inputs: number[] = [];
  cells.forEach((cell, i) => {
    const { name, input } = header[i];
    if (cell === '') return;
    if (!CELL.test(cell)) throw new InputError(text('csvNotNumber', cut(name), cut(cell)), { name });
    values.push([name, Number(cell)]);
    inputs.push(input);
  });
  return { values, echoed: [], inputs };
}

/** ` (its inputs: x, y and 3 more)`, for a message; nothing for a program of no inputs. */
function itsInputs(inputs: InputNames): Said {
  if (inputs.size === 0) return '';
  return text('itsInputs', list(inputs.first(5).map((name) => cut(name)), inputs.size));
}

/**
 * A program's inputs by name, each as where it is in the list of inputs. Lines most often give
 * a program's inputs in its own order (a generated CSV, a line of a million values): the input
 * after the one found last is tried first, and a Map of all the names, which a million names
 * take seconds to fill, is made only when a name is not that one.
 */
class InputNames {
  private byName?: Map<string, number>;
  private next = 0;

  constructor(
    private readonly graph: Graph,
    private readonly nodes: readonly number[],
  ) {}

  get size(): number {
    return this.nodes.length;
  }

  get(name: string): number | undefined {
    const { graph, nodes, next } = this;
    let input: number | undefined = next;
    if (next >= nodes.length || graph.name(nodes[next]) !== name) {
      this.byName ??= new Map(nodes.map((node, i) => [graph.name(node)!, i]));
      input = this.byName.get(name);
    }
    if (input !== undefined) this.next = input + 1;
    return input;
  }

  /** The names of the first `count` inputs. */
  first(count: number): string[] {
    return this.nodes.slice(0, count).map((node) => this.graph.name(node)!);
  }
}
