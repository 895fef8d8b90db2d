import { InputError, MathError } from './errors.js';
import { text, type Said } from './messages/index.js';
import type { ArrayLayerClass } from './arrays.js';
import { ShapeProblem, type Graph, type Program } from './graph.js';
import { allFinite, shapeText } from './tensor.js';
import { label, withValues } from './notation.js';
import { formatNumber, FULL_DIGITS } from './numbers.js';

/**
 * The most node evaluations that a mode running the graph again and again (--check, --nudge,
 * --train) may ask for: some seconds at the slowest layers (a power, a sigmoid: up to 100 ns
 * a node, measured on a busy machine). More is refused before any of it runs.
 */
export const MAX_WORK = 5e7;

/**
 * The same for arrays, in multiply-adds: about 10 s at the 1.5·10^8 a second that --check on
 * the book's 784 → 50 → 10 net runs at (1.4·10^8 of them, 0.9 s).
 */
export const MAX_ARRAY_WORK = 1.5e9;

/** A program run forward and backward: what every renderer takes. */
export interface Result extends Program {
  value: number;
  /** Input nodes, in order of first appearance. */
  inputs: number[];
  /** Named operation nodes other than the output, in the order computed. */
  intermediates: number[];
  /**
   * The inputs and intermediates whose gradient is not a finite number, each with why. The
   * other gradients stand: the renderers print them all, these marked, and the status is 1.
   */
  undefinedGradients: Map<number, Said>;
  /**
   * The operations exactly at their kink (relu or abs of 0, max or min of equal arguments)
   * with a gradient reaching them: there is no derivative there, and what backward sends on
   * is its one-sided choice (the book's relu mask). Each with the inputs below it, the first
   * few, and how many there are.
   */
  kinks: Kink[];
  /** The inputs that are data and get no gradient: labels (the t of softmax_with_loss(x, t)), in order. */
  labels: Set<number>;
  /** Under --order n (n ≥ 2): the program differentiated, and with several inputs its Hessian (higher.ts). */
  order?: Order;
  /** Under --mode forward or both: the tangent passes, one an input (forward-mode.ts); `shown` when their derivatives are the ones shown. */
  forward?: ForwardMode & { shown: boolean };
}

/** ∂output/∂node as a result shows it: forward mode's where --mode forward asked for it, else backward's. */
export function gradientOf({ graph, forward }: Result, node: number): number {
  return (forward?.shown ? forward.derivatives.get(node) : undefined) ?? graph.grad(node);
}

/** What a result of `--order n` says of the program it differentiated. */
export interface Order {
  n: number;
  /** The program's own output, its name and value: with one input, the result's output is its (n − 1)-th derivative. */
  output: number;
  outputName: string;
  value: number;
  exact: boolean;
  /** With several inputs (n = 2): ∂²output/∂row∂column, a row an input, or for arrays an element of one. */
  hessian?: number[][];
  /** The Hessian's rows and columns, by name: the inputs', or their elements' (W[0,1], b[2]). */
  names?: string[];
  /** Whether each entry of the Hessian is exact. */
  hessianExact?: boolean[][];
  /** How many backward passes the Hessian took: one a row. */
  passes?: number;
}

/** One operation of a tangent pass: the terms slope × tangent of each argument that carries one, and their sum. */
export interface TangentStep {
  node: number;
  terms: { argument: number; slope: number; tangent: number }[];
  tangent: number;
}

/** One pass, seeded with 1 at its input and 0 at every other: ∂node/∂input for every node. */
export interface TangentPass {
  input: number;
  steps: TangentStep[];
  /** ∂output/∂input. */
  derivative: number;
}

export interface ForwardMode {
  passes: TangentPass[];
  /** Operations computed in all the passes: each pass computes every operation. */
  operations: number;
  /** The operations of one pass of the program, forward or backward: what reverse mode's two passes each cost. */
  perPass: number;
  /** The largest difference from reverse mode's gradient, relative to the larger of the two (0 where they agree exactly). */
  difference: number;
  /** ∂output/∂input by input, as the passes found them. */
  derivatives: Map<number, number>;
}

export interface Kink {
  node: number;
  inputs: number[];
  count: number;
}

/** How many kinks a result names, and how many inputs below each. */
const MOST_KINKS = 3;
const MOST_KINK_INPUTS = 5;

/**
 * Runs the program forward, then backward from its output. Throws a MathError naming the
 * node where a value stopped being a finite number; a gradient that is not one is kept in
 * undefinedGradients, with the reason.
 */
export function evaluate(program: Program): Result {
  const { graph, output } = program;
  shapes(program);
  graph.forward();
  for (let node = 0; node < graph.size; node++) {
    const tensor = graph.tensor(node);
    if (!allFinite(tensor ?? graph.value(node))) {
      throw new MathError(tensor === undefined ? describeValue(graph, node) : text('arrayNotFinite', label(graph, node)), { name: graph.name(node) });
    }
  }
  graph.backward(output);

  const inputs = graph.inputs();
  // Found among the named operations, not by asking each of millions of nodes for its name.
  const intermediates = [...graph.namedOperations()].filter((node) => node !== output).sort((a, b) => a - b);
  const undefinedGradients = new Map<number, Said>();
  for (const nodes of [inputs, intermediates]) {
    for (const node of nodes) {
      const tensor = graph.gradTensor(node);
      if (!allFinite(tensor ?? graph.grad(node))) {
        undefinedGradients.set(node, tensor === undefined ? describeGradient(program, node) : text('arrayGradientNotFinite', `∂${program.outputName}/∂${label(graph, node)}`));
      }
    }
  }
  // Object.assign, not { ...program, value, … }: V8 adds each property after a spread the slow
  // way, 1 µs each, and --batch evaluates a program a line.
  return Object.assign({}, program, { value: graph.value(output), inputs, intermediates, undefinedGradients, kinks: atKinks(graph), labels: labels(graph, inputs) });
}

/** The inputs that are parameters: not labels, nor what --data gave. --check checks them, --train trains them. */
export function parameters(program: Program | Result): number[] {
  const { graph, data = [] } = program;
  const inputs = graph.inputs();
  // A result has its labels already: finding them walks the graph.
  const notParameters = new Set([...('labels' in program ? program.labels : labels(graph, inputs)), ...data]);
  return inputs.filter((node) => !notParameters.has(node));
}

/** The inputs used only where an operation takes data, not a parameter (Result.labels). */
function labels(graph: Graph, inputs: number[]): Set<number> {
  if (!graph.hasArrays) return new Set();
  const asData = new Set<number>();
  const otherwise = new Set<number>();
  for (let node = 0; node < graph.size; node++) {
    const layer = graph.layer(node);
    if (layer === undefined) continue;
    const data = (layer.constructor as Partial<ArrayLayerClass>).data ?? [];
    graph.args(node).forEach((argument, position) => (data.includes(position) ? asData : otherwise).add(argument));
  }
  return new Set(inputs.filter((input) => asData.has(input) && !otherwise.has(input)));
}

/**
 * The shapes of a program with arrays, checked before anything is computed: one that does not
 * fit is an input error placed where its operation is written, and so is an output that is an
 * array, as backward starts from one number.
 */
function shapes({ graph, output, outputName, located }: Program): void {
  try {
    graph.inferShapes((node) => label(graph, node));
  } catch (error) {
    if (!(error instanceof ShapeProblem)) throw error;
    throw located?.(error.node, error.said) ?? new InputError(error.said);
  }
  const shape = graph.shape(output);
  if (shape.length > 0) throw new InputError(text('outputArray', outputName, shapeText(shape)), { name: outputName });
}

/** The operations at their kink with a gradient through them (Result.kinks), the first few. */
export function atKinks(graph: Graph): Kink[] {
  const kinks: Kink[] = [];
  for (const node of graph.kinked()) {
    if (kinks.length === MOST_KINKS) break;
    if (graph.grad(node) === 0 || graph.kinkSide(node) !== 0) continue;
    // The inputs below it, found from it down, each once.
    const seen = new Set<number>();
    const inputs: number[] = [];
    for (const stack = [node]; stack.length > 0; ) {
      const at = stack.pop()!;
      if (seen.has(at)) continue;
      seen.add(at);
      if (graph.isInput(at)) inputs.push(at);
      stack.push(...graph.args(at));
    }
    inputs.sort((a, b) => a - b);
    kinks.push({ node, inputs: inputs.slice(0, MOST_KINK_INPUTS), count: inputs.length });
  }
  return kinks;
}

/**
 * The status-1 error owed where a gradient is not a finite number, naming the first such;
 * none when every gradient is one.
 */
export function gradientFailure({ graph, undefinedGradients }: Result): MathError | undefined {
  const [first] = undefinedGradients;
  if (first === undefined) return undefined;
  const [node, reason] = first;
  const said = undefinedGradients.size > 1 ? text('andMoreGradients', reason, undefinedGradients.size - 1) : reason;
  return new MathError(said, { name: graph.name(node) });
}

function describeValue(graph: Graph, node: number): Said {
  const value = graph.value(node);
  const nan = Number.isNaN(value);
  if (graph.layer(node) === undefined) return text(nan ? 'valueNaN' : 'valueInfinite', label(graph, node), String(value));
  return text(nan ? 'computedNaN' : 'computedInfinite', label(graph, node), withValues(graph, node, FULL_DIGITS), String(value));
}

/**
 * Says why a gradient is not a finite number, from the operation where it stopped being one
 * (Graph.brokenBy): the chain rule met 0 × ∞ there, or the operation has no derivative or no
 * finite one at that point, or a finite derivative overflowed; else its shares added up past
 * the largest number.
 */
function describeGradient({ graph, outputName }: Program, node: number): Said {
  const grad = graph.grad(node);
  const gradient = text('gradientIs', `∂${outputName}/∂${label(graph, node)}`, Number.isNaN(grad) ? text('undefinedNumber') : formatNumber(grad, FULL_DIGITS));
  const at = graph.brokenBy(node);
  if (at === undefined) return text('sharesOverflow', gradient);
  const dout = graph.grad(at);
  if (!Number.isFinite(dout)) return text('sharesOfOverflow', gradient, `∂${outputName}/∂${label(graph, at)}`);
  const point = withValues(graph, at, FULL_DIGITS);
  const broken = graph.args(at).findIndex((arg, i) => !graph.isConstant(arg) && !Number.isFinite(graph.sent(at, dout)[i]));
  const slope = graph.sent(at, 1)[broken];
  if (Number.isNaN(slope)) return text('noDerivative', gradient, label(graph, at), label(graph, graph.args(at)[broken]), point);
  if (dout === 0) return text('zeroTimesInfinity', gradient, label(graph, at), point);
  // A slope that is finite but past the largest number overflows, as the product with dout may:
  // scaled down, either comes back finite. An infinite slope stays infinite.
  if (!Number.isFinite(graph.sent(at, 2 ** -1000)[broken])) return text('noFiniteDerivative', gradient, label(graph, at), point);
  if (!Number.isFinite(slope)) return text('overflowsAt', gradient, label(graph, at), point);
  return text('overflowsThrough', gradient, label(graph, at), `${formatNumber(dout, FULL_DIGITS)} × ${formatNumber(slope, FULL_DIGITS)}`);
}
