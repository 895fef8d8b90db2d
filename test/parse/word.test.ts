import { describe, expect, test } from 'vitest';
import { isBinding, parseWord } from '../../src/parse/word.js';

describe('parseWord', () => {
  test('items, factors and amounts', () => {
    expect(parseWord('apple=100x2')).toEqual({ kind: 'item', name: 'apple', price: 100, quantity: 2 });
    expect(parseWord('apple=1.5e2 × 2')).toEqual({ kind: 'item', name: 'apple', price: 150, quantity: 2 });
    expect(parseWord('tax=1.1')).toEqual({ kind: 'factor', name: 'tax', value: 1.1 });
    expect(parseWord('shipping=+5')).toEqual({ kind: 'amount', name: 'shipping', value: 5 });
    expect(parseWord('coupon=-20')).toEqual({ kind: 'amount', name: 'coupon', value: -20 });
  });

  test.each([
    ['apple=abc', /'abc' is not a number/],
    ['apple=', /'' is not a number/],
    ['apple=1..2', /'1..2' is not a number/],
    ['x=NaN', /inputs must be finite numbers/],
    ['x=-Infinity', /inputs must be finite numbers/],
    ['x=1e309', /1e309 is too large/],
    ['x=2x1e999', /1e999 is too large/],
    ['1x=2', /is not NAME=VALUE/],
    ['x', /is not NAME=VALUE/],
  ])('%s is refused', (word, message) => {
    expect(() => parseWord(word)).toThrow(message);
  });
});

describe('isBinding', () => {
  test.each([
    ['apple=100x2', true],
    ['tax=1.1', true],
    ['coupon=-20', true],
    ['x=.5', true],
    ['x=NaN', true],
    ['apple=1OOx2', true],
    ['y=x*2', false],
    ['y=exp(x)', false],
    ['x=3;y=x', false],
    ['y = 2', false],
    ['x*y', false],
  ])('%s → %s', (word, binding) => {
    expect(isBinding(word)).toBe(binding);
  });
});
