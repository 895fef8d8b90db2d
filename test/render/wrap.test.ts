import { Chalk } from 'chalk';
import { expect, test } from 'vitest';
import { fit } from '../../src/render/wrap.js';

test('a line that fits is left alone; one that does not goes on, indented, between words', () => {
  expect(fit('a short line', 80)).toBe('a short line');
  expect(fit('one two three four five six', 13)).toBe('one two three\n    four five\n    six');
});

test('a word wider than the screen stays whole', () => {
  expect(fit('see ∂price/∂apple_num_of_a_very_long_name here', 12)).toBe('see\n    ∂price/∂apple_num_of_a_very_long_name\n    here');
});

test('wide characters count two columns; colors are closed and opened again at a break', () => {
  expect(fit('사과 사과 사과', 10)).toBe('사과 사과\n    사과');
  const bold = new Chalk({ level: 1 }).bold;
  expect(fit(bold('one two three'), 8)).toBe(`${bold('one two')}\n    ${bold('three')}`);
});
