import { expect, test } from 'vitest';
import fc from 'fast-check';
import { Names } from '../../src/parse/names.js';
import { RUNS } from '../runs.js';

/** Names whose `taken` throws, telling where the name added again is written. */
function names(source: string): Names {
  return new Names(source, (start, length) => {
    throw new Error(`taken at ${start}: ${source.slice(start, start + length)}`);
  });
}

test('a name is found where it is written and by its text', () => {
  const source = 'apple = 1; apples = 2; apple * apples';
  const scope = names(source);
  scope.add(0, 5, 10);
  scope.add(11, 6, 11);
  expect(scope.get(23, 5)).toBe(10);
  expect(scope.get(31, 6)).toBe(11);
  expect(scope.getText('apples')).toBe(11);
  expect(scope.getText('apple')).toBe(10);
  expect(scope.getText('pear')).toBe(-1);
  expect(scope.get(0, 4)).toBe(-1);
  expect(scope.size).toBe(2);
});

test('a name added again is told where it is written the second time, when the names are next read or settled', () => {
  const source = 'x = 1; y = 2; x = 3';
  const scope = names(source);
  scope.add(0, 1, 0);
  scope.add(7, 1, 1);
  scope.add(14, 1, 2);
  expect(() => scope.getText('y')).toThrow('taken at 14: x');
  expect(() => scope.settle()).toThrow('taken at 14: x');
});

test('thousands of names, through the table growing and names waiting in batches, each keep their node', () => {
  const words = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
  const source = words.join(' ');
  const scope = names(source);
  let at = 0;
  const starts = words.map((word) => ((at += word.length + 1), at - word.length - 1));
  words.forEach((word, i) => scope.add(starts[i], word.length, i));
  // Out of order, so that each look-up goes to the table, not to the name after the last found.
  for (let i = words.length - 1; i >= 0; i -= 7) expect(scope.get(starts[i], words[i].length)).toBe(i);
  expect(scope.getText('n4999')).toBe(4999);
  expect(new Map(scope.entries()).get('n1234')).toBe(1234);
  scope.add(starts[42], words[42].length, -1);
  expect(() => scope.settle()).toThrow(`taken at ${starts[42]}: n42`);
});

/**
 * The table against a plain Map, on random sequences of names that share their beginnings
 * (a, ab, abc, b, ba, …) and so their hashes' first steps, added and looked up in any order,
 * enough of them to make the table grow and to settle in batches: the table's answers are the
 * Map's.
 */
test(`the table answers as a Map of strings does (${RUNS} cases)`, () => {
  const name = fc.stringMatching(/^[ab_]{1,4}[0-9]?$/);
  const step = fc.tuple(fc.boolean(), name);
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 6000 }), (steps) => {
      // Each name written once more in the source, where each step finds it.
      const starts: number[] = [];
      let source = '';
      for (const [, written] of steps) {
        starts.push(source.length);
        source += `${written} `;
      }
      const map = new Map<string, number>();
      const scope = new Names(source, () => {
        throw new Error('taken');
      });
      steps.forEach(([adds, written], i) => {
        if (adds && !map.has(written)) {
          map.set(written, i);
          scope.add(starts[i], written.length, i);
        } else expect(scope.get(starts[i], written.length), written).toBe(map.get(written) ?? -1);
      });
      scope.settle();
      for (const [written, node] of map) expect(scope.getText(written)).toBe(node);
      expect(scope.getText('abab_')).toBe(map.get('abab_') ?? -1);
    }),
    { numRuns: RUNS },
  );
});
