import { describe, expect, test } from 'vitest';
import { expansionLosses } from '../src/expanded.js';
import { say } from '../src/messages/index.js';
import { parseExpression } from '../src/parse/expression.js';
import { evaluate } from '../src/result.js';

const losses = (source: string, binding: string) => expansionLosses(evaluate(parseExpression(source, [binding], { expand: true }))).map((note) => say(note));

describe('where --expand loses what the fused layer keeps, a note says so', () => {
  test.each([
    ['sigmoid(x)', 'x=-500', 'the slope of sigmoid(x) at -500 is 0 as the book’s form computes it, where the fused layer gives 7.12458e-218'],
    ['tanh(x)', 'x=1e-20', 'tanh(x) at 1e-20 is 0 as the book’s form computes it, where the fused layer gives 1e-20'],
    ['softplus(x)', 'x=-30', 'softplus(x) at -30 is 9.34808e-14 as the book’s form computes it, where the fused layer gives 9.35762e-14'],
  ])('%s at %s', (source, binding, said) => {
    expect(losses(source, binding)).toEqual([`--expand: ${said}: the form loses it there (leave out --expand for the fused layer)`.replace(/’/g, "'")]);
  });

  test.each([
    ['sigmoid(x)', 'x=1'],
    ['tanh(x)', 'x=0.5'],
    ['softplus(x)', 'x=2'],
    ['sigmoid(x * 2) + tanh(x)', 'x=-3'],
  ])('and nothing where the two agree within rounding: %s at %s', (source, binding) => {
    expect(losses(source, binding)).toEqual([]);
  });

  test('a program without --expand has nothing to say', () => {
    expect(expansionLosses(evaluate(parseExpression('sigmoid(x)', ['x=-500'])))).toEqual([]);
  });
});
