import { Exact } from './exact.js';
import type { Shape, Value } from './tensor.js';

/**
 * The layers of chapter 5 of Deep Learning from Scratch, one class per operation.
 *
 * forward(x, y) computes the output and keeps what backward will need, as the book's
 * MulLayer keeps x and y; backward(dout) applies the chain rule: it multiplies the
 * upstream gradient dout by the local derivative and returns one gradient per input. It is
 * linear in dout (backward(dout) = dout × backward(1)): backward(1) gives the local
 * derivatives themselves, which --steps prints beside the products.
 * Called as in the book, backward makes a new array for them; the graph passes one array
 * for every node to be filled in place, which spares a million-node pass a million arrays.
 * A layer is used as the book uses it, forward then backward, and holds one node's state at
 * a time: the graph calls forward again before backward, so nodes can share a layer.
 *
 * Beside them, how the local derivatives are written (`slopes`), for --steps.
 */
export interface Layer {
  forward(x: number, y?: number): number;
  backward(dout: number, grads?: number[]): number[];
}

/**
 * An operation on exact rationals, beside its forward and backward on doubles: its value, and
 * its local slopes (backward(1)), each undefined where it is not rational (log, or a power
 * whose exponent is no whole number). The graph uses it where its arguments are exact.
 */
export interface ExactRule {
  forward(x: Exact, y?: Exact): Exact | undefined;
  /**
   * The slopes from what is exact of the arguments and the output (undefined where a value is
   * a double): a slope that needs no more than is exact is exact, as ∂(x × y)/∂y = x is while
   * y is a double. `out` is read only for a rule written with it (withOutput).
   */
  slopes(x: Exact | undefined, y: Exact | undefined, out: Exact | undefined): readonly (Exact | undefined)[];
  readonly withOutput?: boolean;
  /** x + y or x × y: on decimals the graph computes it, and its backward, on its columns. */
  readonly decimal?: 'sum' | 'product';
}

/** The slopes that are the same everywhere, made once: a receipt's backward asks for them a million times. */
const ONES = [Exact.ONE, Exact.ONE];
const ONE_AND_MINUS_ONE = [Exact.ONE, Exact.ONE.negated()];
const MINUS_ONE = [Exact.ONE.negated()];
const ZERO = [Exact.ZERO];

/**
 * What a layer's class tells beside its forward and backward; what the operation is called
 * and how it is written is its entry in the table of operations (operations.ts).
 */
export interface LayerClass {
  new (): Layer;
  /** The local derivatives, written with how x, y and the output are written: what --steps prints. */
  slopes(x: string, y: string, out: string): string[];
  /** Its rule on exact rationals, for an operation of rational arithmetic. */
  readonly exact?: ExactRule;
  /**
   * Where the operation has a kink (relu and abs at 0, max where its arguments are equal), a
   * number whose sign tells the side of the kink the arguments are on: --check names an input
   * whose step crosses it instead of failing it, as no derivative exists there.
   */
  kink?(x: number, y: number): number;
  /**
   * For a composite (sigmoid, tanh, softplus), the same function built in `graph` from
   * primitive nodes applied to x, as the book first draws Sigmoid; gives the last node.
   * --expand uses it so that --steps and the pictures show every stage.
   */
  expand?(graph: Builder, x: number): number;
  /**
   * The local derivative with respect to argument `position` (0 for x, 1 for y), built as
   * nodes of the same layers from the nodes x, y and the output: the symbolic gradient's
   * rule (higher.ts), as `slopes` is --steps'. A gradient built of it is itself a graph, to
   * be run, drawn and differentiated again.
   */
  grad?(nodes: Symbols, position: number, x: number, y: number, out: number): number;
}

/**
 * What a symbolic derivative needs of a graph: constants, and nodes of a layer class; for
 * arrays, shapes, arrays of ones to broadcast with, and what the last forward pass computed.
 */
export interface Symbols {
  constant(value: Value): number;
  /** A node of a layer class: one of these, or one on arrays (arrays.ts, which builds on this file). */
  op(Layer: new () => object, x: number, y?: number, z?: number): number;
  /** A node's shape: [] for a number. */
  shape(node: number): Shape;
  /** A constant array of ones of this shape (the number 1 for []): a value times it is broadcast to the shape. */
  ones(shape: Shape): number;
  /** A node's value as the last forward pass computed it: a sum's axis, a loss's labels. */
  value(node: number): Value;
}

/** What an expansion needs of a graph: nodes to add. The graph implements it. */
export interface Builder {
  constant(value: number): number;
  apply(layer: Layer, x: number, y?: number): number;
}

const sharedLayers = new Map<LayerClass, Layer>();

/**
 * The layer for a new node of the graph: one instance of each class serves every node of its
 * kind, as the graph runs a node's forward again just before its backward (Graph.replay). A
 * million products need not be a million MulLayers, each kept until the program ends.
 */
export function layerFor(Layer: LayerClass): Layer {
  let shared = sharedLayers.get(Layer);
  if (shared === undefined) sharedLayers.set(Layer, (shared = new Layer()));
  return shared;
}

export class MulLayer implements Layer {
  private x = NaN;
  private y = NaN;

  forward(x: number, y: number): number {
    this.x = x;
    this.y = y;
    return x * y;
  }

  // Each input's gradient is dout times the other input: x and y swap.
  backward(dout: number, grads = [0, 0]): number[] {
    grads[0] = dout * this.y;
    grads[1] = dout * this.x;
    return grads;
  }

  static readonly exact: ExactRule = {
    forward: (x, y) => x.times(y!),
    slopes: (x, y) => [y, x],
    decimal: 'product',
  };

  static grad(_: Symbols, position: number, x: number, y: number): number {
    return position === 0 ? y : x;
  }

  static slopes(x: string, y: string): string[] {
    return [y, x];
  }
}

export class AddLayer implements Layer {

  forward(x: number, y: number): number {
    return x + y;
  }

  // Addition passes the upstream gradient on unchanged.
  backward(dout: number, grads = [0, 0]): number[] {
    grads[0] = dout;
    grads[1] = dout;
    return grads;
  }

  static readonly exact: ExactRule = {
    forward: (x, y) => x.plus(y!),
    slopes: () => ONES,
    decimal: 'sum',
  };

  static grad(nodes: Symbols): number {
    return nodes.constant(1);
  }

  static slopes(): string[] {
    return ['1', '1'];
  }
}

export class SubLayer implements Layer {

  forward(x: number, y: number): number {
    return x - y;
  }

  backward(dout: number, grads = [0, 0]): number[] {
    grads[0] = dout;
    grads[1] = -dout;
    return grads;
  }

  static readonly exact: ExactRule = {
    forward: (x, y) => x.minus(y!),
    slopes: () => ONE_AND_MINUS_ONE,
  };

  static grad(nodes: Symbols, position: number): number {
    return nodes.constant(position === 0 ? 1 : -1);
  }

  static slopes(): string[] {
    return ['1', '(-1)'];
  }
}

export class DivLayer implements Layer {
  private y = NaN;
  private out = NaN;

  forward(x: number, y: number): number {
    this.y = y;
    this.out = x / y;
    return this.out;
  }

  // ∂(x/y)/∂y = −x/y² = −out/y, which needs no second division by y².
  backward(dout: number, grads = [0, 0]): number[] {
    grads[0] = dout / this.y;
    grads[1] = (-dout * this.out) / this.y;
    return grads;
  }

  static readonly exact: ExactRule = {
    forward: (x, y) => x.over(y!),
    slopes: (_x, y, out) => [y && Exact.ONE.over(y), y && out?.negated().over(y)],
    withOutput: true,
  };

  static grad(nodes: Symbols, position: number, _x: number, y: number, out: number): number {
    return position === 0 ? nodes.op(DivLayer, nodes.constant(1), y) : nodes.op(DivLayer, nodes.op(NegLayer, out), y);
  }

  static slopes(_x: string, y: string, out: string): string[] {
    return [`(1 ÷ ${y})`, `(−${out} ÷ ${y})`];
  }
}

export class PowLayer implements Layer {
  private x = NaN;
  private y = NaN;
  private out = NaN;

  forward(x: number, y: number): number {
    this.x = x;
    this.y = y;
    this.out = x ** y;
    return this.out;
  }

  // ∂/∂x = y·x^(y−1) and ∂/∂y = out·ln x. Where the power is flat (x^0 is 1 for every x,
  // 0^y is 0 for every y > 0) the slope is 0, not the 0·∞ = NaN the formula would give; so
  // is a power of a positive x that underflowed to 0, whose slope is smaller still. Elsewhere
  // the formula stands: at 0^0.5 the slope is infinite, at 0^0 and (−2)^y (ln of a
  // non-positive number) there is no derivative, even where (−0.5)^2000 underflows to 0.
  backward(dout: number, grads = [0, 0]): number[] {
    grads[0] = this.y === 0 ? 0 : dout * this.y * this.x ** (this.y - 1);
    grads[1] = this.out === 0 && this.x >= 0 ? 0 : dout * this.out * Math.log(this.x);
    return grads;
  }

  // Exact where the exponent is a whole number; in y, only where the power is flat (out = 0)
  // or log x is 0 (x = 1): elsewhere out × log x is no rational.
  static readonly exact: ExactRule = {
    forward: (x, y) => (y!.isInteger ? x.pow(y!.toNumber()) : undefined),
    slopes: (x, y, out) => [
      y?.sign === 0 ? Exact.ZERO : x && y?.isInteger ? x.pow(y.toNumber() - 1)?.times(y) : undefined,
      (out?.sign === 0 && x !== undefined && x.sign >= 0) || x?.compare(Exact.ONE) === 0 ? Exact.ZERO : undefined,
    ],
    withOutput: true,
  };

  static grad(nodes: Symbols, position: number, x: number, y: number, out: number): number {
    if (position === 1) return nodes.op(MulLayer, out, nodes.op(LogLayer, x));
    return nodes.op(MulLayer, y, nodes.op(PowLayer, x, nodes.op(SubLayer, y, nodes.constant(1))));
  }

  static slopes(x: string, y: string, out: string): string[] {
    return [`${y} × ${x} ^ (${y} − 1)`, `${out} × log(${x})`];
  }
}

export class NegLayer implements Layer {

  forward(x: number): number {
    return -x;
  }

  backward(dout: number, grads = [0]): number[] {
    grads[0] = -dout;
    return grads;
  }

  static readonly exact: ExactRule = {
    forward: (x) => x.negated(),
    slopes: () => MINUS_ONE,
  };

  static grad(nodes: Symbols): number {
    return nodes.constant(-1);
  }

  static slopes(): string[] {
    return ['(-1)'];
  }
}

export class ExpLayer implements Layer {
  private out = NaN;

  forward(x: number): number {
    this.out = Math.exp(x);
    return this.out;
  }

  // exp is its own derivative.
  backward(dout: number, grads = [0]): number[] {
    grads[0] = dout * this.out;
    return grads;
  }

  static grad(_: Symbols, _position: number, _x: number, _y: number, out: number): number {
    return out;
  }

  static slopes(_x: string, _y: string, out: string): string[] {
    return [out];
  }
}

export class LogLayer implements Layer {
  private x = NaN;

  forward(x: number): number {
    this.x = x;
    return Math.log(x);
  }

  backward(dout: number, grads = [0]): number[] {
    grads[0] = dout / this.x;
    return grads;
  }

  static grad(nodes: Symbols, _position: number, x: number): number {
    return nodes.op(DivLayer, nodes.constant(1), x);
  }

  static slopes(x: string): string[] {
    return [`(1 ÷ ${x})`];
  }
}

/** The book's Relu: the mask remembers where x ≤ 0, where nothing flows back. */
export class ReluLayer implements Layer {
  private mask = false;

  static kink(x: number): number {
    return x;
  }

  forward(x: number): number {
    this.mask = x <= 0;
    return this.mask ? 0 : x;
  }

  backward(dout: number, grads = [0]): number[] {
    grads[0] = this.mask ? 0 : dout;
    return grads;
  }

  static readonly exact: ExactRule = {
    forward: (x) => (x.sign > 0 ? x : Exact.ZERO),
    slopes: (x) => [x && (x.sign > 0 ? Exact.ONE : Exact.ZERO)],
  };

  // The mask as a node: step(x), whose own slope is 0, and which has relu's kink.
  static grad(nodes: Symbols, _position: number, x: number): number {
    return nodes.op(StepLayer, x);
  }

  static slopes(x: string): string[] {
    return [`(${x} > 0 ? 1 : 0)`];
  }
}

/**
 * The book's Sigmoid. Its backward is written y(1 − y), but computed as σ(x)·σ(−x), the same
 * number: 1 − y loses every digit once y is within an ulp of 1 (x > 37), and is off by a
 * thousandth already at x = 30; σ(−x) keeps them all.
 */
export class SigmoidLayer implements Layer {
  private x = NaN;

  forward(x: number): number {
    this.x = x;
    return sigmoid(x);
  }

  backward(dout: number, grads = [0]): number[] {
    grads[0] = dout * sigmoid(this.x) * sigmoid(-this.x);
    return grads;
  }

  // The book's figure: ×(−1), exp, +1, then 1/x.
  static expand(graph: Builder, x: number): number {
    const negated = graph.apply(layerFor(MulLayer), x, graph.constant(-1));
    const exp = graph.apply(layerFor(ExpLayer), negated);
    const plusOne = graph.apply(layerFor(AddLayer), exp, graph.constant(1));
    return graph.apply(layerFor(DivLayer), graph.constant(1), plusOne);
  }

  // σ(x)·σ(−x), as backward computes it: the form that keeps its digits in the tails.
  static grad(nodes: Symbols, _position: number, x: number, _y: number, out: number): number {
    return nodes.op(MulLayer, out, nodes.op(SigmoidLayer, nodes.op(NegLayer, x)));
  }

  static slopes(_x: string, _y: string, out: string): string[] {
    return [`${out} × (1 − ${out})`];
  }
}

/** The hyperbolic tangent: backward is written 1 − y², as for the book's sigmoid. */
export class TanhLayer implements Layer {
  private x = NaN;

  forward(x: number): number {
    this.x = x;
    return Math.tanh(x);
  }

  // Written 1 − y², computed as 1/cosh²(x), the same number without 1 − y²'s cancellation
  // where y is near ±1; squaring 1/cosh rather than cosh keeps it from overflowing early.
  backward(dout: number, grads = [0]): number[] {
    const sech = 1 / Math.cosh(this.x);
    grads[0] = dout * sech * sech;
    return grads;
  }

  // tanh(x) = 2σ(2x) − 1, the sigmoid's stages then ×2 and −1: finite for every x, where
  // (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) would overflow past |x| = 710.
  static expand(graph: Builder, x: number): number {
    const negated = graph.apply(layerFor(MulLayer), x, graph.constant(-2));
    const exp = graph.apply(layerFor(ExpLayer), negated);
    const plusOne = graph.apply(layerFor(AddLayer), exp, graph.constant(1));
    const twice = graph.apply(layerFor(DivLayer), graph.constant(2), plusOne);
    return graph.apply(layerFor(SubLayer), twice, graph.constant(1));
  }

  // 1 − y² as 4σ(2x)·σ(−2x), the same number: 1 − y² loses every digit where y rounds to ±1
  // (|x| > 19), and so would every derivative built on it.
  static grad(nodes: Symbols, _position: number, x: number): number {
    const twice = nodes.op(MulLayer, nodes.constant(2), x);
    const both = nodes.op(MulLayer, nodes.op(SigmoidLayer, twice), nodes.op(SigmoidLayer, nodes.op(NegLayer, twice)));
    return nodes.op(MulLayer, nodes.constant(4), both);
  }

  static slopes(_x: string, _y: string, out: string): string[] {
    return [`(1 − ${out} ^ 2)`];
  }
}

/** ∂√x = 1/(2√x): the output is all backward needs. */
export class SqrtLayer implements Layer {
  private out = NaN;

  forward(x: number): number {
    this.out = Math.sqrt(x);
    return this.out;
  }

  backward(dout: number, grads = [0]): number[] {
    grads[0] = (dout * 0.5) / this.out;
    return grads;
  }

  // Exact where the root is rational: √2.25 is 1.5.
  static readonly exact: ExactRule = {
    forward: (x) => x.sqrt(),
    slopes: (_x, _y, out) => [out && Exact.ONE.over(out.times(TWO)!)],
    withOutput: true,
  };

  static grad(nodes: Symbols, _position: number, _x: number, _y: number, out: number): number {
    return nodes.op(DivLayer, nodes.constant(1), nodes.op(MulLayer, nodes.constant(2), out));
  }

  static slopes(_x: string, _y: string, out: string): string[] {
    return [`(1 ÷ (2 × ${out}))`];
  }
}

/** |x| passes the gradient on with x's sign; at 0, like relu, nothing. */
export class AbsLayer implements Layer {
  private x = NaN;

  forward(x: number): number {
    this.x = x;
    return Math.abs(x);
  }

  backward(dout: number, grads = [0]): number[] {
    grads[0] = dout * Math.sign(this.x);
    return grads;
  }

  static readonly exact: ExactRule = {
    forward: (x) => (x.sign < 0 ? x.negated() : x),
    slopes: (x) => [x && SIGNS[x.sign + 1]],
  };

  static grad(nodes: Symbols, _position: number, x: number): number {
    return nodes.op(SignLayer, x);
  }

  static slopes(x: string): string[] {
    return [`sign(${x})`];
  }

  static kink(x: number): number {
    return x;
  }
}

/** max routes the gradient to the larger argument (to x when they are equal), as relu's mask does. */
export class MaxLayer implements Layer {
  private first = true;

  forward(x: number, y: number): number {
    this.first = x >= y;
    return this.first ? x : y;
  }

  backward(dout: number, grads = [0, 0]): number[] {
    grads[0] = this.first ? dout : 0;
    grads[1] = this.first ? 0 : dout;
    return grads;
  }

  static readonly exact: ExactRule = {
    forward: (x, y) => (x.compare(y!) >= 0 ? x : y),
    slopes: (x, y) => (x === undefined || y === undefined ? NONE : x.compare(y) >= 0 ? FIRST : SECOND),
  };

  // To x unless y is larger: 1 − step(y − x) and step(y − x), equal arguments going to x as in forward.
  static grad(nodes: Symbols, position: number, x: number, y: number): number {
    const toY = nodes.op(StepLayer, nodes.op(SubLayer, y, x));
    return position === 1 ? toY : nodes.op(SubLayer, nodes.constant(1), toY);
  }

  static slopes(x: string, y: string): string[] {
    return [`(${x} ≥ ${y} ? 1 : 0)`, `(${x} ≥ ${y} ? 0 : 1)`];
  }

  static kink(x: number, y: number): number {
    return x - y;
  }
}

/** min routes the gradient to the smaller argument (to x when they are equal). */
export class MinLayer implements Layer {
  private first = true;

  forward(x: number, y: number): number {
    this.first = x <= y;
    return this.first ? x : y;
  }

  backward(dout: number, grads = [0, 0]): number[] {
    grads[0] = this.first ? dout : 0;
    grads[1] = this.first ? 0 : dout;
    return grads;
  }

  static readonly exact: ExactRule = {
    forward: (x, y) => (x.compare(y!) <= 0 ? x : y),
    slopes: (x, y) => (x === undefined || y === undefined ? NONE : x.compare(y) <= 0 ? FIRST : SECOND),
  };

  static grad(nodes: Symbols, position: number, x: number, y: number): number {
    const toY = nodes.op(StepLayer, nodes.op(SubLayer, x, y));
    return position === 1 ? toY : nodes.op(SubLayer, nodes.constant(1), toY);
  }

  static slopes(x: string, y: string): string[] {
    return [`(${x} ≤ ${y} ? 1 : 0)`, `(${x} ≤ ${y} ? 0 : 1)`];
  }

  static kink(x: number, y: number): number {
    return x - y;
  }
}

export class SinLayer implements Layer {
  private x = NaN;

  forward(x: number): number {
    this.x = x;
    return Math.sin(x);
  }

  backward(dout: number, grads = [0]): number[] {
    grads[0] = dout * Math.cos(this.x);
    return grads;
  }

  static grad(nodes: Symbols, _position: number, x: number): number {
    return nodes.op(CosLayer, x);
  }

  static slopes(x: string): string[] {
    return [`cos(${x})`];
  }
}

export class CosLayer implements Layer {
  private x = NaN;

  forward(x: number): number {
    this.x = x;
    return Math.cos(x);
  }

  backward(dout: number, grads = [0]): number[] {
    grads[0] = -dout * Math.sin(this.x);
    return grads;
  }

  static grad(nodes: Symbols, _position: number, x: number): number {
    return nodes.op(NegLayer, nodes.op(SinLayer, x));
  }

  static slopes(x: string): string[] {
    return [`(−sin(${x}))`];
  }
}

/** The arctangent, in radians: its slope 1 ÷ (1 + x²) is all of it there is. */
export class AtanLayer implements Layer {
  private x = NaN;

  forward(x: number): number {
    this.x = x;
    return Math.atan(x);
  }

  backward(dout: number, grads = [0]): number[] {
    grads[0] = dout / (1 + this.x * this.x);
    return grads;
  }

  static grad(nodes: Symbols, _position: number, x: number): number {
    return nodes.op(DivLayer, nodes.constant(1), nodes.op(AddLayer, nodes.constant(1), nodes.op(MulLayer, x, x)));
  }

  static slopes(x: string): string[] {
    return [`(1 ÷ (1 + ${x} ^ 2))`];
  }
}

/**
 * softplus(x) = log(1 + eˣ), a smooth relu; its derivative is sigmoid(x). Computed as
 * max(x, 0) + log1p(e^−|x|), which neither overflows for large x nor rounds 1 + eˣ to 1
 * for very negative x.
 */
export class SoftplusLayer implements Layer {
  private x = NaN;

  forward(x: number): number {
    this.x = x;
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  backward(dout: number, grads = [0]): number[] {
    grads[0] = dout * sigmoid(this.x);
    return grads;
  }

  // As defined: exp, +1, log. Expanded, it overflows past x = 709, where eˣ does.
  static expand(graph: Builder, x: number): number {
    const exp = graph.apply(layerFor(ExpLayer), x);
    const plusOne = graph.apply(layerFor(AddLayer), exp, graph.constant(1));
    return graph.apply(layerFor(LogLayer), plusOne);
  }

  static grad(nodes: Symbols, _position: number, x: number): number {
    return nodes.op(SigmoidLayer, x);
  }

  static slopes(x: string): string[] {
    return [`sigmoid(${x})`];
  }
}

/**
 * The unit step, 1 for x > 0 and 0 below: relu's slope as a node (its mask), so that a
 * gradient through relu is a graph too. Flat on both sides, with relu's kink at 0, where it
 * takes relu's choice (0).
 */
export class StepLayer implements Layer {
  static kink(x: number): number {
    return x;
  }

  forward(x: number): number {
    return x > 0 ? 1 : 0;
  }

  backward(_dout: number, grads = [0]): number[] {
    grads[0] = 0;
    return grads;
  }

  static readonly exact: ExactRule = {
    forward: (x) => (x.sign > 0 ? Exact.ONE : Exact.ZERO),
    slopes: () => ZERO,
  };

  static grad(nodes: Symbols): number {
    return nodes.constant(0);
  }

  static slopes(): string[] {
    return ['0'];
  }
}

/** The sign of x, −1, 0 or 1: abs's slope as a node. Flat but for its kink at 0. */
export class SignLayer implements Layer {
  static kink(x: number): number {
    return x;
  }

  forward(x: number): number {
    return Math.sign(x);
  }

  backward(_dout: number, grads = [0]): number[] {
    grads[0] = 0;
    return grads;
  }

  static readonly exact: ExactRule = {
    forward: (x) => SIGNS[x.sign + 1],
    slopes: () => ZERO,
  };

  static grad(nodes: Symbols): number {
    return nodes.constant(0);
  }

  static slopes(): string[] {
    return ['0'];
  }
}

const TWO = Exact.of(2)!;
/** The slopes of max and min: all to the first argument or all to the second; none known. */
const FIRST = [Exact.ONE, Exact.ZERO];
const SECOND = [Exact.ZERO, Exact.ONE];
const NONE: undefined[] = [];
/** −1, 0 and 1, by a sign plus 1. */
const SIGNS = [Exact.ONE.negated(), Exact.ZERO, Exact.ONE];

/**
 * 1 / (1 + e^−x), with e^−x never overflowing: for x < 0 the same number is written
 * eˣ / (1 + eˣ), which stays accurate down to where eˣ itself underflows.
 */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
