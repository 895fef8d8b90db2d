import { check as checkGradients, disagreement } from './check.js';
import { BackpropError, cut, errorObject, InputError, printable } from './errors.js';
import type { Program } from './graph.js';
import { text, type Said } from './messages/index.js';
import { csvCells } from './parse/csv.js';
import { tensorOf } from './parse/array.js';
import { preview, readValuesLine, type ValuesLine } from './parse/json-line.js';
import type { Value } from './tensor.js';
import { NUMBER } from './parse/lexer.js';
import { MAX_LINE_BYTES, type Line } from './parse/lines.js';
import { decodeUtf8, nfc } from './parse/source.js';
import { jsonChunks } from './render/json.js';
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
 * failed, else 0.
 */
export async function* batch(program: Program, lines: AsyncIterable<string | readonly Line[]>, options: BatchOptions = {}): AsyncGenerator<string, 0 | 1> {
  const { graph } = program;
  const inputs = new Map<string, number>();
  for (const node of graph.inputs()) inputs.set(graph.name(node)!, node);
  // NaN: an input of the program that only the lines give (--batch leaves it unbound).
  const lineOnly = [...inputs].filter(([, node]) => graph.tensor(node) === undefined && Number.isNaN(graph.value(node))).map(([name]) => name);

  /** A line's values as the leaves of the graph to set, each checked. */
  const leaves = ({ values }: ValuesLine): [number, Value][] => {
    const given = new Set<string>();
    const set = values.map(([name, value]): [number, Value] => {
      const node = inputs.get(name);
      if (node === undefined) throw new InputError(text('noInputNamed', cut(name), itsInputs(inputs)), { name, code: 'unknown-name' });
      // An array is nested lists of numbers: a vector, or a matrix of rows all as long.
      const array = Array.isArray(value) ? tensorOf(value) : undefined;
      if (array !== undefined) {
        given.add(name);
        return [node, array];
      }
      if (Array.isArray(value)) throw new InputError(text('notArray', cut(name), preview(value)), { name });
      if (typeof value !== 'number') throw new InputError(text('notFiniteNumber', cut(name), preview(value)), { name });
      // JSON reads 1e999 as Infinity.
      if (!Number.isFinite(value)) throw new InputError(text('tooLarge', `'${cut(name)}'`), { name });
      given.add(name);
      return [node, value];
    });
    const missing = lineOnly.find((name) => !given.has(name));
    if (missing !== undefined) throw new InputError(text('lineNoValue', cut(missing)), { name: missing });
    return set;
  };

  let header: string[] | undefined;
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
      let values: ValuesLine;
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
      const set = leaves(values);
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
  if (!(line instanceof Uint8Array)) throw new InputError(text('lineTooLong', Math.round(line.tooLong / 2 ** 20), MAX_LINE_BYTES / 2 ** 20));
  return decodeUtf8(line, text('theLine'));
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
  return [...jsonChunks(result, { digits: options.digits, steps, graph: options.graph, check: checked, compact: true, echoed })].join('');
}

/** The input names of a CSV file's columns, from its first row. */
function csvHeader(cells: string[], inputs: Map<string, number>, line: number): string[] {
  const names = cells.map(nfc);
  const unknown = names.find((name) => !inputs.has(name));
  if (unknown !== undefined) {
    throw new InputError(text('csvUnknown', cut(unknown), itsInputs(inputs)), { csvLine: line, name: unknown, code: 'unknown-name' });
  }
  const seen = new Set<string>();
  const twice = names.find((name) => seen.size === seen.add(name).size);
  if (twice !== undefined) throw new InputError(text('csvTwice', cut(twice)), { csvLine: line, name: twice });
  return names;
}

/** One CSV row's values; an empty cell keeps the program's value. */
function csvValues(cells: string[], header: string[]): ValuesLine {
  if (cells.length !== header.length) throw new InputError(text('csvRow', cells.length, header.length));
  const values: ValuesLine['values'] = [];
  cells.forEach((cell, i) => {
    if (cell === '') return;
    if (!CELL.test(cell)) throw new InputError(text('csvNotNumber', cut(header[i]), cut(cell)), { name: header[i] });
    values.push([header[i], Number(cell)]);
  });
  return { values, echoed: [] };
}

/** ` (its inputs: x, y and 3 more)`, for a message; nothing for a program of no inputs. */
function itsInputs(inputs: Map<string, number>): Said {
  if (inputs.size === 0) return '';
  const shown: string[] = [];
  for (const name of inputs.keys()) {
    if (shown.length === 5) break;
    shown.push(cut(name));
  }
  return text('itsInputs', inputs.size > 5 ? text('listMore', shown.join(', '), inputs.size - 5) : shown.join(', '));
}
