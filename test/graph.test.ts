import { describe, expect, test } from 'vitest';
import { Graph } from '../src/graph.js';
import { parseExpression } from '../src/parse/expression.js';
import { AddLayer, MulLayer, PowLayer } from '../src/layers.js';

function square(x0: number) {
  const graph = new Graph();
  const x = graph.input('x', x0);
  const xx = graph.apply(new MulLayer(), x, x);
  return { graph, x, xx };
}

describe('Graph', () => {
  test('a value used twice gets both gradients added: x*x at 3 gives 6', () => {
    const { graph, x, xx } = square(3);
    graph.forward();
    graph.backward();
    expect(graph.value(xx)).toBe(9);
    expect(graph.grad(x)).toBe(6);
  });

  test('x*x + x at 3 gives 7', () => {
    const { graph, x, xx } = square(3);
    graph.apply(new AddLayer(), xx, x);
    graph.forward();
    graph.backward();
    expect(graph.value(graph.size - 1)).toBe(12);
    expect(graph.grad(x)).toBe(7);
  });

  test('an input named where it is written in the source is an input like any other, its name read from there', () => {
    const graph = new Graph('apple = 100; tax = 1.1');
    const apple = graph.inputAt(0, 5, 100);
    const tax = graph.inputAt(13, 16, 1.1);
    graph.apply(new MulLayer(), apple, tax);
    graph.forward();
    graph.backward();
    expect([graph.name(apple), graph.name(tax)]).toEqual(['apple', 'tax']);
    expect(graph.isInput(apple) && !graph.isConstant(apple)).toBe(true);
    expect(graph.args(apple)).toEqual([]);
    expect(graph.find('tax')).toBe(tax);
    expect(graph.grad(apple)).toBe(1.1);
  });

  test('running backward twice gives the same numbers, not doubled ones', () => {
    const { graph, x } = square(3);
    graph.forward();
    graph.backward();
    graph.backward();
    expect(graph.grad(x)).toBe(6);
  });

  test('forward again after an input changes gives the new numbers', () => {
    const { graph, x } = square(3);
    graph.forward();
    graph.setValue(x, 5);
    graph.forward();
    graph.backward();
    expect(graph.value(graph.size - 1)).toBe(25);
    expect(graph.grad(x)).toBe(10);
  });

  test('backward from a chosen output leaves later nodes out', () => {
    const { graph, x, xx } = square(3);
    graph.apply(new MulLayer(), xx, x);
    graph.forward();
    graph.backward(xx);
    expect(graph.grad(x)).toBe(6);
    expect(graph.grad(graph.size - 1)).toBe(0);
  });

  test('tells inputs, constants and operations apart, and finds names', () => {
    const graph = new Graph();
    const x = graph.input('x', 2);
    const two = graph.constant(2);
    const y = graph.apply(new MulLayer(), x, two);
    expect([graph.isInput(x), graph.isInput(two), graph.isInput(y)]).toEqual([true, false, false]);
    expect([graph.isConstant(x), graph.isConstant(two), graph.isConstant(y)]).toEqual([false, true, false]);
    expect(graph.find('x')).toBe(x);
    expect(graph.find('nope')).toBeUndefined();
  });

  test('sent() is the chain rule backward() applies: linear in dout, and summed it gives every gradient', () => {
    const { graph } = parseExpression('y = sigmoid(w*x + b) * x ^ 2 - log(x) / w', ['w=2', 'x=0.5', 'b=-1']);
    graph.forward();
    graph.backward();
    const summed = new Array<number>(graph.size).fill(0);
    summed[graph.size - 1] = 1;
    for (let node = graph.size - 1; node >= 0; node--) {
      if (graph.layer(node) === undefined) continue;
      const dout = graph.grad(node);
      const sent = graph.sent(node, dout);
      graph.sent(node, 1).forEach((slope, i) => expect(sent[i]).toBeCloseTo(dout * slope, 14));
      graph.args(node).forEach((arg, i) => (summed[arg] += sent[i]));
    }
    for (let node = 0; node < graph.size; node++) if (graph.isInput(node)) expect(summed[node]).toBe(graph.grad(node));
    expect(graph.sent(graph.size - 1, 0)).toEqual([0, 0]);
  });
});

describe('backward where a gradient of 0 meets an infinite slope', () => {
  // (x^0.25)^2 at 0: the square's slope is 0, the fourth root's infinite.
  const graph = new Graph();
  const x = graph.input('x', 0);
  const root = graph.apply(new PowLayer(), x, graph.constant(0.25));
  const square = graph.apply(new PowLayer(), root, graph.constant(2));
  // Off every path to the output: its infinite slope matters to no one.
  const z = graph.input('z', 0);
  graph.apply(new PowLayer(), z, graph.constant(0.5));
  graph.forward();
  graph.backward(square);

  test('0 × ∞ is no number: the gradient is NaN, not 0, and names where it broke', () => {
    expect(graph.grad(root)).toBe(0);
    expect(graph.grad(x)).toBeNaN();
    expect(graph.brokenBy(x)).toBe(root);
    expect(graph.sent(root, 0)[0]).toBeNaN();
  });

  test('a node no path links to the output passes nothing back', () => {
    expect(graph.grad(z)).toBe(0);
    expect(graph.brokenBy(z)).toBeUndefined();
  });
});
