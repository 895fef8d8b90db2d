import { InputError, MathError } from './errors.js';
import { list, text, type Said } from './messages/index.js';
import type { Graph, Program } from './graph.js';
import { differentiate, elementCount, elementsOf, gradientElements, Nodes } from './higher.js';
import { allFinite, Tensor, type Value } from './tensor.js';
import { nfc } from './parse/source.js';
import { evaluate, MAX_ARRAY_WORK, MAX_WORK, parameters, type Result } from './result.js';

export const RATE = 0.05;
export const EPOCHS = 200;
/** The output changing by no more than this in an epoch ends the training early. */
export const TOLERANCE = 1e-12;
/** The most epochs run: the history of outputs is kept whole, one number an epoch. */
export const MAX_EPOCHS = 1_000_000;
/** A progress report comes at most this often, in milliseconds. */
const PROGRESS_EVERY = 100;
/**
 * How many times an epoch evaluates each node: once forward, and twice backward, which runs
 * each node's forward again (Graph.replay) just before its backward.
 */
const EVALUATIONS_PER_EPOCH = 3;

/** What train() takes of each option, as the command line's --rate, --epochs and --tolerance do, and the rule as said. */
export const TRAINING_RULES = {
  rate: { holds: (x: number) => x > 0 && Number.isFinite(x), rule: text('positiveNumber', RATE) },
  epochs: { holds: (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_EPOCHS, rule: text('wholeNumber', 1, MAX_EPOCHS) },
  tolerance: { holds: (x: number) => x >= 0 && Number.isFinite(x), rule: text('notNegative') },
};

export interface TrainOptions {
  /** The inputs to train, by name; every input when left out. */
  inputs?: string[];
  rate?: number;
  epochs?: number;
  tolerance?: number;
  /**
   * Newton's method instead of gradient descent: each step x ← x − rate · f′(x)/f″(x), with
   * the Hessian of the trained inputs for several (the rate 1 unless given).
   */
  newton?: boolean;
  /** With newton: gradient descent from the same start too, at the rate given, for the two to be compared (the command line's). */
  compare?: boolean;
  /** Told the epoch and the output now and then (every 100 ms at most), for a progress line. */
  progress?: (epoch: number, value: number) => void;
}

/** Newton's method solves for its step with the Hessian of the trained inputs (of their elements, for arrays): a few, not thousands. */
export const MOST_NEWTON_INPUTS = 100;

export interface TrainedInput {
  node: number;
  start: Value;
  final: Value;
}

/** A training run: what the renderers take. `result` is the program evaluated at the end. */
export interface Training {
  result: Result;
  trained: TrainedInput[];
  /** The output before the first epoch, then after each. */
  history: number[];
  /**
   * Where the output is a classifier's loss (softmax_with_loss, cross_entropy): the share of
   * its rows whose largest score is at their label, before the first epoch and after the last.
   */
  accuracy?: { start: number; final: number; rows: number };
  /** Why it stopped: the epochs ran out, or the output stopped changing. */
  stopped: 'epochs' | 'tolerance';
  rate: number;
  epochs: number;
  tolerance: number;
  /** Newton's method rather than gradient descent. */
  newton: boolean;
}

/**
 * Gradient descent on the program's output, in doubles: each epoch moves every trained input against
 * its gradient, x ← x − rate · ∂output/∂x, on the one graph the program built (a new value,
 * forward, backward; nothing parsed again). A value that stops being a finite number is a
 * math error naming the epoch.
 */
export function train(program: Program, options: TrainOptions = {}): Training {
  const { newton = false, rate = newton ? 1 : RATE, epochs = EPOCHS, tolerance = TOLERANCE, progress } = options;
  const { graph, output, outputName } = program;
  for (const [option, { holds, rule }] of Object.entries(TRAINING_RULES)) {
    const value = options[option as keyof typeof TRAINING_RULES];
    if (value !== undefined && !holds(value)) throw new InputError(text('outOfRange', option, String(value), rule));
  }
  // Each step's x − rate × gradient is a double with every digit it has: gradient descent
  // computes in doubles, as PyTorch does, and leaves the graph so.
  graph.exact = false;
  const nodes = trainedInputs(program, options.inputs);
  const elements = newton ? newtonElements(program, nodes) : [];
  // Refused before the first epoch, if the epochs asked for could take minutes: Newton's take a backward pass more an element trained.
  const most = Math.floor(MAX_WORK / ((EVALUATIONS_PER_EPOCH + 2 * elements.length) * graph.size));
  if (epochs > most) throw new InputError(text('trainTooLong', epochs, graph.size, most));
  const start = evaluate(program);
  if (graph.hasArrays) {
    // An epoch of arrays costs its multiply-adds: a forward, and a backward of about two (and one more an element for Newton's).
    const work = (EVALUATIONS_PER_EPOCH + 2 * elements.length) * graph.passWork();
    const allowed = Math.floor(MAX_ARRAY_WORK / work);
    if (epochs > allowed) throw new InputError(text('trainTooLongArrays', epochs, work.toExponential(1), allowed));
  }
  const starts = nodes.map((node) => graph.tensor(node) ?? graph.value(node));
  const history = [start.value];
  const before = hits(program);
  const diverged = (epoch: number, what: Said) => new MathError(text('diverged', epoch, what, rate));

  let stopped: Training['stopped'] = 'epochs';
  let reported = -Infinity;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const steps = newton ? newtonStep(graph, output, nodes, elements) : undefined;
    if (newton && steps === undefined) throw new MathError(text('newtonFlat', epoch, outputName));
    let at = 0;
    for (const node of nodes) {
      const tensor = graph.tensor(node);
      if (steps === undefined) graph.setValue(node, step(graph, node, rate));
      else if (tensor === undefined) graph.setValue(node, graph.value(node) - rate * steps[at++]);
      else {
        graph.setValue(node, new Tensor(tensor.shape, tensor.data.map((x, i) => x - rate * steps[at + i])));
        at += tensor.size;
      }
    }
    graph.forward();
    const value = graph.value(output);
    if (!Number.isFinite(value)) throw diverged(epoch, text('isValue', outputName, String(value)));
    graph.backward(output);
    const broken = nodes.find((node) => !allFinite(graph.gradTensor(node) ?? graph.grad(node)));
    if (broken !== undefined) throw diverged(epoch, text('isValue', `∂${outputName}/∂${graph.name(broken)}`, String(graph.gradTensor(broken)?.data.find((g) => !Number.isFinite(g)) ?? graph.grad(broken))));
    history.push(value);
    if (progress !== undefined && performance.now() - reported >= PROGRESS_EVERY) {
      reported = performance.now();
      progress(epoch, value);
    }
    if (Math.abs(value - history[epoch - 1]) <= tolerance) {
      stopped = 'tolerance';
      break;
    }
  }
  let result: Result;
  try {
    result = evaluate(program);
  } catch (error) {
    if (error instanceof MathError) throw diverged(history.length - 1, error.what);
    throw error;
  }
  return {
    result,
    trained: nodes.map((node, i) => ({ node, start: starts[i], final: graph.tensor(node) ?? graph.value(node) })),
    history,
    accuracy: before && { start: before.share, final: hits(program)!.share, rows: before.rows },
    stopped,
    rate,
    epochs: history.length - 1,
    tolerance,
    newton,
  };
}

/** x − rate × ∂output/∂x, element by element for an array. */
function step(graph: Graph, node: number, rate: number): Value {
  const tensor = graph.tensor(node);
  if (tensor === undefined) return graph.value(node) - rate * graph.grad(node);
  const gradient = (graph.gradOf(node) as Tensor).data;
  return new Tensor(tensor.shape, tensor.data.map((x, i) => x - rate * gradient[i]));
}

/** The share of a classifier's rows right, as its loss was last computed (Training.accuracy); none for any other output. */
function hits({ graph, output }: Program): { share: number; rows: number } | undefined {
  const layer = graph.layer(output);
  const counted = layer !== undefined && 'hits' in layer ? layer.hits?.() : undefined;
  return counted && { share: counted.right / counted.rows, rows: counted.rows };
}

/**
 * What Newton's method runs backward from, built once: the gradient of each trained input as
 * nodes, and of each element of an array's (higher.ts's elementsOf), at most
 * MOST_NEWTON_INPUTS of them. Their backward passes give the Hessian's rows.
 */
function newtonElements(program: Program, nodes: number[]): number[] {
  const { graph, output } = program;
  const count = elementCount(graph, nodes);
  if (count > MOST_NEWTON_INPUTS) throw new InputError(graph.hasArrays ? text('newtonElements', count, MOST_NEWTON_INPUTS) : text('newtonInputs', count, MOST_NEWTON_INPUTS));
  // The gradient's rules read the shapes and what forward computed: the program runs first, its shapes checked.
  if (graph.hasArrays) evaluate(program);
  const symbols = new Nodes(graph);
  return elementsOf(graph, nodes, differentiate(graph, output, nodes, symbols), symbols);
}

/**
 * Newton's step at the graph's point: H⁻¹∇, H the Hessian of the trained inputs' elements (a
 * backward pass from each one's gradient node gives its row) and ∇ their gradient; f′/f″ for
 * one. Undefined where H has no inverse (f″ = 0): there is no Newton step there. Leaves the
 * graph with the output's own gradients.
 */
function newtonStep(graph: Graph, output: number, nodes: number[], elements: number[]): number[] | undefined {
  const gradient = gradientElements(graph, nodes);
  if (gradient.every((g) => g === 0)) return gradient;
  const hessian = elements.map((element) => {
    graph.backward(element);
    return gradientElements(graph, nodes);
  });
  graph.backward(output);
  return solve(hessian, gradient);
}

/** x with A x = b, by Gaussian elimination with partial pivoting; undefined where A is singular (or not finite). */
export function solve(a: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  const scale = Math.max(...a.flat().map(Math.abs));
  if (!(scale > 0) || !Number.isFinite(scale)) return undefined;
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(m[row][column]) > Math.abs(m[pivot][column])) pivot = row;
    // A pivot of rounding errors only: the matrix has no inverse to speak of.
    if (Math.abs(m[pivot][column]) <= 1e-14 * scale) return undefined;
    [m[column], m[pivot]] = [m[pivot], m[column]];
    for (let row = column + 1; row < n; row++) {
      const factor = m[row][column] / m[column][column];
      for (let k = column; k <= n; k++) m[row][k] -= factor * m[column][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = m[row][n];
    for (let k = row + 1; k < n; k++) sum -= m[row][k] * x[k];
    x[row] = sum / m[row][row];
  }
  return x;
}

/** The input nodes named, in the order named; every parameter (not labels, nor --data's) when none are. */
function trainedInputs(program: Program, given: string[] | undefined): number[] {
  const { graph } = program;
  const inputs = graph.inputs();
  if (inputs.length === 0) throw new InputError(text('nothingToTrain'));
  if (given === undefined) return parameters(program);
  // Names are read in NFC, as the program's are: café with é composed or as e and an accent.
  const names = given.map(nfc);
  const byName = new Map(inputs.map((node) => [graph.name(node)!, node]));
  const named = new Set<string>();
  return names.map((name) => {
    if (named.has(name)) throw new InputError(text('trainedTwice', name));
    named.add(name);
    const node = byName.get(name);
    if (node === undefined) {
      // A program can have millions of inputs: the message names the first few.
      throw new InputError(text('notTrainable', name, list(inputs.slice(0, 5).map((input) => graph.name(input)!), inputs.length)));
    }
    return node;
  });
}
