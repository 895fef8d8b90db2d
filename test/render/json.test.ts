import { expect, test } from 'vitest';
import { parseExpression } from '../../src/parse/expression.js';
import { parseReceipt } from '../../src/parse/receipt.js';
import { renderJson } from '../../src/render/json.js';
import { evaluate } from '../../src/result.js';

const card = evaluate(parseReceipt(['apple=100x2', 'orange=150x3', 'tax=1.1']));

test('the card’s example is DESIGN.md’s document, to the byte', () => {
  expect(renderJson(card)).toBe(`{
  "output": "price",
  "value": 715,
  "inputs": {
    "apple": 100,
    "apple_num": 2,
    "orange": 150,
    "orange_num": 3,
    "tax": 1.1
  },
  "gradients": {
    "apple": 2.2,
    "apple_num": 110,
    "orange": 3.3,
    "orange_num": 165,
    "tax": 650
  },
  "intermediates": {
    "apple_price": { "value": 200, "grad": 1.1 },
    "orange_price": { "value": 450, "grad": 1.1 },
    "all_price": { "value": 650, "grad": 1.1 }
  }
}
`);
});

test('numbers parse back noise-free, in order of first appearance', () => {
  const document = JSON.parse(renderJson(card));
  expect(document.gradients.orange).toBe(3.3);
  expect(Object.keys(document.inputs)).toEqual(['apple', 'apple_num', 'orange', 'orange_num', 'tax']);
});

test('--precision rounds further', () => {
  expect(JSON.parse(renderJson(evaluate(parseExpression('x / 3', ['x=1'])), 3)).value).toBe(0.333);
});

test('names that are special to JavaScript objects stay plain keys', () => {
  const result = evaluate(parseExpression('__proto__ * constructor + toString', ['__proto__=2', 'constructor=3', 'toString=1']));
  const document = JSON.parse(renderJson(result));
  expect(Object.keys(document.gradients)).toEqual(['__proto__', 'constructor', 'toString']);
  expect(Object.getPrototypeOf(document.gradients)).toBe(Object.prototype);
  expect(Object.getOwnPropertyDescriptor(document.gradients, '__proto__')?.value).toBe(3);
});

test('an output without intermediates or inputs still has every key', () => {
  expect(JSON.parse(renderJson(evaluate(parseExpression('2 * 3'))))).toEqual({
    output: 'result',
    value: 6,
    inputs: {},
    gradients: {},
    intermediates: {},
  });
});
