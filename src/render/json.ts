import { ABSOLUTE, RELATIVE, STEP, type Check } from '../check.js';
import { expression, label, shownName } from '../notation.js';
import { say } from '../messages/index.js';
import { FULL_DIGITS, jsonNumber, round } from '../numbers.js';
import { plainValue, type Tensor } from '../tensor.js';
import type { Nudge } from '../nudge.js';
import { gradientOf, type Result } from '../result.js';
import type { Step } from '../trace.js';
import { JsonText } from './json-text.js';

export interface JsonOptions {
  /** Significant digits of every number: FULL_DIGITS unless --precision says otherwise. */
  digits?: number;
  steps?: Step[];
  graph?: boolean;
  check?: Check;
  nudges?: Nudge[];
  /** On one line with no blanks, as --batch writes a document a line. */
  compact?: boolean;
  /** Keys and their JSON text to write first: a --batch line's `id` and `_` keys. */
  echoed?: readonly (readonly [key: string, json: string])[];
}

/** Where a document's blanks go: spaced out for a person, or none for a line of --batch. */
const SPACED = { indent: '\n  ', entry: '\n    ', colon: ': ', open: '{ ', close: ' }', end: '\n}\n' };
const COMPACT = { indent: '', entry: '', colon: ':', open: '{', close: '}', end: '}' };

/** The buffer of the last document finished, for the next to use. */
let spare: JsonText | undefined;
/** How many members an object may have to be written at once, not in pieces; and the pieces of one so written. */
const FEW = 64;
const NONE: readonly string[] = [];

/** The text of each key after the one before it, spaced out and compact: the same few keys in every document. */
const KEYS = [new Map<string, string>(), new Map<string, string>()];
function keyText(name: string, compact: boolean): string {
  const keys = KEYS[compact ? 1 : 0];
  let text = keys.get(name);
  if (text === undefined) {
    const { indent, colon } = compact ? COMPACT : SPACED;
    text = `,${indent}${JSON.stringify(name)}${colon}`;
    keys.set(name, text);
  }
  return text;
}

/**
 * The --json document described in the README, with "steps", "graph" and "check" added when asked
 * for. Numbers are rounded so that 3.3000000000000003 reads 3.3.
 */
export function renderJson(result: Result, options: JsonOptions = {}): string {
  return [...jsonChunks(result, options)].join('');
}

/**
 * The same document in pieces of some kilobytes, to be written as they come: a receipt of a
 * million inputs then never holds its whole document, nor a million-key object, in memory.
 * The main part is written out by hand, so keys stay in order of appearance.
 */
export function* jsonChunks(result: Result, options: JsonOptions = {}): Generator<string> {
  const { digits = FULL_DIGITS, steps, graph: withGraph, check, nudges, compact = false, echoed = [] } = options;
  const { graph, outputName } = result;
  const { indent, entry, colon, open, close, end } = compact ? COMPACT : SPACED;
  // All of it is gathered in one buffer, and taken as a string a piece of 64 KB at a time.
  // --batch writes a document a line: the buffer of the last one finished serves the next.
  const text = spare ?? new JsonText();
  spare = undefined;
  const PIECE = 1 << 16;
  /**
   * An object of a key a node, the node's name, and a value that `write` adds to `text`. Many
   * nodes are written in pieces as they fill; a few at once, as a generator costs more than
   * all of a --batch line's object.
   */
  const object = (nodes: number[], write: (node: number) => void): Iterable<string> => {
    if (nodes.length > FEW) return inPieces(nodes, write);
    text.add('{');
    for (let i = 0; i < nodes.length; i++) member(nodes, i, write);
    text.add(nodes.length === 0 ? '}' : `${indent}}`);
    return NONE;
  };
  function* inPieces(nodes: number[], write: (node: number) => void): Generator<string> {
    text.add('{');
    for (let i = 0; i < nodes.length; i++) {
      member(nodes, i, write);
      if (text.size > PIECE) yield text.take();
    }
    text.add(`${indent}}`);
  }
  const member = (nodes: number[], i: number, write: (node: number) => void) => {
    text.addString(graph.name(nodes[i])!, i === 0 ? entry : `,${entry}`, colon);
    write(nodes[i]);
  };
  const name = (node: number) => shownName(result, node) ?? label(graph, node);
  /** A key of the document, after the one before it. */
  const key = (name: string) => text.add(keyText(name, compact));
  // The extra parts go through JSON.stringify, numbers rounded, nested one level in.
  const stringify = (value: unknown, depth: string) =>
    JSON.stringify(value, (_, x: unknown) => (typeof x === 'number' ? round(x, digits) : x), compact ? undefined : 2).replace(/\n/g, `\n${depth}`);
  const extra = (name: string, value: unknown) => {
    key(name);
    text.add(stringify(value, '  '));
  };
  // A list of a node or a step each, an element at a time, laid out as one JSON.stringify would.
  function* list(name: string, items: Iterable<unknown>): Generator<string> {
    key(name);
    text.add('[');
    let empty = true;
    for (const item of items) {
      text.add(`${empty ? '' : ','}${entry}${stringify(item, '    ')}`);
      empty = false;
      if (text.size > PIECE) yield text.take();
    }
    text.add(empty ? ']' : `${indent}]`);
  }

  /** A node's value (or gradient) as JSON: a number, or nested arrays of numbers; a label's gradient is null. */
  // Asked once, not for each of a million nodes: whether there are arrays, and whose gradients these are.
  const arrays = graph.hasArrays;
  const forwardGradients = result.forward?.shown === true;
  const value = (node: number, grad: boolean, given = digits) => {
    const tensor = !arrays ? undefined : !grad ? graph.tensor(node) : result.labels.has(node) ? undefined : graph.gradOf(node);
    if (typeof tensor === 'object') text.add(nested(tensor, given));
    else if (!grad) text.addNumber(graph.value(node), given);
    else text.addNumber(arrays && result.labels.has(node) ? NaN : forwardGradients ? gradientOf(result, node) : graph.grad(node), given);
  };
  text.add('{');
  for (const [name, json] of echoed) text.add(`${indent}${JSON.stringify(name)}${colon}${json},`);
  // Under --order n, the program's own output and value; its n-th derivative where the gradient goes.
  const { order } = result;
  text.add(`${indent}"output"${colon}${JSON.stringify(order?.outputName ?? outputName)}`);
  key('value');
  text.addNumber(order?.value ?? result.value, digits);
  if (order !== undefined) {
    key('order');
    text.add(String(order.n));
  }
  key('inputs');
  // Inputs as given: the precision asked for applies to computed values.
  // A program of numbers, a million inputs, the plain way; value() tells arrays and the rest apart.
  const numbersOnly = !arrays && !forwardGradients;
  yield* object(result.inputs, numbersOnly ? (node) => text.addNumber(graph.value(node), 17) : (node) => value(node, false, 17));
  key('gradients');
  yield* object(result.inputs, numbersOnly ? (node) => text.addNumber(graph.grad(node), digits) : (node) => value(node, true));
  key('intermediates');
  yield* object(result.intermediates, (node) => {
    text.add(`${open}"value"${colon}`);
    value(node, false);
    text.add(`,${compact ? '' : ' '}"grad"${colon}`);
    value(node, true);
    text.add(close);
  });
  // A program with arrays: each array's shape, and the inputs that are data (labels), which get no gradient.
  if (graph.hasArrays) {
    const arrays = [...result.inputs, ...result.intermediates].filter((node) => graph.shape(node).length > 0);
    key('shapes');
    yield* object(arrays, (node) => text.add(JSON.stringify(graph.shape(node))));
    if (result.labels.size > 0) extra('labels', [...result.labels].map((node) => graph.name(node)));
  }
  // Which numbers are exact rationals (their nearest doubles above), and which doubles.
  key('exact');
  text.add(`${open}"value"${colon}${order?.exact ?? graph.isExact(result.output)}`);
  // Forward mode computes in doubles.
  text.add(`,${compact ? '' : ' '}"gradients"${colon}${which(result, result.inputs, (node) => !result.forward?.shown && graph.isGradExact(node))}`);
  text.add(`,${compact ? '' : ' '}"intermediates"${colon}${which(result, result.intermediates, (node) => graph.isExact(node) && graph.isGradExact(node))}${close}`);
  const { forward } = result;
  if (forward?.shown) {
    key('mode');
    text.add('"forward"');
    // The tangent passes, for --steps: each operation's terms, local slope × argument's tangent.
    if (forward.passes[0]?.steps.length > 0) {
      yield* list(
        'tangent_passes',
        lazily(forward.passes, ({ input, steps: tangents }) => ({
          input: graph.name(input),
          steps: tangents.map(({ node, terms, tangent }) => ({
            node: name(node),
            terms: terms.map(({ argument, slope, tangent }) => ({ from: name(argument), slope, tangent })),
            tangent,
          })),
        })),
      );
    }
  } else if (forward !== undefined) {
    extra('modes', {
      forward: { forward_passes: forward.passes.length, operations: forward.operations },
      reverse: { forward_passes: 1, backward_passes: 1, operations: 2 * forward.perPass },
      difference: forward.difference,
    });
  }
  if (order?.hessian !== undefined) {
    // Keyed by input names, row then column: hessian.x.y is ∂²output/∂x∂y; for arrays by element, hessian["W[0,1]"]["b[2]"].
    const names = order.names!;
    extra('hessian', Object.fromEntries(order.hessian.map((row, i) => [names[i], Object.fromEntries(row.map((x, j) => [names[j], x]))])));
  }
  if (result.kinks.length > 0) {
    extra(
      'kinks',
      result.kinks.map(({ node, inputs, count }) => ({ node: label(graph, node), inputs: inputs.map((input) => graph.name(input)), count })),
    );
  }
  // A gradient that is no finite number is null above; here is why.
  if (result.undefinedGradients.size > 0) {
    key('gradient_errors');
    // In English, as all of JSON: the same document in every language.
    yield* object([...result.undefinedGradients.keys()], (node) => text.addString(say(result.undefinedGradients.get(node)!)));
  }

  if (steps !== undefined) {
    yield* list(
      'steps',
      lazily(steps, (step) => {
        if (step.pass === 'forward') {
          const { node } = step;
          const args = graph.args(node);
          return {
            pass: 'forward',
            step: step.step,
            node: name(node),
            operation: graph.operation(node)!.name,
            expression: expression(graph, node),
            arguments: args.map((arg) => plainValue(graph.valueOf(arg))),
            value: plainValue(graph.valueOf(node)),
          };
        }
        if (step.pass === 'sum') return { pass: 'sum', node: name(step.node), shares: step.shares.map(plainValue), grad: plainValue(step.grad) };
        return {
          pass: 'backward',
          step: step.step,
          node: name(step.node),
          grad: plainValue(step.grad),
          shares: step.shares.map(({ argument, slope, share, broadcast }) => ({
            to: name(argument),
            ...(slope === undefined ? {} : { slope }),
            share: plainValue(share),
            ...(broadcast === undefined ? {} : { broadcast_from: broadcast.from }),
          })),
        };
      }),
    );
  }
  if (withGraph) {
    yield* list(
      'graph',
      lazily(upTo(graph.size), (node) => {
        const op = graph.operation(node);
        const kind = op !== undefined ? 'operation' : graph.isInput(node) ? 'input' : 'constant';
        return {
          id: node,
          name: name(node),
          kind,
          ...(op === undefined ? {} : { operation: op.name, arguments: graph.args(node) }),
          value: plainValue(graph.valueOf(node)),
          grad: plainValue(graph.gradOf(node)),
        };
      }),
    );
  }
  if (check !== undefined) {
    extra('check', {
      step: STEP,
      tolerance: { absolute: ABSOLUTE, relative: RELATIVE },
      inputs: Object.fromEntries(
        check.inputs.map(({ node, numerical, error, difference, verdict, kink }) => [
          graph.name(node),
          // An array: the book's figure, the mean difference, beside the largest error.
          typeof numerical === 'number'
            ? { backprop: graph.grad(node), numerical, error, verdict, ...(kink === undefined ? {} : { kink: label(graph, kink) }) }
            : { shape: numerical.shape, difference, error, verdict },
        ]),
      ),
      // Not timed in --batch: undefined is left out.
      backprop: { forward_passes: 1, backward_passes: 1, milliseconds: check.backprop.milliseconds },
      numerical: { forward_passes: check.numerical.forwardPasses, milliseconds: check.numerical.milliseconds },
    });
  }
  if (nudges !== undefined) {
    extra(
      'nudges',
      nudges.map(({ name, change, percent, value, output: before, nudgedOutput, predicted, actual, difference, reason }) => ({
        input: name,
        change,
        ...(percent === undefined ? {} : { percent }),
        value,
        nudged_value: value + change,
        output: before,
        nudged_output: nudgedOutput,
        predicted,
        actual,
        difference,
        ...(reason === undefined ? {} : { reason: say(reason) }),
      })),
    );
  }
  text.add(end);
  yield text.take();
  spare = text;
}

/**
 * Which of `nodes` are exact, as JSON: true for all of them (or none to ask about), false for
 * none (or all, in doubles: --float), else the names of those that are.
 */
function which({ graph }: Result, nodes: number[], exact: (node: number) => boolean): string {
  if (!graph.exact) return 'false';
  // Most often all are: a million inputs are then asked, not copied.
  if (nodes.every(exact)) return 'true';
  const exactly = nodes.filter(exact);
  return exactly.length === 0 ? 'false' : JSON.stringify(exactly.map((node) => graph.name(node)));
}

/** A value as JSON.stringify takes it: a number, or an array as nested lists. */
/** An array as JSON: nested lists of numbers, each written as jsonNumber writes it. */
function nested(tensor: Tensor, digits: number): string {
  const row = (start: number) => `[${Array.from(tensor.data.subarray(start, start + tensor.columns), (x) => jsonNumber(x, digits)).join(',')}]`;
  if (tensor.rank < 2) return row(0);
  return `[${Array.from({ length: tensor.rows }, (_, i) => row(i * tensor.columns)).join(',')}]`;
}

/** Each item mapped when it is reached, as the list is written: never all at once. */
function* lazily<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** 0, 1, …, n − 1. */
function* upTo(n: number): Generator<number> {
  for (let i = 0; i < n; i++) yield i;
}
