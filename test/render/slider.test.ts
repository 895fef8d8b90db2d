import { expect, test } from 'vitest';
import { grownRange, sliderRange } from '../../src/render/slider.js';

test.each([
  [100, { min: 0, max: 200, step: 1 }],
  [1.1, { min: 0, max: 2.2, step: 0.01 }],
  [0, { min: -5, max: 5, step: 0.1 }],
  [-1, { min: -2, max: 0, step: 0.01 }],
  [3e6, { min: 0, max: 6e6, step: 10_000 }],
])('a slider for %d spans %o', (value, range) => {
  expect(sliderRange(value)).toEqual(range);
});

test.each([
  ['a value inside keeps the span', 150, { min: 0, max: 200, step: 1 }],
  ['a value at the end grows it to twice the value', 200, { min: 0, max: 400, step: 1 }],
  ['a value past the end too', 1000, { min: 0, max: 2000, step: 10 }],
  ['a value at the other end takes in the span around it', 0, { min: -5, max: 200, step: 1 }],
  ['a negative value below it', -3, { min: -6, max: 200, step: 1 }],
])('typed into the field of a slider from 0 to 200, %s', (_, value, range) => {
  expect(grownRange(sliderRange(100), value)).toEqual(range);
});

test('the largest number gets a span that ends at it, not at infinity', () => {
  expect(sliderRange(Number.MAX_VALUE)).toEqual({ min: 0, max: Number.MAX_VALUE, step: 1e306 });
});
