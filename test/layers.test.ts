import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import {
  AbsLayer,
  AddLayer,
  CosLayer,
  ExpLayer,
  LogLayer,
  MaxLayer,
  MinLayer,
  MulLayer,
  PowLayer,
  ReluLayer,
  SigmoidLayer,
  SinLayer,
  SoftplusLayer,
  SqrtLayer,
  TanhLayer,
  layerFor,
  type LayerClass,
} from '../src/layers.js';
import { OPERATIONS, type Operation } from '../src/operations.js';

/** The operations on numbers (the array layers are tested in test/arrays.test.ts). */
type ScalarOperation = Omit<Operation, 'layer'> & { layer: LayerClass };
const SCALARS = OPERATIONS.filter((op) => !('arrays' in op.layer)) as ScalarOperation[];
import { Graph } from '../src/graph.js';
import { parseExpression } from '../src/parse/expression.js';
import { evaluate } from '../src/result.js';
import { centralDifference } from './gradcheck.js';
import { evaluateWritten } from './slopes.js';

describe('the book’s buy_apple_orange, written as in the notebook', () => {
  test('forward gives 715 and backward gives every derivative', () => {
    const [apple, appleNum, orange, orangeNum, tax] = [100, 2, 150, 3, 1.1];
    const mulAppleLayer = new MulLayer();
    const mulOrangeLayer = new MulLayer();
    const addAppleOrangeLayer = new AddLayer();
    const mulTaxLayer = new MulLayer();

    const applePrice = mulAppleLayer.forward(apple, appleNum); // (1)
    const orangePrice = mulOrangeLayer.forward(orange, orangeNum); // (2)
    const allPrice = addAppleOrangeLayer.forward(applePrice, orangePrice); // (3)
    const price = mulTaxLayer.forward(allPrice, tax); // (4)

    const [dAllPrice, dTax] = mulTaxLayer.backward(1); // (4)
    const [dApplePrice, dOrangePrice] = addAppleOrangeLayer.backward(dAllPrice); // (3)
    const [dOrange, dOrangeNum] = mulOrangeLayer.backward(dOrangePrice); // (2)
    const [dApple, dAppleNum] = mulAppleLayer.backward(dApplePrice); // (1)

    expect(Math.round(price)).toBe(715);
    expect([dApple, dAppleNum, dOrangeNum, dTax].map((d) => Number(d.toPrecision(15)))).toEqual([2.2, 110, 165, 650]);
    // The float noise the book prints, which backprop's output rounds away.
    expect(dOrange).toBe(3.3000000000000003);
  });
});

/**
 * Points to test each operation at, from the table of operations alone: a grid of arguments,
 * keeping those where the operation is finite and smooth around them (no kink within reach,
 * nothing outside the domain), as central differences need. A new operation is tested here
 * with no line of its own.
 */
const GRID = [-2.3, -0.7, 0.3, 0.9, 1.7, 3.1];
function smoothPoints({ layer: Layer, arity }: ScalarOperation): number[][] {
  const points = arity === 1 ? GRID.map((x) => [x]) : GRID.flatMap((x) => GRID.map((y) => [x, y]));
  const near = (xs: number[]) => [-1e-3, 0, 1e-3].flatMap((dx) => [-1e-3, 0, 1e-3].map((dy) => [xs[0] + dx, xs[1] + dy]));
  return points.filter((xs) =>
    near(xs).every((p) => Number.isFinite(new Layer().forward(p[0], p[1])) && (Layer.kink === undefined || Math.sign(Layer.kink(p[0], p[1])) === Math.sign(Layer.kink(xs[0], xs[1])))),
  );
}
const cases = SCALARS.map((op): [string, ScalarOperation, number[][]] => [op.name, op, smoothPoints(op)]);

test('every operation has points to be tested at', () => {
  for (const [name, , points] of cases) expect(points.length, name).toBeGreaterThan(0);
});

describe.each(cases)('%s', (_: string, { layer: Layer, arity }: ScalarOperation, points: number[][]) => {
  test.each(points)('backward agrees with a central difference at %o', (...xs) => {
    const f = (args: number[]) => new Layer().forward(args[0], args[1]);
    const layer = new Layer();
    layer.forward(xs[0], xs[1]);
    const dout = 2.5;
    const grads = layer.backward(dout);
    expect(grads).toHaveLength(arity);
    grads.forEach((grad, i) => {
      const numeric = dout * centralDifference(f, xs, i);
      expect(Math.abs(grad - numeric)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(numeric)));
    });
  });
});

describe('where a formula would give 0·∞', () => {
  test('x^0 is flat in x, even at 0; but 0^y jumps at y = 0, where its slope in y is no finite number', () => {
    const pow = new PowLayer();
    expect(pow.forward(0, 0)).toBe(1);
    expect(pow.backward(1)).toEqual([0, -Infinity]);
  });

  test('x^n has no slope in n where x is negative, and an infinite one in x at 0^0.5', () => {
    const pow = new PowLayer();
    pow.forward(-2, 3);
    expect(pow.backward(1)).toEqual([12, NaN]);
    pow.forward(0, 0.5);
    expect(pow.backward(1)[0]).toBe(Infinity);
    expect(pow.backward(0)[0]).toBeNaN();
  });

  test('0^y is flat in y', () => {
    const pow = new PowLayer();
    pow.forward(0, 2);
    expect(pow.backward(1)).toEqual([0, 0]);
  });

  test('a power that underflows to 0 is flat in y for a positive base, and has no slope for a negative one', () => {
    const pow = new PowLayer();
    pow.forward(0.5, 2000);
    expect(pow.backward(1)[1]).toBe(0);
    pow.forward(-0.5, 2000);
    expect(pow.backward(1)[1]).toBeNaN();
  });

  test('relu passes nothing back at its kink, as the book’s mask x <= 0 does', () => {
    const relu = new ReluLayer();
    relu.forward(0);
    expect(relu.backward(1)).toEqual([0]);
  });
});

// The derivative as --steps writes it, kinks and all, is the number backward gives, at
// smooth points and at the kinks themselves.
describe.each(cases)('%s: the written derivative', (_: string, { layer: Layer, arity }: ScalarOperation, points: number[][]) => {
  const kinks = Layer.kink === undefined ? [] : arity === 1 ? [[0]] : [[2, 2]];
  test.each([...points, ...kinks])('is the number backward gives at %o', (...xs) => {
    const layer = new Layer();
    const out = layer.forward(xs[0], xs[1]);
    const slopes = Layer.slopes('x', 'y', 'out');
    layer.backward(1).forEach((slope, i) => {
      expect(evaluateWritten(slopes[i], { x: xs[0], y: xs[1], out })).toBeCloseTo(slope, 10);
    });
  });
});

describe('a kink passes the gradient one way, as the book’s relu mask does', () => {
  test('abs at 0 sends nothing back; elsewhere the sign of x', () => {
    const abs = new AbsLayer();
    abs.forward(0);
    expect(abs.backward(1)).toEqual([0]);
    abs.forward(-3);
    expect(abs.backward(2)).toEqual([-2]);
  });

  test.each([MaxLayer, MinLayer])('%o of equal arguments routes the gradient to the first', (Layer) => {
    const layer = new Layer();
    expect(layer.forward(2, 2)).toBe(2);
    expect(layer.backward(1)).toEqual([1, 0]);
  });

  test('max(x, x) and min(x, x) have gradient 1, as x has', () => {
    for (const source of ['max(x, x)', 'min(x, x)']) {
      const { graph, inputs } = evaluate(parseExpression(source, ['x=3']));
      expect(graph.grad(inputs[0])).toBe(1);
    }
  });

  test('the layers with a kink say where it is', () => {
    expect(SCALARS.filter((op) => op.layer.kink !== undefined).map((op) => op.name)).toEqual(['abs', 'max', 'min', 'relu', 'step', 'sign']);
    expect(MaxLayer.kink!(2, 2)).toBe(0);
    expect(Math.sign(MinLayer.kink!(1, 2))).toBe(-1);
  });
});

/**
 * Each local derivative against its value to 50 digits (decimal.js), over the whole domain:
 * within a few units in the last place wherever the true value is a normal double.
 */
describe('local derivatives are accurate to a few ulps, even in the tails', () => {
  Decimal.set({ precision: 50 });
  const wide = [-700, -300, -40, -30, -10, -1, -1e-8, 0, 1e-8, 0.5, 1, 10, 30, 40, 300, 700];
  const positive = [1e-300, 1e-8, 0.5, 2, 10, 700, 1e8, 1e300];
  const sigmoid = (x: Decimal) => Decimal.div(1, Decimal.exp(x.neg()).plus(1));
  // ln(1 + eˣ) = x + ln(1 + e⁻ˣ), and ln(1 + t) = 2·atanh(t / (t + 2)): at 50 digits this keeps
  // e^−700's own, which ln(1 + e^−700) as written would need 320 digits and more to keep.
  const softplus = (x: Decimal): Decimal =>
    x.gt(0) ? x.plus(softplus(x.neg())) : Decimal.exp(x).div(Decimal.exp(x).plus(2)).atanh().times(2);
  const references: [LayerClass, number[], (x: Decimal) => Decimal][] = [
    [ExpLayer, wide, (x) => Decimal.exp(x)],
    [LogLayer, positive, (x) => Decimal.div(1, x)],
    [SqrtLayer, positive, (x) => Decimal.div(1, x.sqrt().times(2))],
    [SinLayer, wide, (x) => Decimal.cos(x)],
    [CosLayer, wide, (x) => Decimal.sin(x).neg()],
    [SigmoidLayer, wide, (x) => sigmoid(x).times(sigmoid(x.neg()))],
    [TanhLayer, wide, (x) => Decimal.div(1, Decimal.cosh(x).pow(2))],
    [SoftplusLayer, wide, (x) => sigmoid(x)],
  ];
  const ulps = (got: number, want: Decimal) => {
    const exact = want.toNumber();
    // Below the normal range a double has fewer digits: count in the smallest step there is.
    const ulp = Math.abs(exact) < 2 ** -1022 ? 2 ** -1074 : 2 ** (Math.floor(Math.log2(Math.abs(exact))) - 52);
    return new Decimal(got).minus(want).abs().div(ulp).toNumber();
  };
  test.each(references)('%o', (Layer, points, derivative) => {
    for (const x of points) {
      const layer = new Layer();
      layer.forward(x);
      const [slope] = layer.backward(1);
      expect(ulps(slope, derivative(new Decimal(x))), `at x = ${x}`).toBeLessThanOrEqual(4);
    }
  });

  test('the textbook forms lose the tails, as the README says: y(1 − y) at sigmoid(30) a thousandth off, 1 − y² at tanh(20) 0', () => {
    const y = new SigmoidLayer().forward(30);
    const exact = sigmoid(new Decimal(30)).times(sigmoid(new Decimal(-30)));
    expect(new Decimal(y * (1 - y)).div(exact).minus(1).abs().toNumber()).toBeGreaterThan(1e-3);
    expect(new Decimal(y * (1 - y)).div(exact).minus(1).abs().toNumber()).toBeLessThan(2e-3);
    expect(1 - Math.tanh(20) ** 2).toBe(0);
  });

  test('sigmoid and softplus themselves stay accurate in the tails', () => {
    for (const x of wide) {
      expect(ulps(new SigmoidLayer().forward(x), sigmoid(new Decimal(x))), `sigmoid(${x})`).toBeLessThanOrEqual(4);
      expect(ulps(new SoftplusLayer().forward(x), softplus(new Decimal(x))), `softplus(${x})`).toBeLessThanOrEqual(4);
    }
  });
});

describe('a composite built from primitive nodes (--expand) has the fused layer’s gradients', () => {
  const composites = SCALARS.filter((op) => op.layer.expand !== undefined);

  test('sigmoid, tanh and softplus can be expanded', () => {
    expect(composites.map((op) => op.name)).toEqual(['sigmoid', 'tanh', 'softplus']);
  });

  test.each(composites)('$name', ({ symbol, layer: Layer }) => {
    const source = `y = ${symbol}(x * 1) * 3`;
    for (const x of [-20, -3, -0.5, 0, 0.5, 3, 20]) {
      const fused = evaluate(parseExpression(source, [`x=${x}`]));
      const expanded = evaluate(parseExpression(source, [`x=${x}`], { expand: true }));
      const operations = (graph: typeof fused.graph) =>
        Array.from({ length: graph.size }, (_, node) => graph.layer(node)?.constructor).filter((Class) => Class !== undefined);
      expect(operations(fused.graph)).toContain(Layer);
      expect(operations(expanded.graph)).not.toContain(Layer);
      expect(operations(expanded.graph).length).toBeGreaterThanOrEqual(operations(fused.graph).length + 2);
      const close = (a: number, b: number, absolute = 0) => Math.abs(a - b) <= absolute + 1e-12 * Math.max(Math.abs(a), Math.abs(b));
      // log(1 + eˣ) as written rounds 1 + eˣ: its value is off by an ulp of 1, not of itself.
      expect(close(expanded.value, fused.value, 1e-15), `value at x = ${x}`).toBe(true);
      expect(close(expanded.graph.grad(expanded.inputs[0]), fused.graph.grad(fused.inputs[0])), `gradient at x = ${x}`).toBe(true);
    }
  });
});

test('layerFor gives one layer a kind, and a graph whose nodes share a layer that keeps state gets every gradient right', () => {
  expect(layerFor(MulLayer)).toBe(layerFor(MulLayer));
  expect(layerFor(SigmoidLayer)).toBe(layerFor(SigmoidLayer));
  class SquareLayer {
    #x = NaN;
    forward(x: number): number {
      this.#x = x;
      return x * x;
    }
    backward(dout: number, grads = [0]): number[] {
      grads[0] = dout * 2 * this.#x;
      return grads;
    }
    static slopes(x: string): string[] {
      return [`2 × ${x}`];
    }
  }
  // (a² + b²)²: three nodes share one layer; the last forward it ran was the outer square's.
  const square = layerFor(SquareLayer);
  const graph = new Graph();
  const [a, b] = [graph.input('a', 3), graph.input('b', 5)];
  const sum = graph.apply(layerFor(AddLayer), graph.apply(square, a), graph.apply(square, b));
  graph.apply(square, sum);
  graph.forward();
  graph.backward();
  expect([graph.grad(a), graph.grad(b)]).toEqual([2 * 34 * 6, 2 * 34 * 10]);
  expect(graph.sent(2, 1)).toEqual([6]);
});
