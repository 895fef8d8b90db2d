import { expect, test } from 'vitest';
import { counted } from '../../src/render/limit.js';

test('a view within the limit is made again to be written, piece by piece, as it was counted', () => {
  let made = 0;
  const make = function* () {
    made++;
    yield 'one\n';
    yield 'two\n';
  };
  const output = counted('--steps', make, 8);
  expect(made).toBe(1);
  expect([...output]).toEqual(['one\n', 'two\n']);
  expect(made).toBe(2);
});

test('a view past the limit is refused before its first piece, and counting stops where it passes', () => {
  let reached = 0;
  const endless = function* () {
    for (;;) {
      reached++;
      yield 'x'.repeat(1000);
    }
  };
  expect(() => counted('--format dot', endless, 2 ** 20)).toThrow(
    /^--format dot would print more than 1 MB for this program \(long names on many lines\): shorten the names, or leave --format dot out$/,
  );
  expect(reached).toBe(1049);
});
