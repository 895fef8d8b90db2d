import { check as checkGradients, disagreement } from './check.js';
import { BackpropError, cut, errorObject, InputError, printable } from './errors.js';
import type { Program } from './graph.js';
import { NUMBER } from './parse/lexer.js';
import { jsonChunks } from './render/json.js';
import { evaluate, gradientFailure } from './result.js';
import { trace } from './trace.js';

export interface BatchOptions {
  /** The lines are CSV, the first one naming the inputs of each column. */
  csv?: boolean;
  /** Stop at the first line that fails. */
  failFast?: boolean;
  /** Significant digits of every number: 15 unless --precision says otherwise. */
  digits?: number;
  steps?: boolean;
  graph?: boolean;
  check?: boolean;
}

/** Input values one line gives, by name. */
type Values = [name: string, value: unknown][];

const CELL = new RegExp(`^[-+]?${NUMBER}$`);

/**
 * Evaluates one program for many sets of input values: the graph is built once, then each
 * line of input (a JSON object of values, or a CSV row) gives its values for one forward and
 * backward pass. Inputs a line leaves out keep the values the program was built with. Yields
 * one output line per input line, as soon as it is computed: the --json document on one line,
 * or `{"line": N, "error": {…}}` for a line that failed. Returns the exit status: 1 if any
 * line failed, else 0.
 */
export async function* batch(program: Program, lines: AsyncIterable<string>, options: BatchOptions = {}): AsyncGenerator<string, 0 | 1> {
  const { graph } = program;
  const inputs = new Map<string, number>();
  for (let node = 0; node < graph.size; node++) {
    const name = graph.name(node);
    if (name !== undefined && graph.isInput(node)) inputs.set(name, node);
  }
  // NaN: an input of the program that only the lines give (--batch leaves it unbound).
  const given = new Map([...inputs].map(([name, node]) => [name, graph.value(node)]));
  const lineOnly = [...given].filter(([, value]) => Number.isNaN(value)).map(([name]) => name);

  /** Gives the program one line's values, after putting back those the previous line changed. */
  let changed: string[] = [];
  const assign = (values: Values) => {
    for (const name of changed) graph.setValue(inputs.get(name)!, given.get(name)!);
    changed = [];
    for (const [name, value] of values) {
      const node = inputs.get(name);
      if (node === undefined) throw new InputError(`the program has no input '${cut(name)}'${suggest(inputs)}`, { name });
      if (typeof value !== 'number') throw new InputError(`'${cut(name)}' is ${cut(JSON.stringify(value))}: give a finite number`, { name });
      // JSON reads 1e999 as Infinity.
      if (!Number.isFinite(value)) throw new InputError(`'${cut(name)}' is too large (the largest number is about 1.8e308)`, { name });
      graph.setValue(node, value);
      changed.push(name);
    }
    const missing = lineOnly.find((name) => !values.some(([given]) => given === name));
    if (missing !== undefined) {
      throw new InputError(`'${cut(missing)}' has no value: give it in each line ({"${cut(missing)}": 2}) or on the command line (${cut(missing)}=2)`, {
        name: missing,
      });
    }
  };

  let header: string[] | undefined;
  let number = 0;
  let status: 0 | 1 = 0;
  for await (const line of lines) {
    number++;
    if (options.csv && header === undefined) {
      header = csvHeader(line, inputs, number);
      continue;
    }
    try {
      assign(header === undefined ? jsonValues(line) : csvValues(line, header));
      yield `${document(program, options)}\n`;
    } catch (error) {
      if (!(error instanceof BackpropError)) throw error;
      status = 1;
      yield `${printable(JSON.stringify({ line: number, ...errorObject(error) }), true)}\n`;
      if (options.failFast) break;
    }
  }
  return status;
}

/** The --json document of the program at its current values, on one line. */
function document(program: Program, options: BatchOptions): string {
  const result = evaluate(program);
  const checked = options.check ? checkGradients(result) : undefined;
  const failure = gradientFailure(result) ?? (checked === undefined ? undefined : disagreement(result, checked));
  if (failure !== undefined) throw failure;
  const steps = options.steps ? trace(result) : undefined;
  const text = [...jsonChunks(result, { digits: options.digits, steps, graph: options.graph, check: checked })].join('');
  return JSON.stringify(JSON.parse(text));
}

function jsonValues(line: string): Values {
  if (line.trim() === '') throw new InputError('the line is empty: give an object of input values, e.g. {"x": 2}, or {} for none');
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new InputError(`the line is not JSON (${cut((error as Error).message, 100)}): give an object of input values, e.g. {"x": 2}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(`the line is ${cut(JSON.stringify(parsed))}, not an object: give an object of input values, e.g. {"x": 2}`);
  }
  return Object.entries(parsed);
}

/** The input names of a CSV file's columns, from its first line. */
function csvHeader(line: string, inputs: Map<string, number>, number: number): string[] {
  const names = cells(line);
  const unknown = names.find((name) => !inputs.has(name));
  if (unknown !== undefined) {
    throw new InputError(`the CSV header names '${cut(unknown)}', which is not an input of the program${suggest(inputs)}`, { line: number, name: unknown });
  }
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new InputError(`the CSV header names '${cut(twice)}' twice`, { line: number, name: twice });
  return names;
}

/** One CSV row's values; an empty cell keeps the program's value. */
function csvValues(line: string, header: string[]): Values {
  const row = cells(line);
  if (row.length !== header.length) {
    throw new InputError(`the row has ${row.length} value${row.length === 1 ? '' : 's'} where the header names ${header.length}`);
  }
  const values: Values = [];
  row.forEach((cell, i) => {
    if (cell === '') return;
    if (!CELL.test(cell)) throw new InputError(`'${cut(header[i])}' is '${cut(cell)}': give a number`, { name: header[i] });
    values.push([header[i], Number(cell)]);
  });
  return values;
}

/** The cells of a CSV line: comma-separated, blanks around them and double quotes dropped. */
function cells(line: string): string[] {
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

function suggest(inputs: Map<string, number>): string {
  const names = [...inputs.keys()];
  if (names.length === 0) return '';
  return ` (its inputs: ${names.slice(0, 5).map((name) => cut(name)).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''})`;
}
