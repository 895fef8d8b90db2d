import { Chalk } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parseExpression } from '../../src/parse/expression.js';
import { renderSteps } from '../../src/render/steps.js';
import { evaluate } from '../../src/result.js';
import { trace } from '../../src/trace.js';
import { examples } from '../views.js';

const plain = new Chalk({ level: 0 });
const steps = (result: ReturnType<typeof examples.receipt>, digits = 12) => renderSteps(result, trace(result), plain, digits);

test('the book’s receipt, numbered as in the book', () => {
  expect(steps(examples.receipt())).toBe(`forward
(1) apple_price = apple × apple_num = 100 × 2 = 200
(2) orange_price = orange × orange_num = 150 × 3 = 450
(3) all_price = apple_price + orange_price = 200 + 450 = 650
(4) price = all_price × tax = 650 × 1.1 = 715
backward, from ∂price/∂price = 1
(4) price = all_price × tax: ∂price/∂all_price = 1 × tax = 1.1, ∂price/∂tax = 1 × all_price = 650
(3) all_price = apple_price + orange_price: ∂price/∂apple_price = 1.1 × 1 = 1.1, ∂price/∂orange_price = 1.1 × 1 = 1.1
(2) orange_price = orange × orange_num: ∂price/∂orange = 1.1 × orange_num = 3.3, ∂price/∂orange_num = 1.1 × orange = 165
(1) apple_price = apple × apple_num: ∂price/∂apple = 1.1 × apple_num = 2.2, ∂price/∂apple_num = 1.1 × apple = 110
`);
});

test('fan-out: the shares meeting at x are added', () => {
  expect(steps(examples.fanOut())).toBe(`forward
(1) x × x = 3 × 3 = 9
(2) result = x × x + x = 9 + 3 = 12
backward, from ∂result/∂result = 1
(2) result = x × x + x: ∂result/∂(x × x) = 1 × 1 = 1, ∂result/∂x = 1 × 1 = 1
(1) x × x: ∂result/∂x = 1 × x = 3, ∂result/∂x = 1 × x = 3
    x is used 3 times: ∂result/∂x = 1 + 3 + 3 = 7
`);
});

test('three statements: a neuron and its squared error', () => {
  expect(steps(examples.neuron())).toBe(`forward
(1) w × x = 2 × 0.5 = 1
(2) z = w × x + b = 1 + (-1) = 0
(3) y = sigmoid(z) = sigmoid(0) = 0.5
(4) y − t = 0.5 − 1 = -0.5
(5) loss = (y − t) ^ 2 = (-0.5) ^ 2 = 0.25
backward, from ∂loss/∂loss = 1
(5) loss = (y − t) ^ 2: ∂loss/∂(y − t) = 1 × 2 × (y − t) ^ (2 − 1) = -1
(4) y − t: ∂loss/∂y = -1 × 1 = -1, ∂loss/∂t = -1 × (-1) = 1
(3) y = sigmoid(z): ∂loss/∂z = -1 × y × (1 − y) = -0.25
(2) z = w × x + b: ∂loss/∂(w × x) = -0.25 × 1 = -0.25, ∂loss/∂b = -0.25 × 1 = -0.25
(1) w × x: ∂loss/∂w = -0.25 × x = -0.125, ∂loss/∂x = -0.25 × w = -0.5
`);
});

test('a node that passes nothing back says why', () => {
  expect(steps(evaluate(parseExpression('relu(relu(x) - 1)', ['x=-1'])))).toBe(`forward
(1) relu(x) = relu(-1) = 0
(2) relu(x) − 1 = 0 − 1 = -1
(3) result = relu(relu(x) − 1) = relu(-1) = 0
backward, from ∂result/∂result = 1
(3) result = relu(relu(x) − 1): ∂result/∂(relu(x) − 1) = 1 × ((relu(x) − 1) > 0 ? 1 : 0) = 0
(2) relu(x) − 1: ∂result/∂(relu(x) − 1) is 0, so nothing flows back
(1) relu(x): ∂result/∂relu(x) is 0, so nothing flows back
`);
  expect(steps(evaluate(parseExpression('c = 2*3; c*x', ['x=1'])))).toContain(`
(1) c = 2 × 3 = 6
(2) result = c × x = 6 × 1 = 6
backward, from ∂result/∂result = 1
(2) result = c × x: ∂result/∂c = 1 × x = 1, ∂result/∂x = 1 × c = 6
(1) c = 2 × 3: its arguments are numbers, so nothing flows back
`);
});

test('precision applies, and color strips to the same text', () => {
  const result = examples.neuron();
  expect(steps(result, 1)).toContain('(3) y = sigmoid(z) = sigmoid(0) = 0.5\n(4) y − t = 0.5 − 1 = -0.5');
  expect(steps(examples.receipt(), 1)).toContain('∂price/∂orange = 1 × orange_num = 3');
  const colored = renderSteps(result, trace(result), new Chalk({ level: 1 }), 12);
  expect(colored).toContain('\x1b[');
  expect(stripVTControlCharacters(colored)).toBe(steps(result));
});

describe('fitted to the screen', () => {
  const neuron = () => evaluate(parseExpression('z = w*x + b; y = sigmoid(z)', ['w=2', 'x=0.5', 'b=-1']));
  // The words of a text, without the commas that join shares on one line.
  const words = (text: string) => text.split(/\s+/).filter(Boolean).map((word) => word.replace(/,$/, ''));

  test('at 80 columns a long backward step gives each share a line, indented', () => {
    const text = renderSteps(examples.receipt(), trace(examples.receipt()), plain, 12, 80);
    expect(text).toContain(`(4) price = all_price × tax:
    ∂price/∂all_price = 1 × tax = 1.1
    ∂price/∂tax = 1 × all_price = 650
(3) all_price = apple_price + orange_price:
    ∂price/∂apple_price = 1.1 × 1 = 1.1
    ∂price/∂orange_price = 1.1 × 1 = 1.1
`);
    // The neuron's steps are short enough to stay whole.
    expect(renderSteps(neuron(), trace(neuron()), plain, 12, 80)).toBe(steps(neuron()));
  });

  test('at 120 columns the receipt’s steps fit as they are', () => {
    expect(renderSteps(examples.receipt(), trace(examples.receipt()), plain, 12, 120)).toBe(steps(examples.receipt()));
  });

  test.each([80, 120, 40, 24])('at %i columns every line fits, no word is broken, and colors stay whole', (width) => {
    for (const example of [examples.receipt, examples.fanOut, examples.neuron, neuron]) {
      const result = example();
      const text = renderSteps(result, trace(result), new Chalk({ level: 1 }), 12, width);
      const lines = stripVTControlCharacters(text).trimEnd().split('\n');
      // Only a word wider than the screen itself may stick out.
      for (const line of lines) expect(line.length <= width || !line.trim().includes(' '), line).toBe(true);
      expect(words(stripVTControlCharacters(text))).toEqual(words(steps(result)));
      // Every color opened on a line is closed on it.
      for (const line of text.split('\n')) expect(line.split('\x1b[33m').length, line).toBe(line.split('\x1b[39m').length);
    }
  });
});

describe('what --steps writes pastes back and names every name', () => {
  const of = (source: string, ...bindings: string[]) => steps(evaluate(parseExpression(source, bindings)));

  test('(−x) ^ 2 keeps its parentheses, and a formula after ∂ is in parentheses', () => {
    const text = of('(-x)^2', 'x=3');
    expect(text).toContain('(2) result = (−x) ^ 2 = (-3) ^ 2 = 9\n');
    expect(text).toContain('∂result/∂(−x) = 1 × 2 × (−x) ^ (2 − 1) = -6');
  });

  test('b = a keeps the name a', () => {
    expect(of('a = 2*x; b = a', 'x=3')).toContain('(1) b = a = 2 × x = 2 × 3 = 6\n');
  });

  test('an output that is an input says there is nothing to compute', () => {
    expect(of('x', 'x=3')).toBe('forward: nothing to compute, result is x = 3\n');
    expect(of('y = 2')).toBe('forward: nothing to compute, y = 2\n');
  });
});
