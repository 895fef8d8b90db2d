import type { Builder, Layer, LayerClass } from './layers.js';
import type { Said } from './messages/index.js';
import { operationOf, type Operation } from './operations.js';

/**
 * A computational graph kept as a tape: nodes in the order they were created. A node can
 * only use nodes that already exist, so this order is topological: forward() walks the tape
 * from the start, backward() from the end, and neither recurses, however deep the graph.
 *
 * A node is a position on the tape. Its name, layer, arguments, value and gradient are kept
 * column by column, numbers in typed arrays, rather than as one object a node: a receipt of
 * a million items is four million nodes. Leaves have no layer: an input has a name and gets
 * a gradient, a constant (a number written in an expression) has neither.
 */
export class Graph implements Builder {
  /**
   * What each node is: an operation's layer, an input's name, or nothing for a constant. One
   * column serves both, as every input has a name and no layer; the names that operations are
   * given (`y = x * 2`, a receipt's apple_price) are kept aside.
   */
  private readonly kinds = new Column<Layer | string | undefined>(() => new Array(BLOCK));
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

  /** `source`: the text that inputs made by inputAt() have their names in. */
  constructor(private readonly source = '') {}

  get size(): number {
    return this.count;
  }

  input(name: string, value: number): number {
    return this.listInput(this.add(name, -1, -1, value));
  }

  /**
   * An input whose name is written in the graph's source from `start` to `end`. The name is
   * sliced only when asked for: a program of a million inputs then holds no million strings
   * for the collector to walk. Its kind is '' (no name is empty), and an input has no
   * arguments, so x and y keep where the name is.
   */
  inputAt(start: number, end: number, value: number): number {
    return this.listInput(this.add(WRITTEN, start, end, value));
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
  constant(value: number, name?: string): number {
    const node = this.add(undefined, -1, -1, value);
    if (name !== undefined) this.constantNames.set(node, name);
    return node;
  }

  /** A node computing layer.forward(x) or layer.forward(x, y) from the nodes x and y. */
  apply(layer: Layer, x: number, y = -1): number {
    this.firstOperation = Math.min(this.firstOperation, this.count);
    return this.add(layer, x, y, NaN);
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

  layer(node: number): Layer | undefined {
    const kind = this.kinds.get(node);
    return typeof kind === 'object' ? kind : undefined;
  }

  /** The operation a node computes, from the table of operations: how it is written and drawn. */
  operation(node: number): Operation | undefined {
    const layer = this.layer(node);
    return layer === undefined ? undefined : operationOf(layer.constructor as LayerClass);
  }

  /** The nodes a node is computed from: none for a leaf, then x, then y. */
  args(node: number): number[] {
    if (this.layer(node) === undefined) return [];
    const y = this.ys.get(node);
    return y < 0 ? [this.xs.get(node)] : [this.xs.get(node), y];
  }

  /** A leaf's given value, or what the last forward() computed. */
  value(node: number): number {
    // A leaf's value is never stale: with() puts it back.
    if (this.stale && this.layer(node) !== undefined) this.refresh();
    return this.values.get(node);
  }

  /** Gives a leaf a new value, for the next forward(). */
  setValue(node: number, value: number): void {
    this.values.set(node, value);
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
  with<T>(leaves: Iterable<readonly [node: number, value: number]>, run: () => T): T {
    const saved: [number, number][] = [];
    try {
      for (const [node, value] of leaves) {
        saved.push([node, this.values.get(node)]);
        this.values.set(node, value);
      }
      return run();
    } finally {
      for (let i = saved.length - 1; i >= 0; i--) this.values.set(saved[i][0], saved[i][1]);
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
    for (let node = this.firstOperation; node < this.count; node++) {
      const layer = kinds.get(node);
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
    const shares = [0, 0];
    for (let node = output; node >= this.firstOperation; node--) {
      const layer = kinds.get(node);
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
    const layer = this.layer(node)!;
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

  private add(kind: Layer | string | undefined, x: number, y: number, value: number): number {
    const node = this.count++;
    // The columns grow together, a block at a time.
    if ((node & MASK) === 0) for (const column of [this.kinds, this.xs, this.ys, this.values]) column.reserve(this.count);
    this.kinds.set(node, kind);
    this.xs.set(node, x);
    this.ys.set(node, y);
    this.values.set(node, value);
    return node;
  }
}

/** The kind of an input made by inputAt(), whose name is in the source. */
const WRITTEN = '';

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
  /** How an input was written where that is not its value alone: tax=+10% is 1.1. */
  written?: ReadonlyMap<number, string>;
  /** What the input may not say as its writer meant (shipping=5 multiplies): told, not refused. */
  notes?: readonly Said[];
}
