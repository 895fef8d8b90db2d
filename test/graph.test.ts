import { describe, expect, test } from 'vitest';
import { Graph } from '../src/graph.js';
import { AddLayer, MulLayer } from '../src/layers.js';

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

  test('a chain a million nodes deep runs without recursion', () => {
    const graph = new Graph();
    const one = graph.constant(1);
    let total = graph.input('x', 0);
    for (let i = 0; i < 1_000_000; i++) total = graph.apply(new AddLayer(), total, one);
    graph.forward();
    graph.backward();
    expect(graph.value(total)).toBe(1_000_000);
    expect(graph.grad(1)).toBe(1);
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
});
