import { InputError } from './errors.js';
import type { Graph, Program } from './graph.js';
import { text } from './messages/index.js';
import { operationOf } from './operations.js';
import { AddLayer, DivLayer, layerFor, MulLayer, NegLayer, PowLayer, SubLayer, type LayerClass, type Symbols } from './layers.js';
import { atKinks, evaluate, type Kink, type Result } from './result.js';

/**
 * Derivatives of derivatives (docs/design.md): the backward pass built as nodes of the same
 * layers, appended to the same tape, as DeZero's create_graph does. A gradient is then a
 * node like any other: forward computes it (exactly, where its operations are rational), the
 * pictures draw it, and its own backward pass gives the next derivative.
 */

/**
 * ∂output/∂input for each of `inputs`, as nodes: the chain rule from the output down, each
 * operation's share dout × slope built from the layer's `grad` rule, and the shares that
 * meet at a value that feeds several nodes added by an Add node of their own, the `+=` of
 * backward made explicit. Only what depends on an input is differentiated.
 */
export function differentiate(graph: Graph, output: number, inputs: readonly number[], nodes = new Nodes(graph)): number[] {
  const live = new Uint8Array(output + 1);
  for (let node = 0; node <= output; node++) {
    live[node] = graph.isInput(node) || graph.args(node).some((argument) => live[argument] === 1) ? 1 : 0;
  }
  const grads = new Map<number, number>([[output, nodes.constant(1)]]);
  for (let node = output; node >= 0; node--) {
    const dout = grads.get(node);
    const layer = graph.layer(node);
    if (dout === undefined || layer === undefined) continue;
    const Layer = layer.constructor as LayerClass;
    const [x, y = -1] = graph.args(node);
    graph.args(node).forEach((argument, position) => {
      if (live[argument] === 0) return;
      const share = nodes.op(MulLayer, dout, Layer.grad!(nodes, position, x, y, node));
      const before = grads.get(argument);
      grads.set(argument, before === undefined ? share : nodes.op(AddLayer, before, share));
    });
  }
  return inputs.map((input) => grads.get(input) ?? nodes.constant(0));
}

/** What a result of `--order n` says of the program it differentiated. */
export interface Order {
  n: number;
  /** The program's own output, its name and value: with one input, the result's output is its (n − 1)-th derivative. */
  output: number;
  outputName: string;
  value: number;
  exact: boolean;
  /** With several inputs (n = 2): ∂²output/∂row∂column, a row an input, in the order of Result.inputs. */
  hessian?: number[][];
  /** Whether each entry of the Hessian is exact. */
  hessianExact?: boolean[][];
  /** How many backward passes the Hessian took: one a row. */
  passes?: number;
}

/** `result′`, `result″`, `result‴`, `result⁽⁴⁾`: the n-th derivative of a one-input program, by its name. */
export function primed(name: string, n: number): string {
  if (n === 0) return name;
  if (n <= 3) return name + '′″‴'[n - 1];
  return `${name}⁽${[...String(n)].map((digit) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(digit)]).join('')}⁾`;
}

/**
 * The program's `n`-th derivative with respect to its one input, as a program: its output is
 * that derivative built as nodes (the program itself for n = 0), named with primes.
 */
export function derived(program: Program, n: number): Program {
  const { graph, outputName } = program;
  const inputs = graph.inputs();
  let output = program.output;
  const nodes = new Nodes(graph);
  for (let k = 1; k <= n; k++) {
    [output] = differentiate(graph, output, inputs, nodes);
    // Only a node of its own is named: the derivative of exp(x) is the node exp(x) itself.
    if (graph.layer(output) !== undefined && graph.name(output) === undefined) graph.rename(output, primed(outputName, k));
  }
  return { ...program, output, outputName: primed(outputName, n) };
}

/**
 * `--order n` for a program of one input: its (n − 1)-th derivative built as a graph, run
 * forward, and backward once, which gives the n-th as the input's gradient. The table and
 * JSON show it where the gradient goes, --steps shows that last backward pass, and --check
 * holds it against central differences of the (n − 1)-th.
 */
export function nthDerivative(program: Program, n: number): Result {
  const result = evaluate(derived(program, n - 1));
  const { graph } = result;
  return {
    ...result,
    intermediates: [],
    undefinedGradients: new Map([...result.undefinedGradients].filter(([node]) => result.inputs.includes(node))),
    order: { n, output: program.output, outputName: program.outputName, value: graph.value(program.output), exact: graph.isExact(program.output) },
  };
}

/**
 * `--order 2` for a program of several inputs: the gradient built as nodes once, then one
 * backward pass from each input's gradient node, which gives that input's row of the
 * Hessian. n inputs cost n backward passes over the program and its gradient's nodes. The
 * graph is left as evaluate() leaves it: its gradients are the program's first derivatives.
 */
export function hessian(program: Program): Result {
  const { graph, output } = program;
  const inputs = graph.inputs();
  const gradients = differentiate(graph, output, inputs);
  gradients.forEach((node, i) => {
    if (graph.layer(node) !== undefined && graph.name(node) === undefined) graph.rename(node, `∂${program.outputName}/∂${graph.name(inputs[i])}`);
  });
  const result = evaluate(program);
  const rows: number[][] = [];
  const exact: boolean[][] = [];
  const kinks = new Map<number, Kink>(result.kinks.map((kink) => [kink.node, kink]));
  for (const gradient of gradients) {
    graph.backward(gradient);
    rows.push(inputs.map((input) => graph.grad(input)));
    exact.push(inputs.map((input) => graph.isGradExact(input)));
    for (const kink of atKinks(graph)) if (!kinks.has(kink.node)) kinks.set(kink.node, kink);
  }
  graph.backward(output);
  return {
    ...result,
    intermediates: result.intermediates.filter((node) => !gradients.includes(node)),
    kinks: [...kinks.values()],
    order: { n: 2, output, outputName: program.outputName, value: result.value, exact: graph.isExact(output), hessian: rows, hessianExact: exact, passes: gradients.length },
  };
}

/**
 * Nodes for a symbolic gradient, with what is known folded in as it is built: × 1, + 0, a
 * product with 0, and arithmetic on whole constants (x ^ (3 − 1) is x ^ 2). A node that
 * exists already (the same operation of the same arguments, or the same constant) is used
 * again rather than made twice: the n-th derivative of tanh then has some hundreds of nodes,
 * not tens of thousands. The gradient's graph holds what a person would write.
 */
class Nodes implements Symbols {
  private readonly made = new Map<string, number>();
  private readonly constants = new Map<number, number>();

  constructor(private readonly graph: Graph) {
    for (let node = 0; node < graph.size; node++) {
      const layer = graph.layer(node);
      if (layer !== undefined) this.made.set(key(layer.constructor as LayerClass, graph.args(node)), node);
    }
  }

  constant(value: number): number {
    let node = this.constants.get(value);
    if (node === undefined) this.constants.set(value, (node = this.graph.constant(value)));
    return node;
  }

  op(Layer: LayerClass, x: number, y = -1): number {
    const args = y < 0 ? [x] : [x, y];
    let node = this.made.get(key(Layer, args));
    if (node === undefined) this.made.set(key(Layer, args), (node = this.folded(Layer, x, y)));
    return node;
  }

  private folded(Layer: LayerClass, x: number, y: number): number {
    const [a, b] = [this.known(x), y < 0 ? undefined : this.known(y)];
    if (a !== undefined && (y < 0 || b !== undefined)) {
      const value = y < 0 ? layerFor(Layer).forward(a) : layerFor(Layer).forward(a, b);
      if (Number.isSafeInteger(value)) return this.constant(value);
    }
    if (Layer === MulLayer) {
      if (a === 0 || b === 0) return this.constant(0);
      if (a === 1 || b === 1) return a === 1 ? y : x;
      if (a === -1 || b === -1) return this.op(NegLayer, a === -1 ? y : x);
    }
    if (Layer === AddLayer && (a === 0 || b === 0)) return a === 0 ? y : x;
    if (Layer === SubLayer && b === 0) return x;
    if ((Layer === DivLayer || Layer === PowLayer) && b === 1) return x;
    return this.graph.apply(layerFor(Layer), x, y);
  }

  /** A constant's value where it is a whole number, the only ones folded: their arithmetic is exact in doubles. */
  private known(node: number): number | undefined {
    if (!this.graph.isConstant(node)) return undefined;
    const value = this.graph.value(node);
    return Number.isSafeInteger(value) ? value : undefined;
  }
}

/** An operation of these arguments, as a key: the same key, the same value. */
function key(Layer: LayerClass, args: readonly number[]): string {
  return `${operationOf(Layer)?.name ?? Layer.name} ${args.join(' ')}`;
}

/** The highest --order: the graph of a derivative grows with each order (tanh's tenth has some thousands of nodes). */
export const MOST_ORDER = 10;

/**
 * The result --order n asks for: the n-th derivative of a program of one input, or the
 * Hessian of one of several (n = 2). A picture draws the graph of the n-th derivative itself,
 * as DeZero's figure of tanh's does, with its own backward pass on the arrows.
 */
export function ordered(program: Program, n: number, picture: boolean): Result {
  const { graph } = program;
  const inputs = graph.inputs();
  const array = inputs.find((input) => graph.tensor(input) !== undefined) ?? (graph.hasArrays ? inputs[0] : undefined);
  if (array !== undefined || graph.hasArrays) throw new InputError(text('orderArrays', n, graph.name(array ?? -1) ?? ''));
  if (inputs.length === 0) return evaluate(program);
  if (inputs.length > 1 && picture) throw new InputError(text('orderPicture', n, inputs.length));
  if (inputs.length > 1 && n > 2) throw new InputError(text('orderInputs', n, inputs.length));
  if (picture) {
    const result = evaluate(derived(program, n));
    return { ...result, intermediates: [] };
  }
  return inputs.length > 1 ? hessian(program) : nthDerivative(program, n);
}
