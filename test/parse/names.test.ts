import { expect, test } from 'vitest';
import { Names } from '../../src/parse/names.js';

test('a name is found where it is written and by its text; a second definition gives the first node', () => {
  const source = 'apple = 1; apples = 2; apple * apples';
  const names = new Names(source);
  expect(names.add(0, 5, 10)).toBe(-1);
  expect(names.add(11, 6, 11)).toBe(-1);
  expect(names.get(23, 5)).toBe(10);
  expect(names.get(31, 6)).toBe(11);
  expect(names.add(23, 5, 99)).toBe(10);
  expect(names.getText('apples')).toBe(11);
  expect(names.getText('apple')).toBe(10);
  expect(names.getText('pear')).toBe(-1);
  expect(names.get(0, 4)).toBe(-1);
  expect(names.size).toBe(2);
});

test('thousands of names, through the table growing, each keep their node', () => {
  const words = Array.from({ length: 5000 }, (_, i) => `n${i}`);
  const source = words.join(' ');
  const names = new Names(source);
  let at = 0;
  const starts = words.map((word) => ((at += word.length + 1), at - word.length - 1));
  words.forEach((word, i) => expect(names.add(starts[i], word.length, i)).toBe(-1));
  words.forEach((word, i) => expect(names.get(starts[i], word.length)).toBe(i));
  expect(names.getText('n4999')).toBe(4999);
  expect(new Map(names.entries()).get('n1234')).toBe(1234);
});
