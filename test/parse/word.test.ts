import { describe, expect, test } from 'vitest';
import { isBinding, parseWord } from '../../src/parse/word.js';

describe('parseWord', () => {
  test('items, factors and amounts', () => {
    expect(parseWord('apple=100x2')).toEqual({ kind: 'item', name: 'apple', price: 100, quantity: 2 });
    expect(parseWord('apple=1.5e2 × 2')).toEqual({ kind: 'item', name: 'apple', price: 150, quantity: 2 });
    expect(parseWord('tax=1.1')).toEqual({ kind: 'factor', name: 'tax', value: 1.1 });
    expect(parseWord('shipping=+5')).toEqual({ kind: 'amount', name: 'shipping', value: 5 });
    expect(parseWord('coupon=-20')).toEqual({ kind: 'amount', name: 'coupon', value: -20 });
    expect(parseWord('apple=100 x 2')).toEqual({ kind: 'item', name: 'apple', price: 100, quantity: 2 });
  });

  test('a signed percent is a factor that keeps how it was written', () => {
    expect(parseWord('tax=+10%')).toEqual({ kind: 'factor', name: 'tax', value: 1.1, percent: '+10%' });
    expect(parseWord('discount=-15%')).toEqual({ kind: 'factor', name: 'discount', value: 0.85, percent: '-15%' });
    expect(parseWord('tip=+12.5%')).toMatchObject({ value: 1.125 });
  });

  // A regex that can match a run of digits in more than one way backtracks quadratically:
  // 40,000 digits took 5 s, so 100,000 would take half a minute, far past the test's timeout.
  test('a word of 100,000 digits is recognised at once, in time linear in its length', () => {
    const digits = '1'.repeat(100_000);
    expect(() => parseWord(`a=${digits}z`)).toThrow(/is not a number/);
    expect(isBinding(`a=${digits}z`)).toBe(false);
    expect(() => parseWord(`a=${digits}x${digits}z`)).toThrow(/is not a number/);
    expect(() => parseWord(`a=+${digits}.${digits}%z`)).toThrow(/is not a number/);
    expect(isBinding(`${'a'.repeat(100_000)}1`)).toBe(false);
  });

  test.each([
    ['apple=abc', /'abc' is not a number/],
    ['apple=', /'' is not a number/],
    ['apple=1..2', /'1..2' is not a number/],
    ['x=NaN', /inputs must be finite numbers/],
    ['x=-Infinity', /inputs must be finite numbers/],
    ['x=1e309', /1e309 is too large/],
    ['x=2x1e999', /1e999 is too large/],
    ['tax=10%', /^'tax=10%': give the percent its sign: tax=\+10% adds 10%, tax=-10% takes 10% off$/],
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
    ['apple=100 x 2', true],
    ['tax=+10%', true],
    ['tax=10%', true],
    ['x=-3', true],
    ['apple=1OOx2', false],
    ['y=2*x', false],
    ['y=-x', false],
    ['y=.5*x', false],
    ['z=-x^2', false],
    ['y=x*2', false],
    ['y=exp(x)', false],
    ['x=3;y=x', false],
    ['y = 2', false],
    ['x*y', false],
  ])('%s → %s', (word, binding) => {
    expect(isBinding(word)).toBe(binding);
  });
});
