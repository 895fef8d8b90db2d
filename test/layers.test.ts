import { describe, expect, test } from 'vitest';
import {
  AddLayer,
  DivLayer,
  ExpLayer,
  LogLayer,
  MulLayer,
  NegLayer,
  PowLayer,
  ReluLayer,
  SigmoidLayer,
  SubLayer,
  TanhLayer,
  layerFor,
  type LayerClass,
} from '../src/layers.js';
import { centralDifference } from './gradcheck.js';

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

// Points away from kinks and domain edges, where the derivative exists.
const cases: [LayerClass, number[][]][] = [
  [MulLayer, [[3, -4], [0.5, 2e3]]],
  [AddLayer, [[3, -4], [1e-3, 7]]],
  [SubLayer, [[3, -4], [-2, 5]]],
  [DivLayer, [[3, -4], [1, 0.25]]],
  [PowLayer, [[2, 3], [1.5, -0.5], [0.3, 2.5]]],
  [NegLayer, [[3], [-0.25]]],
  [ExpLayer, [[1], [-3]]],
  [LogLayer, [[2], [0.01]]],
  [ReluLayer, [[2], [-2]]],
  [SigmoidLayer, [[0.5], [-4]]],
  [TanhLayer, [[0.5], [-2]]],
];

describe.each(cases)('%o', (Layer, points) => {
  test.each(points)('backward agrees with a central difference at %o', (...xs) => {
    const f = (args: number[]) => new Layer().forward(args[0], args[1]);
    const layer = new Layer();
    layer.forward(xs[0], xs[1]);
    const dout = 2.5;
    const grads = layer.backward(dout);
    expect(grads).toHaveLength(Layer.arity);
    grads.forEach((grad, i) => {
      const numeric = dout * centralDifference(f, xs, i);
      expect(Math.abs(grad - numeric)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(numeric)));
    });
  });
});

describe('where a formula would give 0·∞', () => {
  test('x^0 is flat in x, even at 0', () => {
    const pow = new PowLayer();
    expect(pow.forward(0, 0)).toBe(1);
    expect(pow.backward(1)).toEqual([0, 0]);
  });

  test('0^y is flat in y', () => {
    const pow = new PowLayer();
    pow.forward(0, 2);
    expect(pow.backward(1)).toEqual([0, 0]);
  });

  test('relu passes nothing back at its kink, as the book’s mask x <= 0 does', () => {
    const relu = new ReluLayer();
    relu.forward(0);
    expect(relu.backward(1)).toEqual([0]);
  });
});

test('layerFor shares a layer that keeps nothing, and makes a new one for a layer that keeps its inputs', () => {
  expect(layerFor(AddLayer)).toBe(layerFor(AddLayer));
  expect(layerFor(NegLayer)).toBe(layerFor(NegLayer));
  expect(layerFor(MulLayer)).not.toBe(layerFor(MulLayer));
  expect(layerFor(SigmoidLayer)).not.toBe(layerFor(SigmoidLayer));
});
