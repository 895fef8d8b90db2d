import { SumLayer, summedTo, type ArrayLayerClass } from './arrays.js';
import { InputError } from './errors.js';
import type { Graph, Program } from './graph.js';
import { text } from './messages/index.js';
import { operationOf } from './operations.js';
import { AddLayer, DivLayer, layerFor, MulLayer, NegLayer, PowLayer, SubLayer, type LayerClass, type Symbols } from './layers.js';
import { atKinks, evaluate, parameters, type Kink, type Result } from './result.js';
import { shapeText, size, Tensor, type Shape, type Value } from './tensor.js';

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
 *
 * With arrays, each gradient has its node's shape (a gradient of 0 is the number 0): an array
 * layer's rule builds its whole share (dY @ Wᵀ), and an element-wise share is summed over the
 * axes its argument was broadcast along, as backward does. The rules read the shapes, and
 * values the last forward pass computed (a sum's axis, a loss's labels): run one first.
 */
export function differentiate(graph: Graph, output: number, inputs: readonly number[], nodes = new Nodes(graph)): number[] {
  const live = new Uint8Array(output + 1);
  for (let node = 0; node <= output; node++) {
    live[node] = graph.isInput(node) || graph.args(node).some((argument) => live[argument] === 1) ? 1 : 0;
  }
  const arrays = graph.hasArrays;
  const grads = new Map<number, number>([[output, nodes.constant(1)]]);
  for (let node = output; node >= 0; node--) {
    const dout = grads.get(node);
    const layer = graph.layer(node);
    if (dout === undefined || layer === undefined) continue;
    const Layer = layer.constructor as LayerClass | ArrayLayerClass;
    const args = graph.args(node);
    const [x, y = -1] = args;
    args.forEach((argument, position) => {
      if (live[argument] === 0) return;
      let share = 'arrays' in Layer ? Layer.grad(nodes, position, dout, args, node) : nodes.op(MulLayer, dout, Layer.grad!(nodes, position, x, y, node));
      // With arrays, a share of 0 (the number) sends nothing, and one that broadcasting spread is summed back.
      if (arrays && share !== undefined) share = nodes.isZero(share) ? undefined : summedTo(nodes, share, nodes.shape(argument));
      if (share === undefined) return;
      const before = grads.get(argument);
      grads.set(argument, before === undefined ? share : nodes.op(AddLayer, before, share));
    });
  }
  return inputs.map((input) => grads.get(input) ?? nodes.constant(0));
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
 *
 * With arrays, a row and a column an element of the parameters (not labels, nor --data's), a
 * backward pass from each element of each gradient (see elementsOf); at most
 * MOST_HESSIAN_ELEMENTS of them.
 */
export function hessian(program: Program): Result {
  const { graph, output } = program;
  // The gradient's rules read the shapes and what forward computed: the program runs first, its shapes checked.
  if (graph.hasArrays) evaluate(program);
  const inputs = parameters(program);
  const names = elementNames(graph, inputs);
  if (graph.hasArrays && names.length > MOST_HESSIAN_ELEMENTS) throw new InputError(text('hessianElements', names.length, MOST_HESSIAN_ELEMENTS));
  const nodes = new Nodes(graph);
  const gradients = differentiate(graph, output, inputs, nodes);
  gradients.forEach((node, i) => {
    if (graph.layer(node) !== undefined && graph.name(node) === undefined) graph.rename(node, `∂${program.outputName}/∂${graph.name(inputs[i])}`);
  });
  const elements = elementsOf(graph, inputs, gradients, nodes);
  const result = evaluate(program);
  const rows: number[][] = [];
  const exact: boolean[][] = [];
  const kinks = new Map<number, Kink>(result.kinks.map((kink) => [kink.node, kink]));
  for (const element of elements) {
    graph.backward(element);
    rows.push(gradientElements(graph, inputs));
    // Arrays are doubles: only a program of numbers has exact entries.
    exact.push(graph.hasArrays ? names.map(() => false) : inputs.map((input) => graph.isGradExact(input)));
    for (const kink of atKinks(graph)) if (!kinks.has(kink.node)) kinks.set(kink.node, kink);
  }
  graph.backward(output);
  const made = new Set([...gradients, ...elements]);
  return {
    ...result,
    intermediates: result.intermediates.filter((node) => !made.has(node)),
    kinks: [...kinks.values()],
    order: { n: 2, output, outputName: program.outputName, value: result.value, exact: graph.isExact(output), hessian: rows, hessianExact: exact, names, passes: elements.length },
  };
}

/** The most elements of arrays whose Hessian --order 2 computes: a backward pass an element, and their square of numbers. */
export const MOST_HESSIAN_ELEMENTS = 200;

/** The inputs' elements by name, as NumPy indexes them: x for a number, b[2] for a vector's, W[0,1] for a matrix's. */
export function elementNames(graph: Graph, inputs: readonly number[]): string[] {
  return inputs.flatMap((input) => {
    const name = graph.name(input)!;
    const shape = graph.shape(input);
    if (shape.length === 0) return [name];
    const columns = shape.at(-1)!;
    return Array.from({ length: size(shape) }, (_, i) => (shape.length === 1 ? `${name}[${i}]` : `${name}[${Math.floor(i / columns)},${i % columns}]`));
  });
}

/**
 * The nodes whose backward passes give the Hessian's rows, one an element of the inputs: the
 * gradient of a number itself; of an array, each element picked out as a number, the gradient
 * times a constant with 1 at the element and 0 elsewhere, summed. Built once, they are
 * computed by every forward pass after (Newton's method runs one an epoch).
 */
export function elementsOf(graph: Graph, inputs: readonly number[], gradients: readonly number[], nodes: Nodes): number[] {
  return inputs.flatMap((input, i) => {
    const gradient = gradients[i];
    const shape = nodes.shape(gradient);
    // A gradient of 0 is the number 0, whatever the input's shape.
    if (shape.length === 0) return new Array<number>(size(graph.shape(input))).fill(gradient);
    return Array.from({ length: size(shape) }, (_, k) => {
      const pick = Tensor.zeros(shape);
      pick.data[k] = 1;
      return nodes.op(SumLayer, nodes.op(MulLayer, gradient, nodes.constant(pick)));
    });
  });
}

/** How many elements the inputs have together: a number is one. */
export function elementCount(graph: Graph, inputs: readonly number[]): number {
  return inputs.reduce((count, input) => count + size(graph.shape(input)), 0);
}

/** The inputs' gradients from the last backward pass, element by element, in the order of elementNames. */
export function gradientElements(graph: Graph, inputs: readonly number[]): number[] {
  // A program of numbers, a row of a thousand inputs each backward pass of its Hessian: read plainly.
  if (!graph.hasArrays) return inputs.map((input) => graph.grad(input));
  return inputs.flatMap((input) => {
    const gradient = graph.gradOf(input);
    return typeof gradient === 'number' ? [gradient] : Array.from(gradient.data);
  });
}

/**
 * Nodes for a symbolic gradient, with what is known folded in as it is built: × 1, + 0, a
 * product with 0, and arithmetic on whole constants (x ^ (3 − 1) is x ^ 2). A node that
 * exists already (the same operation of the same arguments, or the same constant) is used
 * again rather than made twice: the n-th derivative of tanh then has some hundreds of nodes,
 * not tens of thousands. The gradient's graph holds what a person would write.
 */
export class Nodes implements Symbols {
  private readonly made = new Map<string, number>();
  private readonly constants = new Map<number, number>();
  private readonly onesOf = new Map<string, number>();

  constructor(private readonly graph: Graph) {
    for (let node = 0; node < graph.size; node++) {
      const layer = graph.layer(node);
      if (layer !== undefined) this.made.set(key(layer.constructor as LayerClass, graph.args(node)), node);
    }
  }

  constant(value: Value): number {
    if (typeof value !== 'number') return this.graph.constant(value);
    let node = this.constants.get(value);
    if (node === undefined) this.constants.set(value, (node = this.graph.constant(value)));
    return node;
  }

  op(Layer: LayerClass | ArrayLayerClass, x: number, y = -1, z = -1): number {
    const args = [x, y, z].filter((argument) => argument >= 0);
    let node = this.made.get(key(Layer, args));
    if (node === undefined) {
      // A layer on arrays keeps its node's arrays for its backward: one of its own, and nothing to fold.
      node = 'arrays' in Layer ? this.graph.apply(new Layer(), x, y, z) : this.folded(Layer, x, y);
      this.made.set(key(Layer, args), node);
    }
    return node;
  }

  shape(node: number): Shape {
    // Inferred again, all of them, when nodes were added since: a program of arrays has few.
    this.graph.inferShapes();
    return this.graph.shape(node);
  }

  ones(shape: Shape): number {
    if (shape.length === 0) return this.constant(1);
    let node = this.onesOf.get(shapeText(shape));
    if (node === undefined) this.onesOf.set(shapeText(shape), (node = this.graph.constant(Tensor.filled(shape, 1))));
    return node;
  }

  value(node: number): Value {
    return this.graph.valueOf(node);
  }

  /** Whether a node is the constant 0. */
  isZero(node: number): boolean {
    return this.known(node) === 0;
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
function key(Layer: LayerClass | ArrayLayerClass, args: readonly number[]): string {
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
  // Nothing to differentiate by: no inputs, or (of arrays) only labels and data.
  if (inputs.length === 0 || (graph.hasArrays && parameters(program).length === 0)) return evaluate(program);
  if (graph.hasArrays) {
    // On arrays, the Hessian of their elements: their third derivatives would be n³ numbers.
    if (n > 2) throw new InputError(text('orderArrays', n));
    if (picture) throw new InputError(text('orderArraysPicture', n));
    return hessian(program);
  }
  if (inputs.length > 1 && picture) throw new InputError(text('orderPicture', n, inputs.length));
  if (inputs.length > 1 && n > 2) throw new InputError(text('orderInputs', n, inputs.length));
  if (picture) {
    const result = evaluate(derived(program, n));
    return { ...result, intermediates: [] };
  }
  return inputs.length > 1 ? hessian(program) : nthDerivative(program, n);
}
