import type { ArrayLayer, ArrayLayerClass } from './arrays.js';
import { doubleOf, Exact, productUnits, sumUnits, unitsOf } from './exact.js';
import type { Builder, ExactRule, Layer, LayerClass } from './layers.js';
import type { InputError } from './errors.js';
import { text, type Said } from './messages/index.js';
import { operationOf, type AnyLayer, type Operation } from './operations.js';
import { broadcast, sameShape, shapeOf, shapeText, size, strides, Tensor, type Shape, type Value } from './tensor.js';


/** An operation whose arguments' shapes do not go together: the node, and why (see Graph.inferShapes). */
export class ShapeProblem extends Error {
  constructor(
    readonly node: number,
    readonly said: Said,
  ) {
    super('shapes');
  }
}

/**
 * A computational graph kept as a tape: nodes in the order they were created. A node can
 * only use nodes that already exist, so this order is topological: forward() walks the tape
 * from the start, backward() from the end, and neither recurses, however deep the graph.
 *
 * A node is a position on the tape. Its name, layer, arguments, value and gradient are kept
 * column by column, numbers in typed arrays, rather than as one object a node: a receipt of
 * a million items is four million nodes. Leaves have no layer: an input has a name and gets
 * a gradient, a constant (a number written in an expression) has neither.
 *
 * Where `exact` is on (the default), scalar arithmetic is exact where the math is: a value or
 * gradient computed from exact ones by an operation with an exact rule (+ − × ÷, integer
 * powers, the kinks) is an exact rational, and the double column holds its nearest double, so
 * that what reads doubles needs to know nothing of it. A form a node says what is
 * exact (see FORM), the decimal's digits being those of its nearest double; the rare
 * fraction is kept aside. docs/design.md says why.
 */
export class Graph implements Builder {
  /**
   * What each node is: an operation's layer, an input's name, or nothing for a constant. One
   * column serves both, as every input has a name and no layer; the names that operations are
   * given (`y = x * 2`, a receipt's apple_price) are kept aside.
   */
  private readonly kinds = new Column<AnyLayer | string | undefined>(() => new Array(BLOCK));
  private readonly operationNames = new Map<number, string>();
  /** The names of the constants that have one, as pi and e. */
  private readonly constantNames = new Map<number, string>();
  private readonly xs = new Numbers(() => new Int32Array(BLOCK));
  private readonly ys = new Numbers(() => new Int32Array(BLOCK));
  private readonly values = new Numbers(() => new Float64Array(BLOCK));
  private readonly grads = new Numbers(() => new Float64Array(BLOCK));
  private count = 0;
  /** The input nodes, in the order they were made. */
  private readonly inputNodes = new Numbers(() => new Int32Array(BLOCK));
  private inputCount = 0;
  /** The operations with a kink (relu, abs, max, min), in the order they were made. */
  private readonly kinkedNodes: number[] = [];
  /** How many nodes the last backward() gave gradients: a graph can grow after it. */
  private graded = 0;
  /**
   * 1 for the nodes that a path links to the output with a gradient of 0, from the last
   * backward(): a column, as a Set of the millions of nodes a deep chain's gradient
   * underflows along would cost more time and memory than the pass itself.
   */
  private readonly zeroPaths = new Numbers(() => new Int32Array(BLOCK));
  /** See brokenBy(). */
  private readonly brokenAt = new Map<number, number>();
  /** Below the first operation there are only leaves: the passes need not walk them. */
  private firstOperation = Infinity;
  /** The output of the last backward(), -1 before any. */
  private lastOutput = -1;
  /** Whether with() put back leaves that the values and gradients were not computed from. */
  private stale = false;
  /** Whether forward() has run: before, there is nothing computed to be stale. */
  private ran = false;
  /** Which values and which gradients are exact, and what they are exactly. */
  private readonly exactValues = new Exactness(this.values);
  private readonly exactGrads = new Exactness(this.grads);
  private exactness = true;
  /**
   * Arrays (docs/design.md): the nodes whose value is one, with it, and their gradients; the
   * third argument of the few operations that take three (affine); each operation's shape,
   * and whether it takes the array path, once inferShapes() has run. All empty for a program
   * of numbers, whose passes never look here.
   */
  private readonly tensors = new Map<number, Tensor>();
  private readonly gradTensors = new Map<number, Tensor>();
  private readonly thirds = new Map<number, number>();
  private readonly shapes = new Map<number, Shape>();
  private readonly arrayOperations = new Set<number>();
  private arrays = false;
  /** Whether the shapes are those of the leaves as they are. */
  private shaped = true;
  /** What probe() found of the input it moves last: kept while it moves that one's elements. */
  private probed: ReturnType<Graph['reach']> | undefined;

  /** `source`: the text that inputs made by inputAt() have their names in. */
  constructor(private readonly source = '') {}

  get size(): number {
    return this.count;
  }

  /**
   * Whether scalar arithmetic is exact where it can be (the default), or in IEEE doubles
   * throughout, as PyTorch computes (--float, and gradient descent, whose steps are doubles).
   */
  get exact(): boolean {
    return this.exactness;
  }

  set exact(on: boolean) {
    if (on === this.exactness) return;
    this.exactness = on;
    // Every value is read again as the decimal its double stands for, or as a double.
    if (on) this.exactValues.reset(FORM.unknown, this.count);
    if (this.ran) this.stale = true;
  }

  input(name: string, value: Value): number {
    const node = this.listInput(this.add(name, -1, -1, NaN));
    this.setValue(node, value);
    return node;
  }

  /**
   * An input whose name is written in the graph's source from `start` to `end`. The name is
   * sliced only when asked for: a program of a million inputs then holds no million strings
   * for the collector to walk. Its kind is '' (no name is empty), and an input has no
   * arguments, so x and y keep where the name is.
   */
  inputAt(start: number, end: number, value: Value): number {
    const node = this.listInput(this.add(WRITTEN, start, end, NaN));
    this.setValue(node, value);
    return node;
  }

  /** The inputs, in the order they were made: kept as they are, not searched for among millions of nodes. */
  inputs(): number[] {
    const inputs = new Array<number>(this.inputCount);
    for (let i = 0; i < inputs.length; i++) inputs[i] = this.inputNodes.get(i);
    return inputs;
  }

  private listInput(input: number): number {
    this.inputNodes.reserve(this.inputCount + 1);
    this.inputNodes.set(this.inputCount++, input);
    return input;
  }

  /** A number written in the program; `name` for one it calls by name (pi). */
  constant(value: Value, name?: string): number {
    const node = this.add(undefined, -1, -1, NaN);
    this.setValue(node, value);
    if (name !== undefined) this.constantNames.set(node, name);
    return node;
  }

  /** A node computing layer.forward(x), layer.forward(x, y) or layer.forward(x, y, z) from the nodes x, y and z. */
  apply(layer: AnyLayer, x: number, y = -1, z = -1): number {
    this.firstOperation = Math.min(this.firstOperation, this.count);
    const Class = layer.constructor as LayerClass | ArrayLayerClass;
    if ('kink' in Class && Class.kink !== undefined) this.kinkedNodes.push(this.count);
    if ('arrays' in Class) this.arraysFound();
    if (z >= 0) this.thirds.set(this.count, z);
    this.shaped = false;
    return this.add(layer, x, y, NaN);
  }

  /** Whether the program has arrays: then its passes take the array path, in doubles. */
  get hasArrays(): boolean {
    return this.arrays;
  }

  private arraysFound(): void {
    if (this.arrays) return;
    this.arrays = true;
    // Arrays stay doubles, as NumPy's do: exactness is for programs of numbers.
    this.exact = false;
  }

  /** The operations with a kink (relu, abs, max, min), in the order they were made. */
  kinked(): readonly number[] {
    return this.kinkedNodes;
  }

  /**
   * Where an operation with a kink is, by the sign of its kink (relu, abs: of x; max, min: of
   * x − y): 0 exactly at the kink, where it has no derivative.
   */
  kinkSide(node: number): number {
    const [x, y] = this.args(node).map((argument) => this.value(argument));
    return Math.sign((this.layer(node)!.constructor as LayerClass).kink!(x, y));
  }

  /** kinkSide() element by element, for an operation on arrays: read as probe() leaves them. */
  kinkSides(node: number): Float64Array {
    const kink = (this.layer(node)!.constructor as LayerClass).kink!;
    const args = this.args(node).map((argument) => this.tensors.get(argument) ?? this.values.get(argument));
    return elementwise({ forward: (x: number, y: number) => Math.sign(kink(x, y)) } as Layer, args, this.shape(node)).data;
  }

  name(node: number): string | undefined {
    const kind = this.kinds.get(node);
    if (kind === WRITTEN) return this.source.slice(this.xs.get(node), this.ys.get(node));
    if (kind === undefined) return this.constantNames.get(node);
    return typeof kind === 'object' ? this.operationNames.get(node) : kind;
  }

  /** Names an operation, as the statement `y = x * 2` names its product. */
  rename(node: number, name: string): void {
    this.operationNames.set(node, name);
  }

  /** The operations that have a name, in the order they were named. */
  namedOperations(): Iterable<number> {
    return this.operationNames.keys();
  }

  layer(node: number): AnyLayer | undefined {
    const kind = this.kinds.get(node);
    return typeof kind === 'object' ? kind : undefined;
  }

  /** The operation a node computes, from the table of operations: how it is written and drawn. */
  operation(node: number): Operation | undefined {
    const layer = this.layer(node);
    return layer === undefined ? undefined : operationOf(layer.constructor as LayerClass);
  }

  /** The nodes a node is computed from: none for a leaf, then x, then y (and z). */
  args(node: number): number[] {
    if (this.layer(node) === undefined) return [];
    const y = this.ys.get(node);
    if (y < 0) return [this.xs.get(node)];
    const z = this.thirds.get(node);
    return z === undefined ? [this.xs.get(node), y] : [this.xs.get(node), y, z];
  }

  /** A leaf's given value, or what the last forward() computed. */
  value(node: number): number {
    // A leaf's value is never stale: with() puts it back.
    if (this.stale && this.layer(node) !== undefined) this.refresh();
    return this.values.get(node);
  }

  /** Gives a leaf a new value, for the next forward(): a number, or an array. */
  setValue(node: number, value: Value): void {
    this.probed = undefined;
    if (typeof value === 'number') {
      this.values.set(node, value);
      // Read as exact, when it is, where it is used.
      if (this.exactness) this.exactValues.forget(node);
      if (this.arrays && this.tensors.delete(node)) this.shaped = false;
      return;
    }
    this.arraysFound();
    const before = this.tensors.get(node);
    if (before === undefined || !sameShape(before.shape, value.shape)) this.shaped = false;
    this.values.set(node, NaN);
    this.tensors.set(node, value);
  }

  /** A node's array, where its value is one (after forward() for an operation); undefined for a number. */
  tensor(node: number): Tensor | undefined {
    if (this.stale && this.layer(node) !== undefined) this.refresh();
    return this.tensors.get(node);
  }

  /** A node's value, a number or an array. */
  valueOf(node: number): Value {
    return this.tensor(node) ?? this.value(node);
  }

  /**
   * ∂output/∂node, a number or an array: zeros of its shape for an array that no gradient
   * reached (a branch the output does not depend on), as for a number.
   */
  gradOf(node: number): Value {
    const tensor = this.gradTensor(node);
    if (tensor !== undefined) return tensor;
    const shape = this.shape(node);
    return shape.length === 0 ? this.grad(node) : Tensor.zeros(shape);
  }

  /** ∂output/∂node where the node is an array and a gradient reached it: an array of its shape. */
  gradTensor(node: number): Tensor | undefined {
    if (this.stale) this.refresh();
    return node < this.graded ? this.gradTensors.get(node) : undefined;
  }

  /** A node's shape: [] for a number; an operation's as inferShapes() found it. */
  shape(node: number): Shape {
    return this.tensors.get(node)?.shape ?? this.shapes.get(node) ?? [];
  }

  /**
   * Each operation's shape, from its arguments', in the order of the tape: NumPy's
   * broadcasting for the element-wise ones, each array layer's own rule for the others.
   * Throws a ShapeProblem naming the first operation whose arguments do not go together, so
   * that it is told before anything is computed. Runs again only when a leaf's shape changed.
   */
  inferShapes(describe: (node: number) => string = (node) => this.name(node) ?? '…'): void {
    if (!this.arrays || this.shaped) return;
    this.shapes.clear();
    this.arrayOperations.clear();
    this.shapeFrom(this.firstOperation, describe);
    this.shaped = true;
  }

  /** inferShapes(), told as whether the shapes go together: where they do not, evaluate() names the problem. */
  shapesFit(): boolean {
    try {
      this.inferShapes(() => '');
      return true;
    } catch (error) {
      if (error instanceof ShapeProblem) return false;
      throw error;
    }
  }

  /** The shapes of the operations from `from` on (see inferShapes). */
  private shapeFrom(from: number, describe: (node: number) => string): void {
    for (let node = from; node < this.count; node++) {
      const layer = this.layer(node);
      if (layer === undefined) continue;
      const args = this.args(node);
      const shapes = args.map((argument) => this.shape(argument));
      const Class = layer.constructor as LayerClass | ArrayLayerClass;
      let shape: Shape | Said | undefined;
      if ('arrays' in Class) {
        const known = (position: number) => (position < args.length ? this.constantOf(args[position]) : undefined);
        // Written out only for a message: a label is built from the whole expression below it.
        shape = Class.shape(shapes, {
          get formula() {
            return describe(node);
          },
          get labels() {
            return args.map(describe);
          },
          known,
        });
      } else {
        shape = shapes.length === 1 ? shapes[0] : broadcast(shapes[0], shapes[1]);
        if (shape === undefined) throw new ShapeProblem(node, text('shapeBroadcast', describe(node), describe(args[0]), shapeText(shapes[0]), describe(args[1]), shapeText(shapes[1])));
      }
      if (!Array.isArray(shape)) throw new ShapeProblem(node, shape as Said);
      if (shape.length > 0) this.shapes.set(node, shape);
      if ('arrays' in Class || shape.length > 0 || shapes.some((argument) => argument.length > 0)) this.arrayOperations.add(node);
    }
  }

  /**
   * The value of a node made of numbers written in the program alone (the axis of sum(x, -1),
   * -1 being the negation of 1), computed now, before any forward pass; an input's value as
   * given. Undefined for anything computed from an input.
   */
  private constantOf(node: number, depth = 0): Value | undefined {
    const layer = this.layer(node);
    if (layer === undefined) return this.valueOf(node);
    if (depth > 8 || this.arrayOperations.has(node) || this.shape(node).length > 0) return undefined;
    const args = this.args(node).map((argument) => (this.isInput(argument) ? undefined : this.constantOf(argument, depth + 1)));
    if (args.some((argument) => typeof argument !== 'number')) return undefined;
    return (layer as Layer).forward(args[0] as number, args[1] as number | undefined);
  }

  /** Whether the nodes from `mark` on use no node made before it: an expression of numbers and arrays written in it alone. */
  usesNothingBefore(mark: number): boolean {
    for (let node = mark; node < this.count; node++) if (this.isInput(node) || this.args(node).some((argument) => argument < mark)) return false;
    return true;
  }

  /**
   * The value of `node`, computed now from the nodes from `mark` on, which use none before it
   * (usesNothingBefore): W = 0.01 * randn(784, 50), computed once as the parser reads it.
   */
  computeFrom(mark: number, node: number, describe: (node: number) => string): Value {
    this.shapeFrom(mark, describe);
    this.computeArrays(mark);
    return this.valueOf(node);
  }

  /** Forgets the nodes from `mark` on, as if they had never been made. */
  truncate(mark: number): void {
    for (const map of [this.tensors, this.thirds, this.shapes, this.constantNames, this.operationNames]) {
      for (const node of [...map.keys()]) if (node >= mark) map.delete(node);
    }
    for (const node of [...this.arrayOperations]) if (node >= mark) this.arrayOperations.delete(node);
    while ((this.kinkedNodes.at(-1) ?? -1) >= mark) this.kinkedNodes.pop();
    if (this.firstOperation >= mark) this.firstOperation = Infinity;
    this.count = mark;
    this.shaped = false;
  }

  /** A value as an exact rational, where it is one (and exact is on); undefined where it is a double. */
  exactValue(node: number): Exact | undefined {
    if (this.stale && this.layer(node) !== undefined) this.refresh();
    return this.exactness ? this.valueAsExact(node) : undefined;
  }

  /** Whether a value is exact (see exactValue), told without making it. */
  isExact(node: number): boolean {
    if (this.stale && this.layer(node) !== undefined) this.refresh();
    return this.exactness && (this.exactValues.known(node) || this.valueAsExact(node) !== undefined);
  }

  /** Whether ∂output/∂node is exact (see exactGrad), told without making it. */
  isGradExact(node: number): boolean {
    if (this.stale) this.refresh();
    return this.exactness && node < this.graded && this.exactGrads.known(node);
  }

  /** ∂output/∂node as an exact rational, where it is one; undefined where it is a double. */
  exactGrad(node: number): Exact | undefined {
    if (this.stale) this.refresh();
    return this.exactness && node < this.graded ? this.exactGrads.get(node) : undefined;
  }

  /** ∂output/∂node, from the last backward(); 0 before. */
  grad(node: number): number {
    if (this.stale) this.refresh();
    return node < this.graded ? this.grads.get(node) : 0;
  }

  /**
   * Runs `run` with these leaves (inputs or constants) set to other values, then puts them
   * back, even if `run` throws: a mode that tries other values (--check's x ± h, --nudge, a
   * line of --batch) cannot leave the graph at them. What `run` computed at the other values
   * is not copied back: the values and gradients are computed again at the leaves put back
   * when they are next read, so many runs in a row cost one pass more, not one each.
   */
  with<T>(leaves: Iterable<readonly [node: number, value: Value]>, run: () => T): T {
    const saved: [number, Value][] = [];
    try {
      for (const [node, value] of leaves) {
        saved.push([node, this.tensors.get(node) ?? this.values.get(node)]);
        this.setValue(node, value);
      }
      return run();
    } finally {
      for (let i = saved.length - 1; i >= 0; i--) this.setValue(saved[i][0], saved[i][1]);
      this.stale = true;
    }
  }

  /** Computes the values, and the gradients if a backward() had, again from the leaves as they are. */
  private refresh(): void {
    this.stale = false;
    this.forward();
    if (this.lastOutput >= 0) this.backward(this.lastOutput);
  }

  isInput(node: number): boolean {
    return typeof this.kinds.get(node) === 'string';
  }

  isConstant(node: number): boolean {
    return this.kinds.get(node) === undefined;
  }

  /** The node with this name, for callers that built the graph by hand. */
  find(name: string): number | undefined {
    for (let node = 0; node < this.count; node++) if (this.name(node) === name) return node;
    return undefined;
  }

  forward(): void {
    const { kinds, xs, ys, values } = this;
    this.stale = false;
    this.probed = undefined;
    this.ran = true;
    if (this.arrays) return this.forwardArrays();
    if (this.exactness) return this.forwardExactly();
    for (let node = this.firstOperation; node < this.count; node++) {
      const layer = kinds.get(node) as Layer | string | undefined;
      if (typeof layer !== 'object') continue;
      const x = values.get(xs.get(node));
      const y = ys.get(node);
      values.set(node, y < 0 ? layer.forward(x) : layer.forward(x, values.get(y)));
    }
  }

  /**
   * Gradients of `output` with respect to every node, after forward(). Gradients are added
   * (+=) because a value that feeds several nodes gets a share back from each; they start
   * from 0 on every call, so running backward twice gives the same numbers.
   *
   * A node that no path links to the output passes nothing back. One on a path whose
   * gradient is 0 still does: 0 × a finite slope is 0, but where its local derivative is
   * infinite, 0 × ∞ is no number, and the gradients below must say so rather than be 0.
   */
  backward(output = this.count - 1): void {
    const { kinds, xs, ys, grads, zeroPaths, brokenAt } = this;
    if (this.stale) this.forward();
    // The gradient column is made here, not as nodes are added: parsing needs no room for it.
    grads.reserve(this.count);
    grads.fill(0, this.count);
    zeroPaths.reserve(this.count);
    zeroPaths.fill(0, this.count);
    brokenAt.clear();
    this.graded = this.count;
    grads.set(output, 1);
    this.lastOutput = output;
    if (this.arrays) return this.backwardArrays(output);
    if (this.exactness) return this.backwardExactly(output);
    const shares = [0, 0];
    for (let node = output; node >= this.firstOperation; node--) {
      const layer = kinds.get(node) as Layer | string | undefined;
      if (typeof layer !== 'object') continue;
      const dout = grads.get(node);
      if (dout === 0 && zeroPaths.get(node) === 0) continue;
      // The chain rule, as sent() applies it, into one array for all nodes.
      const x = xs.get(node);
      const y = ys.get(node);
      this.replay(layer, x, y);
      layer.backward(dout, shares);
      this.pass(node, x, shares[0]);
      if (y >= 0) this.pass(node, y, shares[1]);
    }
  }

  /**
   * forward() for a program with arrays: an operation on arrays computes with its array layer,
   * or applies its layer on numbers element by element, broadcast; the others as ever.
   */
  private forwardArrays(): void {
    this.inferShapes();
    this.computeArrays(this.firstOperation);
  }

  /** forwardArrays() from `from` on. */
  private computeArrays(from: number): void {
    for (let node = from; node < this.count; node++) if (this.layer(node) !== undefined) this.compute(node);
  }

  /** One operation of a program with arrays, computed from its arguments as they are. */
  private compute(node: number): void {
    const { xs, ys, values } = this;
    const layer = this.layer(node)!;
    if (!this.arrayOperations.has(node)) {
      const y = ys.get(node);
      values.set(node, y < 0 ? (layer as Layer).forward(values.get(xs.get(node))) : (layer as Layer).forward(values.get(xs.get(node)), values.get(y)));
      return;
    }
    const args = this.args(node).map((argument) => this.tensors.get(argument) ?? values.get(argument));
    const arrayLayer = arrayLayerOf(layer);
    const out = arrayLayer !== undefined ? arrayLayer.forward(args[0], args[1], args[2]) : elementwise(layer as Layer, args, this.shape(node));
    if (typeof out === 'number') {
      values.set(node, out);
      this.tensors.delete(node);
    } else this.tensors.set(node, out);
  }

  /**
   * The output's value with one element of an input array moved to `value`, the rest as it is:
   * for --check on arrays, which moves each element of each array on its own, tens of thousands
   * of times. Only what the element reaches is computed again, and an operation linear in it
   * (a matrix product, affine) only where it changes: W[i][j] moves one column of X @ W. All of
   * it is put back after, and the values and gradients are computed again when next read.
   * `during` looks at the graph as moved, before it is put back.
   */
  probe(input: number, index: number, value: number, output: number, during?: () => void): number {
    // Stale only because the last probe left its layers holding a moved value: what it saved is still right.
    if (this.stale && this.probed === undefined) this.refresh();
    if (this.probed?.input !== input) this.probed = this.reach(input);
    const tensor = this.tensors.get(input)!;
    const { order, inPlace, saved } = this.probed;
    const before = tensor.data[index];
    tensor.data[index] = value;
    order.forEach((node, i) => {
      const layer = this.layer(node) as ArrayLayer;
      const out = this.tensors.get(node);
      if (!inPlace[i] || out === undefined || !layer.moved!(this.args(node).indexOf(input), index, value - before, out)) this.compute(node);
    });
    const out = this.values.get(output);
    during?.();
    tensor.data[index] = before;
    order.forEach((node, i) => {
      const kept = saved[i];
      if (typeof kept === 'number') this.values.set(node, kept);
      else {
        kept.tensor.data.set(kept.data);
        this.tensors.set(node, kept.tensor);
      }
    });
    this.stale = true;
    return out;
  }

  /**
   * What probe() needs of an input: the operations it reaches, in the order of the tape; for
   * each, whether it is linear in the input and moved by nothing else, so changed in place
   * where it changes (ArrayLayer.moved); and their values as they are.
   */
  private reach(input: number) {
    const { order, inPlace } = this.reached(input);
    const saved = order.map((node) => {
      const tensor = this.tensors.get(node);
      return tensor === undefined ? this.values.get(node) : { tensor, data: tensor.data.slice() };
    });
    return { input, order, inPlace, saved };
  }

  private reached(input: number): { order: number[]; inPlace: boolean[] } {
    const reached = new Set([input]);
    const order: number[] = [];
    const inPlace: boolean[] = [];
    for (let node = input + 1; node < this.count; node++) {
      const args = this.args(node);
      if (this.layer(node) === undefined || !args.some((argument) => reached.has(argument))) continue;
      inPlace.push(arrayLayerOf(this.layer(node)!)?.moved !== undefined && args.filter((argument) => reached.has(argument)).length === 1 && args.includes(input));
      reached.add(node);
      order.push(node);
    }
    return { order, inPlace };
  }

  /**
   * About how many multiply-adds probe() of one element of `input` takes, from the shapes
   * (after inferShapes): what --check on arrays is bounded by before it starts. An operation
   * changed in place costs a row or column of its output, another its forward (ArrayLayerClass.work).
   */
  probeWork(input: number): number {
    const { order, inPlace } = this.reached(input);
    return order.reduce((work, node, i) => work + (inPlace[i] ? Math.max(...grid(this.shape(node))) : this.work(node)), 0);
  }

  /** About how many multiply-adds a forward pass takes, from the shapes (after inferShapes). */
  passWork(): number {
    let work = 0;
    for (let node = this.firstOperation; node < this.count; node++) if (this.layer(node) !== undefined) work += this.work(node);
    return work;
  }

  /** One operation's multiply-adds (ArrayLayerClass.work), or one an element of its output. */
  private work(node: number): number {
    const rule = (this.layer(node)!.constructor as Partial<ArrayLayerClass>).work;
    return rule?.(this.args(node).map((argument) => this.shape(argument))) ?? size(this.shape(node));
  }

  /**
   * backward() for a program with arrays: an array layer sends back what its backward gives
   * (from the state its forward kept: a node has a layer of its own); a layer on numbers,
   * element by element, each element's share added into the element of the argument it
   * came from, so that what broadcasting spread in forward is summed in backward.
   */
  private backwardArrays(output: number): void {
    const { kinds, xs, ys, grads, gradTensors } = this;
    gradTensors.clear();
    const shares = [0, 0];
    for (let node = output; node >= this.firstOperation; node--) {
      const layer = kinds.get(node);
      if (typeof layer !== 'object') continue;
      if (!this.arrayOperations.has(node)) {
        const dout = grads.get(node);
        if (dout === 0 && this.zeroPaths.get(node) === 0) continue;
        const [x, y] = [xs.get(node), ys.get(node)];
        this.replay(layer as Layer, x, y);
        (layer as Layer).backward(dout, shares);
        this.pass(node, x, shares[0]);
        if (y >= 0) this.pass(node, y, shares[1]);
        continue;
      }
      const dout = gradTensors.get(node) ?? grads.get(node);
      if (dout === 0) continue;
      const args = this.args(node);
      const arrayLayer = arrayLayerOf(layer);
      const sent =
        arrayLayer !== undefined
          ? arrayLayer.backward(dout)
          : elementwiseBack(layer as Layer, args.map((argument) => this.tensors.get(argument) ?? this.values.get(argument)), dout);
      args.forEach((argument, i) => {
        const share = sent[i];
        if (share === undefined || this.isConstant(argument)) return;
        if (typeof share === 'number') this.pass(node, argument, share);
        else {
          const grad = gradTensors.get(argument);
          if (grad === undefined) gradTensors.set(argument, share.copy());
          else for (let k = 0; k < grad.size; k++) grad.data[k] += share.data[k];
        }
      });
    }
  }

  /**
   * What an operation sends back to each argument when ∂output/∂node is `dout` (a number or
   * an array of the node's shape): as sent(), for an operation on arrays. Undefined for an
   * argument that gets nothing (labels, an axis).
   */
  sentValues(node: number, dout: Value): (Value | undefined)[] {
    if (this.stale) this.refresh();
    const layer = this.layer(node)!;
    if (!this.arrayOperations.has(node)) return this.sent(node, dout as number);
    const args = this.args(node).map((argument) => this.valueOf(argument));
    const arrayLayer = arrayLayerOf(layer);
    if (arrayLayer === undefined) return elementwiseBack(layer as Layer, args, dout);
    // The layer keeps the state of its last forward: run it at these values, as forward() did.
    arrayLayer.forward(args[0], args[1], args[2]);
    return arrayLayer.backward(dout);
  }

  /** forward() where exact is on: each operation exactly where its arguments are exact and it has a rule, else in doubles. */
  private forwardExactly(): void {
    const { kinds, xs, ys, values, exactValues } = this;
    for (let node = this.firstOperation; node < this.count; node++) {
      const layer = kinds.get(node) as Layer | string | undefined;
      if (typeof layer !== 'object') continue;
      const x = xs.get(node);
      const y = ys.get(node);
      const rule = ruleOf(layer);
      if (rule?.decimal !== undefined && this.decimalForward(rule.decimal, node, x, y)) continue;
      const xe = rule === undefined ? undefined : this.valueAsExact(x);
      const ye = xe === undefined || y < 0 ? undefined : this.valueAsExact(y);
      const exact = xe === undefined || (y >= 0 && ye === undefined) ? undefined : rule!.forward(xe, ye);
      // One past the largest double is left to the doubles, which say where it overflowed.
      if (exact === undefined || !exactValues.set(node, exact)) {
        values.set(node, y < 0 ? layer.forward(values.get(x)) : layer.forward(values.get(x), values.get(y)));
        exactValues.setDouble(node);
      }
    }
  }

  /**
   * backward() where exact is on: a share is exact where the gradient arriving and the local
   * slope are, and a gradient is exact while every share it adds up is; what is not is done
   * in doubles, as backward() does.
   */
  private backwardExactly(output: number): void {
    const { kinds, xs, ys, grads, zeroPaths, exactValues, exactGrads } = this;
    exactGrads.reset(FORM.places, this.count);
    const shares = [0, 0];
    for (let node = output; node >= this.firstOperation; node--) {
      const layer = kinds.get(node) as Layer | string | undefined;
      if (typeof layer !== 'object') continue;
      const dout = grads.get(node);
      if (dout === 0 && zeroPaths.get(node) === 0) continue;
      const x = xs.get(node);
      const y = ys.get(node);
      const rule = ruleOf(layer);
      if (rule?.decimal !== undefined && this.decimalBackward(rule.decimal, node, x, y)) continue;
      const exactDout = rule === undefined ? undefined : exactGrads.get(node);
      // The output is read only for the slopes written with it (÷, ^, sqrt).
      const slopes =
        exactDout === undefined
          ? NONE
          : rule!.slopes(exactValues.get(x), y < 0 ? undefined : exactValues.get(y), rule!.withOutput ? exactValues.get(node) : undefined);
      const toX = slopes[0] === undefined ? undefined : exactDout!.times(slopes[0]);
      const toY = slopes[1] === undefined ? undefined : exactDout!.times(slopes[1]);
      if (toX === undefined || (y >= 0 && toY === undefined)) {
        this.replay(layer, x, y);
        layer.backward(dout, shares);
      }
      this.passExactly(node, x, toX, shares[0]);
      if (y >= 0) this.passExactly(node, y, toY, shares[1]);
    }
  }

  /** Adds a share to an argument's gradient: exactly while the gradient and the share are exact. */
  private passExactly(node: number, argument: number, exact: Exact | undefined, share: number): void {
    const sum = exact === undefined ? undefined : this.exactGrads.get(argument)?.plus(exact);
    // A share or a sum past the largest double is left to the doubles, which say where it overflowed.
    if (sum === undefined || !this.exactGrads.set(argument, sum)) {
      this.pass(node, argument, exact?.toNumber() ?? share);
      this.exactGrads.setDouble(argument);
    } else if (exact!.sign === 0) this.zeroPaths.set(argument, 1);
  }

  /**
   * forwardExactly() of x + y or x × y where both are decimals and so is the result: on the
   * columns, as Exact would, with no object made. False, keeping nothing, where they are not.
   */
  private decimalForward(kind: 'sum' | 'product', node: number, x: number, y: number): boolean {
    const { exactValues } = this;
    if (exactValues.unknown(x)) this.valueAsExact(x);
    if (exactValues.unknown(y)) this.valueAsExact(y);
    const px = exactValues.places(x);
    const py = exactValues.places(y);
    if (px < 0 || py < 0) return false;
    const ux = exactValues.units(x, px);
    const uy = exactValues.units(y, py);
    const units = kind === 'sum' ? sumUnits(ux, px, uy, py) : productUnits(ux, px, uy, py);
    if (Number.isNaN(units)) return false;
    exactValues.setDecimal(node, units, kind === 'sum' ? Math.max(px, py) : px + py);
    return true;
  }

  /**
   * backwardExactly() at x + y or x × y where the gradient arriving, the shares and the sums
   * they go into are all decimals: each share (dout, or dout × the other argument) added into
   * its argument's gradient on the columns. False, changing nothing, where one is not.
   */
  private decimalBackward(kind: 'sum' | 'product', node: number, x: number, y: number): boolean {
    const { exactValues, exactGrads } = this;
    const pd = exactGrads.places(node);
    if (pd < 0) return false;
    const ud = exactGrads.units(node, pd);
    // Each argument's share, as units and places: dout for a sum; dout × the other for a product.
    let sx = ud;
    let px = pd;
    let sy = ud;
    let py = pd;
    if (kind === 'product') {
      const vx = exactValues.places(x);
      const vy = exactValues.places(y);
      if (vx < 0 || vy < 0) return false;
      sx = productUnits(ud, pd, exactValues.units(y, vy), vy);
      px = pd + vy;
      sy = productUnits(ud, pd, exactValues.units(x, vx), vx);
      py = pd + vx;
      if (Number.isNaN(sx) || Number.isNaN(sy)) return false;
    }
    // Both sums are found before either is kept: x and y may be one node (x × x).
    const gx = exactGrads.places(x);
    const gy = exactGrads.places(y);
    if (gx < 0 || gy < 0) return false;
    const toX = sumUnits(exactGrads.units(x, gx), gx, sx, px);
    if (Number.isNaN(toX)) return false;
    if (x === y) {
      const both = sumUnits(toX, Math.max(gx, px), sy, py);
      if (Number.isNaN(both)) return false;
      exactGrads.setDecimal(x, both, Math.max(gx, px, py));
    } else {
      const toY = sumUnits(exactGrads.units(y, gy), gy, sy, py);
      if (Number.isNaN(toY)) return false;
      exactGrads.setDecimal(x, toX, Math.max(gx, px));
      exactGrads.setDecimal(y, toY, Math.max(gy, py));
    }
    // A share of 0 still passes on what its path may carry, as pass() notes.
    if (sx === 0) this.zeroPaths.set(x, 1);
    if (sy === 0) this.zeroPaths.set(y, 1);
    return true;
  }

  /** A value as an exact rational: a leaf's read as the decimal its double stands for, the first time it is asked for. */
  private valueAsExact(node: number): Exact | undefined {
    if (!this.exactValues.unknown(node)) return this.exactValues.get(node);
    const exact = Exact.of(this.values.get(node));
    if (exact === undefined || !this.exactValues.set(node, exact)) this.exactValues.setDouble(node);
    return exact;
  }

  /**
   * For a node whose gradient is not a finite number, the operation where the gradient that
   * reached it first stopped being one; undefined where finite shares added up past the
   * largest number.
   */
  brokenBy(node: number): number | undefined {
    if (this.stale) this.refresh();
    return this.brokenAt.get(node);
  }

  /** Adds an operation's share to an argument's gradient, noting a 0 share and the first that is no finite number. */
  private pass(node: number, argument: number, share: number): void {
    this.grads.add(argument, share);
    if (share === 0) this.zeroPaths.set(argument, 1);
    else if (!Number.isFinite(share) && !this.brokenAt.has(argument)) {
      this.brokenAt.set(argument, this.brokenAt.get(node) ?? node);
    }
  }

  /**
   * The chain rule at one operation node: what it sends back to each of its arguments when
   * ∂output/∂node is `dout`, which is dout × the node's local derivative for that argument.
   * A layer's backward is linear in dout (backward(dout) = dout × backward(1)), so
   * sent(node, 1) gives the local derivatives themselves, which --steps shows. A node that
   * no path links to the output sends nothing. One on a path whose gradient is 0 sends
   * 0 × its local derivatives: 0 where they are finite, but NaN where one is infinite, as
   * 0 × ∞ is no number. backward() applies the same rule to every node.
   */
  sent(node: number, dout: number): number[] {
    if (this.stale) this.refresh();
    if (dout === 0 && !(node < this.graded && this.zeroPaths.get(node) === 1)) return this.args(node).map(() => 0);
    const layer = this.layer(node) as Layer;
    this.replay(layer, this.xs.get(node), this.ys.get(node));
    return layer.backward(dout);
  }

  /**
   * Runs a node's forward again on its arguments x and y, just before its backward, so that
   * its layer holds that node's state: one layer instance may serve many nodes (see
   * layerFor), and this costs a multiplication where a layer a node would cost an object.
   */
  private replay(layer: Layer, x: number, y: number): void {
    if (y < 0) layer.forward(this.values.get(x));
    else layer.forward(this.values.get(x), this.values.get(y));
  }

  private add(kind: AnyLayer | string | undefined, x: number, y: number, value: number): number {
    const node = this.count++;
    // The columns grow together, a block at a time; a new block's forms are FORM.unknown.
    if ((node & MASK) === 0) {
      for (const column of [this.kinds, this.xs, this.ys, this.values]) column.reserve(this.count);
      if (this.exactness) this.exactValues.reserve(this.count);
    }
    this.kinds.set(node, kind);
    this.xs.set(node, x);
    this.ys.set(node, y);
    this.values.set(node, value);
    return node;
  }
}

/** The kind of an input made by inputAt(), whose name is in the source. */
const WRITTEN = '';

/**
 * What a value or gradient is, by its form: not yet known (a leaf not yet read; 0, as a new
 * block is); an exact decimal with p places after the point, form `places + p`, whose units
 * are its double × 10^p rounded (exact below 2^50, as Exact keeps them); an exact fraction,
 * kept aside; or a double.
 */
const FORM = { unknown: 0, places: 1, fraction: 100, double: -1 } as const;

/** No slopes known exactly. */
const NONE: readonly undefined[] = [];

/**
 * Which numbers of a column of doubles are exact, and what each is exactly: the double is its
 * nearest, a form says how to read it (FORM), and the rare fraction that is no decimal is kept
 * aside.
 */
class Exactness {
  private readonly forms = new Numbers(() => new Int32Array(BLOCK));
  private readonly fractions = new Map<number, Exact>();

  constructor(private readonly doubles: Numbers) {}

  get(node: number): Exact | undefined {
    const places = this.places(node);
    if (places >= 0) return Exact.atPlaces(this.doubles.get(node), places);
    return this.forms.get(node) === FORM.fraction ? this.fractions.get(node) : undefined;
  }

  /** Whether the number is known to be exact. */
  known(node: number): boolean {
    return this.forms.get(node) >= FORM.places;
  }

  /** Whether a leaf's number is yet to be read as exact. */
  unknown(node: number): boolean {
    return this.forms.get(node) === FORM.unknown;
  }

  /** Keeps a number as its nearest double and its form; false, keeping nothing, where that double is not finite. */
  set(node: number, exact: Exact): boolean {
    if (exact.fraction === undefined) {
      this.setDecimal(node, exact.units, exact.places);
      return true;
    }
    const double = exact.toNumber();
    if (!Number.isFinite(double)) return false;
    this.doubles.set(node, double);
    this.forms.set(node, FORM.fraction);
    this.fractions.set(node, exact);
    return true;
  }

  /** The places of a decimal kept at `node`; -1 for a fraction, a double, or a leaf not yet read. */
  places(node: number): number {
    const form = this.forms.get(node);
    return form >= FORM.places && form < FORM.fraction ? form - FORM.places : -1;
  }

  /** The units of the decimal kept at `node`, of `places` places. */
  units(node: number, places: number): number {
    return unitsOf(this.doubles.get(node), places);
  }

  /** Keeps a decimal, a whole number of units within MAX_UNITS, as its nearest double and its places. */
  setDecimal(node: number, units: number, places: number): void {
    this.doubles.set(node, doubleOf(units, places));
    this.setForm(node, FORM.places + places);
  }

  /** The number is a double, not exact. */
  setDouble(node: number): void {
    this.setForm(node, FORM.double);
  }

  /** A leaf's new number is to be read as exact again. */
  forget(node: number): void {
    this.setForm(node, FORM.unknown);
  }

  /** Every number up to `count` of one form, and no fraction. */
  reset(form: number, count: number): void {
    this.forms.reserve(count);
    this.forms.fill(form, count);
    this.fractions.clear();
  }

  reserve(count: number): void {
    this.forms.reserve(count);
  }

  private setForm(node: number, form: number): void {
    if (this.forms.get(node) === FORM.fraction) this.fractions.delete(node);
    this.forms.set(node, form);
  }
}

/** The layer as one on arrays; undefined for a layer on numbers. */
function arrayLayerOf(layer: AnyLayer): ArrayLayer | undefined {
  return 'arrays' in layer.constructor ? (layer as ArrayLayer) : undefined;
}

/** The rows and columns of a shape, a vector being one row and a number one element. */
function grid(shape: Shape): [number, number] {
  return [shape.length === 2 ? shape[0] : 1, shape.at(-1) ?? 1];
}

/** A layer on numbers applied to each element of arrays, broadcast to `shape` as NumPy does. */
function elementwise(layer: Layer, [x, y]: Value[], shape: Shape): Tensor {
  const out = Tensor.zeros(shape);
  const [rows, columns] = grid(shape);
  const [sx, sy] = [strides(shapeOf(x), shape), y === undefined ? undefined : strides(shapeOf(y), shape)];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const xi = typeof x === 'number' ? x : x.data[i * sx.row + j * sx.column];
      if (y === undefined) out.data[i * columns + j] = layer.forward(xi);
      else out.data[i * columns + j] = layer.forward(xi, typeof y === 'number' ? y : y.data[i * sy!.row + j * sy!.column]);
    }
  }
  return out;
}

/**
 * What a layer on numbers sends back to arrays it was applied to element by element: each
 * element's forward again, then its backward, each share added into the element of the
 * argument it came from (into the number, for a number broadcast to every element).
 */
function elementwiseBack(layer: Layer, [x, y]: Value[], dout: Value): Value[] {
  const shape = typeof dout === 'number' ? [] : dout.shape;
  const [rows, columns] = grid(shape);
  const sx = strides(shapeOf(x), shape);
  const sy = y === undefined ? undefined : strides(shapeOf(y), shape);
  const gx = typeof x === 'number' ? undefined : Tensor.zeros(x.shape);
  const gy = y === undefined || typeof y === 'number' ? undefined : Tensor.zeros(y.shape);
  let [sumX, sumY] = [0, 0];
  const shares = [0, 0];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const ix = i * sx.row + j * sx.column;
      const xi = typeof x === 'number' ? x : x.data[ix];
      const d = typeof dout === 'number' ? dout : dout.data[i * columns + j];
      if (y === undefined) layer.forward(xi);
      else layer.forward(xi, typeof y === 'number' ? y : y.data[i * sy!.row + j * sy!.column]);
      layer.backward(d, shares);
      if (gx === undefined) sumX += shares[0];
      else gx.data[ix] += shares[0];
      if (y === undefined) continue;
      if (gy === undefined) sumY += shares[1];
      else gy.data[i * sy!.row + j * sy!.column] += shares[1];
    }
  }
  const toX = gx ?? sumX;
  return y === undefined ? [toX] : [toX, gy ?? sumY];
}

/** A layer's exact rule, from its class. */
function ruleOf(layer: AnyLayer): ExactRule | undefined {
  return (layer.constructor as LayerClass).exact;
}

const SHIFT = 12;
const BLOCK = 1 << SHIFT;
const MASK = BLOCK - 1;

/**
 * One column of the tape, kept in blocks of 4,096 nodes. It grows a block at a time and is
 * never copied whole: growing one long array would, at a million nodes, briefly need its
 * hundreds of megabytes twice over.
 */
class Column<T> {
  private readonly blocks: { [index: number]: T }[] = [];

  constructor(private readonly block: () => { [index: number]: T }) {}

  get(index: number): T {
    return this.blocks[index >>> SHIFT][index & MASK];
  }

  set(index: number, value: T): void {
    this.blocks[index >>> SHIFT][index & MASK] = value;
  }

  /** Makes blocks enough for `length` entries. */
  reserve(length: number): void {
    while (this.blocks.length * BLOCK < length) this.blocks.push(this.block());
  }
}

/**
 * A column of numbers, in typed arrays. A class of its own rather than a Column<number>: its
 * get and set then only ever meet typed arrays, which V8 compiles to plain loads and stores
 * (sharing Column's code made the passes a fifth slower, measured with npm run bench).
 */
class Numbers {
  private readonly blocks: (Int32Array | Float64Array)[] = [];

  constructor(private readonly block: () => Int32Array | Float64Array) {}

  get(index: number): number {
    return this.blocks[index >>> SHIFT][index & MASK];
  }

  set(index: number, value: number): void {
    this.blocks[index >>> SHIFT][index & MASK] = value;
  }

  add(index: number, value: number): void {
    this.blocks[index >>> SHIFT][index & MASK] += value;
  }

  reserve(length: number): void {
    while (this.blocks.length * BLOCK < length) this.blocks.push(this.block());
  }

  /** Sets the first `length` entries to `value`. */
  fill(value: number, length: number): void {
    for (let block = 0; block * BLOCK < length; block++) {
      this.blocks[block].fill(value, 0, Math.min(BLOCK, length - block * BLOCK));
    }
  }
}

/** A graph with the node whose value and gradients are asked for. */
export interface Program {
  graph: Graph;
  output: number;
  /** How the output is called: its name, or `result` for an unnamed last expression. */
  outputName: string;
  /** The error for an operation whose shapes do not go together, placed where it is written (the parser's). */
  located?: (node: number, said: Said) => InputError;
  /** How an input was written where that is not its value alone: tax=+10% is 1.1. */
  written?: ReadonlyMap<number, string>;
  /** What the input may not say as its writer meant (shipping=5 multiplies): told, not refused. */
  notes?: readonly Said[];
  /** The inputs --data gave (x and t): data, not parameters, that --train and --check leave as they are. */
  data?: readonly number[];
  /** Under --expand, each composite built from primitive nodes: its last node, its argument, and its layer. */
  expanded?: readonly Expansion[];
}

export interface Expansion {
  node: number;
  input: number;
  layer: LayerClass;
}
