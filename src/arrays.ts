/**
 * The layers of the second half of chapter 5, on arrays: the matrix product, sums and means,
 * transpose, softmax and the cross-entropy error, and the book's fused layers, Affine and
 * SoftmaxWithLoss, with the book's backward. As the scalar layers do, each keeps what its
 * backward needs; unlike them, each node has a layer of its own (an array program has few
 * nodes, and running a matrix product again before its backward would double its cost).
 *
 * The element-wise operations (+ − × ÷ ^ and every function of one argument) need no layer
 * here: the graph applies the scalar layer element by element, with NumPy's broadcasting.
 */
import { AddLayer, DivLayer, MulLayer, NegLayer, SubLayer, type Symbols } from './layers.js';
import { text, type Said } from './messages/index.js';
import { multiply, sameShape, shapeText, size, Tensor, transposeData, type Shape, type Value } from './tensor.js';

export interface ArrayLayer {
  forward(x: Value, y?: Value, z?: Value): Value;
  /** What each argument gets back; undefined for one that gets nothing (labels, an axis). */
  backward(dout: Value): (Value | undefined)[];
  /**
   * For a layer linear in its arguments: its output `out`, as the last forward made it, moved
   * in place where one element of one argument moved by `delta` (the argument itself already
   * moved); false where it cannot, and forward must run again. Graph.probe uses it.
   */
  moved?(position: number, index: number, delta: number, out: Tensor): boolean;
  /** For a classifier's loss: of the rows its last forward scored, how many had the label's class highest. */
  hits?(): { right: number; rows: number };
}

/**
 * What a shape rule is told of the node: how it and its arguments are written (read only for
 * a message: each is built from the whole expression below it), and the value of a leaf among them.
 */
export interface ShapeContext {
  /** The node as --steps writes it, and each argument. */
  formula: string;
  labels: string[];
  /** An argument's value, where it is known before anything is computed (a number or array written in the program, an input). */
  known(position: number): Value | undefined;
}

export interface ArrayLayerClass {
  new (): ArrayLayer;
  readonly arrays: true;
  /** The output's shape, from the arguments' shapes; or why they do not go together. */
  shape(shapes: Shape[], context: ShapeContext): Shape | Said;
  /**
   * What backward sends each argument, written as --steps prints it: given how the gradient
   * arriving (dout), the arguments and the output are written. Undefined for one that gets nothing.
   */
  written(dout: string, args: string[], out: string): (string | undefined)[];
  /** The positions of the arguments that are data, not parameters, and get no gradient: the labels, an axis. */
  readonly data?: readonly number[];
  /** How many multiply-adds forward takes, from the arguments' shapes, where that is more than one an element of its output. */
  work?(shapes: Shape[]): number;
  /**
   * What backward sends argument `position`, built as nodes of the same layers from the node
   * of the gradient arriving (dout, of the output's shape), the arguments and the output: the
   * symbolic gradient's rule (higher.ts), as `written` is --steps'. Undefined for an argument
   * that gets nothing.
   */
  grad(nodes: Symbols, position: number, dout: number, args: readonly number[], out: number): number | undefined;
}

/** A value as an array, a number being an array of no axes. */
function array(value: Value): Tensor {
  return typeof value === 'number' ? new Tensor([], Float64Array.of(value)) : value;
}

/** An array of no axes as the number it is. */
function value(tensor: Tensor): Value {
  return tensor.rank === 0 ? tensor.data[0] : tensor;
}

/** rows × columns of a matrix, a vector being a row (or, as the right operand of @, a column). */
function dims(shape: Shape, right = false): [number, number] {
  if (shape.length === 2) return [shape[0], shape[1]];
  return right ? [shape[0] ?? 1, 1] : [1, shape[0] ?? 1];
}

/**
 * The matrix product, X @ W, as NumPy's matmul (the book writes np.dot): a vector on the left
 * is a row, on the right a column, and the axis it added is dropped again.
 */
export class MatMulLayer implements ArrayLayer {
  static readonly arrays = true;
  private x = new Tensor([], new Float64Array(1));
  private w = new Tensor([], new Float64Array(1));

  forward(x: Value, w: Value): Value {
    this.x = array(x);
    this.w = array(w);
    const [m, k] = dims(this.x.shape);
    const [, n] = dims(this.w.shape, true);
    return value(new Tensor(MatMulLayer.product(this.x.shape, this.w.shape), multiply(this.x.data, this.w.data, m, k, n)));
  }

  /** X[r][p] moves row r of X @ W by delta × W[p]; W[p][j] moves column j by delta × X[:, p]. */
  moved(position: number, index: number, delta: number, out: Tensor): boolean {
    const [m, k] = dims(this.x.shape);
    const [, n] = dims(this.w.shape, true);
    if (position === 0) {
      const [r, p] = [Math.floor(index / k), index % k];
      for (let j = 0; j < n; j++) out.data[r * n + j] += delta * this.w.data[p * n + j];
    } else {
      const [p, j] = [Math.floor(index / n), index % n];
      for (let r = 0; r < m; r++) out.data[r * n + j] += delta * this.x.data[r * k + p];
    }
    return true;
  }

  // dX = dY · Wᵀ and dW = Xᵀ · dY: the chain rule of a product, in the order of the matrices.
  backward(dout: Value): Value[] {
    const dy = array(dout);
    const [m, k] = dims(this.x.shape);
    const [, n] = dims(this.w.shape, true);
    const dx = multiply(dy.data, this.w.data, m, n, k, { transposeB: true });
    const dw = multiply(this.x.data, dy.data, k, m, n, { transposeA: true });
    return [value(new Tensor(this.x.shape, dx)), value(new Tensor(this.w.shape, dw))];
  }

  static work([x, w]: Shape[]): number {
    return dims(x)[0] * dims(x)[1] * dims(w, true)[1];
  }

  /** The shape of X @ W: its rows, W's columns; a vector's axis is dropped again. */
  private static product(x: Shape, w: Shape): Shape {
    return [...(x.length === 2 ? [x[0]] : []), ...(w.length === 2 ? [w[1]] : [])];
  }

  static shape([x, w]: Shape[], context: ShapeContext): Shape | Said {
    if (x.length === 0 || w.length === 0) return text('shapeMatmulNumber', context.formula, context.labels[x.length === 0 ? 0 : 1]);
    const inner = [x.at(-1)!, w[0]];
    if (inner[0] !== inner[1]) return text('shapeMatmul', context.formula, context.labels[0], shapeText(x), context.labels[1], shapeText(w), inner[0], inner[1]);
    return MatMulLayer.product(x, w);
  }

  static written(dout: string, [x, w]: string[]): string[] {
    return [`${dout} @ ${transposed(w)}`, `${transposed(x)} @ ${dout}`];
  }

  // dY @ Wᵀ and Xᵀ @ dY; where an operand is a vector, the other's share is an outer product
  // (a vector on the left was a row, on the right a column), or for two vectors dY times the other.
  static grad(nodes: Symbols, position: number, dout: number, [x, w]: readonly number[]): number {
    const matrix = (node: number) => nodes.shape(node).length === 2;
    const T = (node: number) => nodes.op(TransposeLayer, node);
    if (position === 0) return matrix(w) ? nodes.op(MatMulLayer, dout, T(w)) : matrix(x) ? outer(nodes, dout, w) : nodes.op(MulLayer, dout, w);
    return matrix(x) ? nodes.op(MatMulLayer, T(x), dout) : matrix(w) ? outer(nodes, x, dout) : nodes.op(MulLayer, dout, x);
  }
}

/** u vᵀ, for vectors u and v: each element of u times v, a row each. */
function outer(nodes: Symbols, u: number, v: number): number {
  // u spread along the columns of an a × b matrix: row i is u[i] throughout.
  return nodes.op(MulLayer, spreadOver(nodes, u, [nodes.shape(u)[0], nodes.shape(v)[0]], 1), v);
}

/**
 * `x` summed to `shape`, over the axes that NumPy's broadcasting spread a value of that shape
 * along: what an element-wise operation sends back to an argument it broadcast, as the
 * graph's backward adds each element's share into the element it came from, built as nodes.
 */
export function summedTo(nodes: Symbols, x: number, shape: Shape): number {
  const from = nodes.shape(x);
  if (sameShape(from, shape)) return x;
  const sum = (axis?: number) => (axis === undefined ? nodes.op(SumLayer, x) : nodes.op(SumLayer, x, nodes.constant(axis)));
  if (from.length < 2 || size(shape) === 1) return kept(nodes, sum(), shape);
  if (shape.length < 2) return sum(0);
  // A matrix summed down its rows, or across its columns, where the shape has 1 of them.
  return kept(nodes, shape[0] === 1 ? sum(0) : sum(1), shape);
}

/** A number, a vector as a row, or a vector as a column: `x` with the axes of size 1 that `shape` has and it lacks (NumPy's keepdims). */
function kept(nodes: Symbols, x: number, shape: Shape): number {
  if (sameShape(nodes.shape(x), shape)) return x;
  // A column: the vector spread along its one column.
  return spreadOver(nodes, x, shape, shape.length === 2 && shape[1] === 1 && shape[0] > 1 ? 1 : undefined);
}

/**
 * The gradient of a sum spread back to every element it added (of `shape`): broadcast, times
 * ones of the shape; along the columns of a matrix (axis 1), broadcast as rows then turned,
 * as NumPy would broadcast a column.
 */
function spreadOver(nodes: Symbols, dout: number, shape: Shape, axis: number | undefined): number {
  if (shape.length === 0) return dout;
  if (axis === 1 && shape.length === 2) return nodes.op(TransposeLayer, nodes.op(MulLayer, dout, nodes.ones([shape[1], shape[0]])));
  return nodes.op(MulLayer, dout, nodes.ones(shape));
}

/** The sum of each row of `x` (of a vector, all of it), spread back over the row: Σ along the last axis, kept. */
function rowSums(nodes: Symbols, x: number): number {
  const shape = nodes.shape(x);
  if (shape.length < 2) return nodes.op(SumLayer, x);
  return spreadOver(nodes, nodes.op(SumLayer, x, nodes.constant(1)), shape, 1);
}

/** The axis of a sum or mean node, as its forward read it. */
function axisAt(nodes: Symbols, [x, axis]: readonly number[]): number | undefined {
  return axisOf(axis === undefined ? undefined : nodes.value(axis), nodes.shape(x).length);
}

/** How a transposed operand is written: Wᵀ, (X @ W)ᵀ. */
function transposed(operand: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(operand) ? `${operand}ᵀ` : `(${operand})ᵀ`;
}

/** The axis a reduction is along, from its argument: none (all of it), 0 or 1 (or -1, the last). */
function axisOf(given: Value | undefined, rank: number): number | undefined {
  if (given === undefined) return undefined;
  const axis = typeof given === 'number' ? given : NaN;
  return axis < 0 ? rank + axis : axis;
}

/** Whether the axis argument of sum or mean is one of the array's axes. */
function axisProblem(shapes: Shape[], context: ShapeContext): Said | undefined {
  if (shapes.length < 2) return undefined;
  const given = context.known(1);
  if (given === undefined || typeof given !== 'number' || !Number.isInteger(given)) return text('axisConstant', context.formula, context.labels[1]);
  const axis = axisOf(given, shapes[0].length);
  if (axis === undefined || axis < 0 || axis >= shapes[0].length) return text('axisMissing', context.formula, given, shapeText(shapes[0]), shapes[0].length);
  return undefined;
}

/** The shape left when an axis is summed away, or all of them. */
function reduced(shape: Shape, axis: number | undefined): Shape {
  return axis === undefined ? [] : shape.filter((_, i) => i !== axis);
}

/**
 * sum(x) adds every element; sum(x, axis) adds along one axis (0: down the rows, giving a
 * row). Backward is the other way round: the gradient of the sum goes to every element it
 * was made of, as broadcasting does.
 */
export class SumLayer implements ArrayLayer {
  static readonly arrays = true;
  static readonly data = [1];
  private shape: Shape = [];
  private axis: number | undefined;

  forward(x: Value, axis?: Value): Value {
    const tensor = array(x);
    this.shape = tensor.shape;
    this.axis = axisOf(axis, tensor.rank);
    return value(sumAlong(tensor, this.axis));
  }

  backward(dout: Value): (Value | undefined)[] {
    return [value(spread(array(dout), this.shape, this.axis)), undefined];
  }

  static shape(shapes: Shape[], context: ShapeContext): Shape | Said {
    return axisProblem(shapes, context) ?? reduced(shapes[0], axisOf(context.known(1), shapes[0].length));
  }

  static written(dout: string, [x]: string[]): string[] {
    return [`${dout} spread over ${x}`];
  }

  static grad(nodes: Symbols, position: number, dout: number, args: readonly number[]): number | undefined {
    return position === 0 ? spreadOver(nodes, dout, nodes.shape(args[0]), axisAt(nodes, args)) : undefined;
  }
}

/** mean(x) and mean(x, axis): sum's, divided by how many were added. */
export class MeanLayer implements ArrayLayer {
  static readonly arrays = true;
  static readonly data = [1];
  private shape: Shape = [];
  private axis: number | undefined;
  private count = 1;

  forward(x: Value, axis?: Value): Value {
    const tensor = array(x);
    this.shape = tensor.shape;
    this.axis = axisOf(axis, tensor.rank);
    this.count = this.axis === undefined ? tensor.size : tensor.shape[this.axis];
    const sums = sumAlong(tensor, this.axis);
    for (let i = 0; i < sums.size; i++) sums.data[i] /= this.count;
    return value(sums);
  }

  backward(dout: Value): (Value | undefined)[] {
    const shares = spread(array(dout), this.shape, this.axis);
    for (let i = 0; i < shares.size; i++) shares.data[i] /= this.count;
    return [value(shares), undefined];
  }

  static shape(shapes: Shape[], context: ShapeContext): Shape | Said {
    return SumLayer.shape(shapes, context);
  }

  static written(dout: string, [x]: string[]): string[] {
    return [`${dout} ÷ n, spread over ${x}`];
  }

  static grad(nodes: Symbols, position: number, dout: number, args: readonly number[], out: number): number | undefined {
    if (position !== 0) return undefined;
    const shape = nodes.shape(args[0]);
    const count = size(shape) / size(nodes.shape(out));
    return nodes.op(DivLayer, spreadOver(nodes, dout, shape, axisAt(nodes, args)), nodes.constant(count));
  }
}

/** The sums of a tensor's elements along an axis (or all of them). */
function sumAlong(x: Tensor, axis: number | undefined): Tensor {
  const out = Tensor.zeros(reduced(x.shape, axis));
  const columns = x.columns;
  for (let i = 0; i < x.size; i++) {
    const at = axis === undefined ? 0 : x.rank === 1 ? 0 : axis === 0 ? i % columns : Math.floor(i / columns);
    out.data[at] += x.data[i];
  }
  return out;
}

/** A gradient of sums spread back to every element added into each. */
function spread(dout: Tensor, shape: Shape, axis: number | undefined): Tensor {
  const out = Tensor.zeros(shape);
  const columns = out.columns;
  for (let i = 0; i < out.size; i++) {
    const at = axis === undefined ? 0 : out.rank === 1 ? 0 : axis === 0 ? i % columns : Math.floor(i / columns);
    out.data[i] = dout.data[at];
  }
  return out;
}

/**
 * detach(x) is x, as data: nothing flows back through it, as through the labels of a loss
 * (PyTorch's detach). The book's gradient check moves the weights, not the batch of images:
 * detach(x) says x is data, and --check leaves it.
 */
export class DetachLayer implements ArrayLayer {
  static readonly arrays = true;
  static readonly data = [0];

  forward(x: Value): Value {
    return x;
  }

  backward(): undefined[] {
    return [undefined];
  }

  static shape([x]: Shape[]): Shape {
    return x;
  }

  static written(): undefined[] {
    return [undefined];
  }

  static grad(): undefined {
    return undefined;
  }
}

/** Xᵀ: rows become columns. A vector is its own transpose, as in NumPy. */
export class TransposeLayer implements ArrayLayer {
  static readonly arrays = true;

  forward(x: Value): Value {
    return typeof x === 'number' ? x : transpose(x);
  }

  backward(dout: Value): Value[] {
    return [typeof dout === 'number' ? dout : transpose(dout)];
  }

  static shape([x]: Shape[]): Shape {
    return x.length === 2 ? [x[1], x[0]] : x;
  }

  static written(dout: string): string[] {
    return [transposed(dout)];
  }

  static grad(nodes: Symbols, _position: number, dout: number): number {
    return nodes.op(TransposeLayer, dout);
  }
}

function transpose(x: Tensor): Tensor {
  if (x.rank < 2) return x;
  const [rows, columns] = x.shape;
  return new Tensor([columns, rows], transposeData(x.data, rows, columns));
}

/**
 * softmax, row by row (a vector is one row): exp of each element over the sum of its row's,
 * the row's largest subtracted first so that exp cannot overflow (the book's softmax).
 */
function softmax(x: Tensor): Tensor {
  const out = new Float64Array(x.size);
  const columns = x.columns;
  for (let row = 0; row < x.rows; row++) {
    const start = row * columns;
    let largest = -Infinity;
    for (let j = 0; j < columns; j++) largest = Math.max(largest, x.data[start + j]);
    let sum = 0;
    for (let j = 0; j < columns; j++) sum += out[start + j] = Math.exp(x.data[start + j] - largest);
    for (let j = 0; j < columns; j++) out[start + j] /= sum;
  }
  return new Tensor(x.shape, out);
}

export class SoftmaxLayer implements ArrayLayer {
  static readonly arrays = true;
  private out = new Tensor([], new Float64Array(1));

  forward(x: Value): Value {
    this.out = softmax(array(x));
    return value(this.out);
  }

  // dx = y ⊙ (dy − Σ dy ⊙ y), the sum along each row.
  backward(dout: Value): Value[] {
    const dy = array(dout);
    const { out } = this;
    const dx = new Float64Array(out.size);
    const columns = out.columns;
    for (let row = 0; row < out.rows; row++) {
      const start = row * columns;
      let dot = 0;
      for (let j = 0; j < columns; j++) dot += dy.data[start + j] * out.data[start + j];
      for (let j = 0; j < columns; j++) dx[start + j] = out.data[start + j] * (dy.data[start + j] - dot);
    }
    return [value(new Tensor(out.shape, dx))];
  }

  static shape([x]: Shape[], context: ShapeContext): Shape | Said {
    return x.length === 0 ? text('shapeNeedsArray', context.formula) : x;
  }

  static written(dout: string, _args: string[], out: string): string[] {
    return [`${out} ⊙ (${dout} − Σ ${dout} ⊙ ${out})`];
  }

  static grad(nodes: Symbols, _position: number, dout: number, _args: readonly number[], out: number): number {
    return nodes.op(MulLayer, out, nodes.op(SubLayer, dout, rowSums(nodes, nodes.op(MulLayer, dout, out))));
  }
}

/** The book's small number added inside log, so that log(0) is never taken. */
const DELTA = 1e-7;

/**
 * Labels as one row of probabilities each: one-hot rows as given, or class indices (one a row)
 * made one-hot. The shapes were checked before (labelProblem).
 */
function oneHot(t: Tensor, shape: Shape): Tensor {
  if (sameShape(t.shape, shape)) return t;
  const out = Tensor.zeros(shape);
  const columns = out.columns;
  for (let row = 0; row < t.size; row++) out.data[row * columns + t.data[row]] = 1;
  return out;
}

/** How many rows a batch of scores has: a vector is one. */
function batchSize(shape: Shape): number {
  return shape.length === 2 ? shape[0] : 1;
}

/** How many rows of scores y have their largest where the labels t (one-hot) have theirs: the book's accuracy. */
function hits(y: Tensor, t: Tensor): { right: number; rows: number } {
  const columns = y.columns;
  let right = 0;
  for (let row = 0; row < y.rows; row++) {
    const start = row * columns;
    let [best, label] = [0, 0];
    for (let j = 1; j < columns; j++) {
      if (y.data[start + j] > y.data[start + best]) best = j;
      if (t.data[start + j] > t.data[start + label]) label = j;
    }
    if (best === label) right++;
  }
  return { right, rows: y.rows };
}

/** Whether labels fit the scores: one-hot rows of the same shape, or one class index a row, each a whole number in range. */
function labelProblem([y, t]: Shape[], context: ShapeContext): Said | undefined {
  if (y.length === 0) return text('shapeNeedsArray', context.formula);
  const indices = y.length === 2 ? [y[0]] : [];
  const asIndices = t.length === indices.length && t.every((n, i) => n === indices[i]);
  const asOneHot = t.length === y.length && t.every((n, i) => n === y[i]);
  if (!asIndices && !asOneHot) return text('shapeLabels', context.formula, context.labels[1], shapeText(t), context.labels[0], shapeText(y), shapeText(indices));
  const given = context.known(1);
  if (asIndices && !asOneHot && given !== undefined) {
    const classes = y.at(-1)!;
    const values = typeof given === 'number' ? [given] : Array.from(given.data);
    const wrong = values.find((n) => !Number.isInteger(n) || n < 0 || n >= classes);
    if (wrong !== undefined) return text('labelOutOfRange', context.formula, context.labels[1], wrong, classes - 1);
  }
  return undefined;
}

/**
 * The cross-entropy error of scores y against labels t, averaged over the batch, as the
 * book's cross_entropy_error: −Σ t · log(y + 1e-7) ÷ N. The labels are data: they get no gradient.
 */
export class CrossEntropyLayer implements ArrayLayer {
  static readonly arrays = true;
  static readonly data = [1];
  private y = new Tensor([], new Float64Array(1));
  private t = new Tensor([], new Float64Array(1));

  forward(y: Value, t: Value): Value {
    this.y = array(y);
    this.t = oneHot(array(t), this.y.shape);
    let sum = 0;
    for (let i = 0; i < this.y.size; i++) if (this.t.data[i] !== 0) sum += this.t.data[i] * Math.log(this.y.data[i] + DELTA);
    return -sum / batchSize(this.y.shape);
  }

  // ∂L/∂y = −t ÷ (y + 1e-7) ÷ N.
  backward(dout: Value): (Value | undefined)[] {
    const scale = -(dout as number) / batchSize(this.y.shape);
    const dy = new Float64Array(this.y.size);
    for (let i = 0; i < dy.length; i++) dy[i] = (scale * this.t.data[i]) / (this.y.data[i] + DELTA);
    return [value(new Tensor(this.y.shape, dy)), undefined];
  }

  /** How many rows the last forward got right, for --train's accuracy. */
  hits(): { right: number; rows: number } {
    return hits(this.y, this.t);
  }

  static shape(shapes: Shape[], context: ShapeContext): Shape | Said {
    return labelProblem(shapes, context) ?? [];
  }

  static written(dout: string, [y, t]: string[]): (string | undefined)[] {
    return [`${dout} × (−${t} ÷ (${y} + 1e-7)) ÷ N`, undefined];
  }

  static grad(nodes: Symbols, position: number, dout: number, [y, t]: readonly number[]): number | undefined {
    if (position !== 0) return undefined;
    const scale = nodes.op(NegLayer, perRow(nodes, dout, y));
    return nodes.op(MulLayer, scale, nodes.op(DivLayer, labelsOf(nodes, t, y), nodes.op(AddLayer, y, nodes.constant(DELTA))));
  }
}

/** dout ÷ N, N the rows of a batch of scores: what each row's share of the loss is scaled by. */
function perRow(nodes: Symbols, dout: number, scores: number): number {
  return nodes.op(DivLayer, dout, nodes.constant(batchSize(nodes.shape(scores))));
}

/**
 * The labels of scores as rows, as data (detached: a label gets no gradient, of any order):
 * where they are given as rows, the labels themselves; else made one-hot now from the class
 * indices as given, a constant, as nothing moves labels while a derivative is taken.
 */
function labelsOf(nodes: Symbols, t: number, scores: number): number {
  const shape = nodes.shape(scores);
  return sameShape(nodes.shape(t), shape) ? nodes.op(DetachLayer, t) : nodes.constant(oneHot(array(nodes.value(t)), shape));
}

/**
 * The book's SoftmaxWithLoss: softmax, then the cross-entropy error, as one layer, whose
 * backward is simply (y − t) ÷ N — the reason the book fuses them. Fused, it needs no 1e-7:
 * log y = x − max − log Σ exp(x − max) is never log 0. So the loss is the one whose exact
 * derivative backward gives, and the gradient check agrees with it to 1e-10 rather than to
 * the 1e-7 that the book's small number leaves on b2.
 */
export class SoftmaxWithLossLayer implements ArrayLayer {
  static readonly arrays = true;
  static readonly data = [1];
  private y = new Tensor([], new Float64Array(1));
  private t = new Tensor([], new Float64Array(1));

  forward(x: Value, t: Value): Value {
    const scores = array(x);
    this.y = softmax(scores);
    this.t = oneHot(array(t), scores.shape);
    const columns = scores.columns;
    let sum = 0;
    for (let row = 0; row < scores.rows; row++) {
      const start = row * columns;
      let largest = -Infinity;
      for (let j = 0; j < columns; j++) largest = Math.max(largest, scores.data[start + j]);
      let exps = 0;
      for (let j = 0; j < columns; j++) exps += Math.exp(scores.data[start + j] - largest);
      const logSum = largest + Math.log(exps);
      for (let j = 0; j < columns; j++) {
        const label = this.t.data[start + j];
        if (label !== 0) sum += label * (scores.data[start + j] - logSum);
      }
    }
    return -sum / batchSize(scores.shape);
  }

  // (y − t) ÷ N for labels whose rows sum to 1, as one-hot rows and class indices do; for
  // any other rows, y × Σt − t, the exact derivative.
  backward(dout: Value): (Value | undefined)[] {
    const scale = (dout as number) / batchSize(this.y.shape);
    const { y, t } = this;
    const dx = new Float64Array(y.size);
    const columns = y.columns;
    for (let row = 0; row < y.rows; row++) {
      const start = row * columns;
      let labels = 0;
      for (let j = 0; j < columns; j++) labels += t.data[start + j];
      for (let j = 0; j < columns; j++) dx[start + j] = scale * (y.data[start + j] * labels - t.data[start + j]);
    }
    return [value(new Tensor(y.shape, dx)), undefined];
  }

  /** How many rows the last forward got right, for --train's accuracy. */
  hits(): { right: number; rows: number } {
    return hits(this.y, this.t);
  }

  static shape(shapes: Shape[], context: ShapeContext): Shape | Said {
    return labelProblem(shapes, context) ?? [];
  }

  static written(dout: string, [x, t]: string[]): (string | undefined)[] {
    return [`${dout} × (softmax(${x}) − ${t}) ÷ N`, undefined];
  }

  // (softmax(x) − t) ÷ N for class indices, one-hot rows; for labels given as rows,
  // softmax(x) × Σt − t, as backward computes it.
  static grad(nodes: Symbols, position: number, dout: number, [x, t]: readonly number[]): number | undefined {
    if (position !== 0) return undefined;
    const labels = labelsOf(nodes, t, x);
    const y = nodes.op(SoftmaxLayer, x);
    const rows = sameShape(nodes.shape(t), nodes.shape(x));
    const scores = rows ? nodes.op(MulLayer, y, rowSums(nodes, labels)) : y;
    return nodes.op(MulLayer, perRow(nodes, dout, x), nodes.op(SubLayer, scores, labels));
  }
}

/**
 * The book's Affine layer: X · W + b, the bias added to every row. Backward: dX = dY · Wᵀ,
 * dW = Xᵀ · dY, and db the sum of dY over the batch, as b was added to every row of it.
 */
export class AffineLayer implements ArrayLayer {
  static readonly arrays = true;
  private readonly product = new MatMulLayer();
  private b: Shape = [];

  forward(x: Value, w: Value, b: Value): Value {
    const product = array(this.product.forward(x, w));
    const bias = array(b);
    this.b = bias.shape;
    const columns = product.columns;
    for (let i = 0; i < product.size; i++) product.data[i] += bias.rank === 0 ? bias.data[0] : bias.data[i % columns];
    return value(product);
  }

  /** As the matrix product's; b[j] moves column j by delta. */
  moved(position: number, index: number, delta: number, out: Tensor): boolean {
    if (position < 2) return this.product.moved(position, index, delta, out);
    if (this.b.length === 0) return false;
    for (let i = index; i < out.size; i += out.columns) out.data[i] += delta;
    return true;
  }

  backward(dout: Value): Value[] {
    const [dx, dw] = this.product.backward(dout);
    const dy = array(dout);
    // b was added to every row: its gradient is dY summed over the rows (all of it, for a number).
    const db = this.b.length === 0 ? sumAlong(dy, undefined) : dy.rank === 2 ? sumAlong(dy, 0) : dy.copy();
    return [dx, dw, value(db)];
  }

  static work([x, w]: Shape[]): number {
    return MatMulLayer.work([x, w]);
  }

  static shape([x, w, b]: Shape[], context: ShapeContext): Shape | Said {
    const product = MatMulLayer.shape([x, w], context);
    if (!Array.isArray(product)) return product;
    const columns = (product as Shape).at(-1);
    if (!(b.length === 0 || (b.length === 1 && b[0] === columns))) return text('shapeBias', context.formula, context.labels[2], shapeText(b), shapeText(product as Shape), columns ?? 1);
    return product as Shape;
  }

  static written(dout: string, [x, w]: string[]): string[] {
    return [`${dout} @ ${transposed(w)}`, `${transposed(x)} @ ${dout}`, `sum(${dout}, 0)`];
  }

  // As the product's; b's is dY summed to b's shape, as b was broadcast to every row.
  static grad(nodes: Symbols, position: number, dout: number, args: readonly number[]): number {
    return position < 2 ? MatMulLayer.grad(nodes, position, dout, args) : summedTo(nodes, dout, nodes.shape(args[2]));
  }
}
