import { expect, test } from 'vitest';
import { cut } from '../../src/errors.js';
import { errorAt } from '../../src/parse/source.js';

test('the excerpt of a short line is the whole line, with the caret under the column', () => {
  const error = errorAt('x = 1\ny = x * )\nz = 2', 14, 'unexpected');
  expect(error.excerpt).toBe('  y = x * )\n          ^');
  expect(error.details).toMatchObject({ line: 2, column: 9 });
});

test('on a long line the excerpt is a window of 40 characters each side of the column', () => {
  const line = `${'a'.repeat(100)}!${'b'.repeat(100)}`;
  const error = errorAt(line, 100, 'unexpected');
  expect(error.excerpt).toBe(`  …${'a'.repeat(40)}!${'b'.repeat(39)}…\n  ${' '.repeat(41)}^`);
  expect(error.details).toMatchObject({ line: 1, column: 101 });
});

test('the window counts characters, not UTF-16 units: characters past U+FFFF are whole', () => {
  const emoji = '😀'.repeat(60);
  const error = errorAt(`${emoji}!${emoji}`, emoji.length, 'unexpected');
  const [line] = error.excerpt!.split('\n');
  expect(line).toBe(`  …${'😀'.repeat(40)}!${'😀'.repeat(39)}…`);
  expect(error.details.column).toBe(61);
});

test('a window exactly as long as the line before the column shows it without …', () => {
  const error = errorAt(`${'a'.repeat(40)}!`, 40, 'unexpected');
  expect(error.excerpt!.split('\n')[0]).toBe(`  ${'a'.repeat(40)}!`);
  expect(errorAt(`${'a'.repeat(41)}!`, 41, 'unexpected').excerpt!.split('\n')[0]).toBe(`  …${'a'.repeat(40)}!`);
});

test('a name in a message is cut after 40 characters, never between the halves of a character', () => {
  expect(cut('apple')).toBe('apple');
  expect(cut('a'.repeat(41))).toBe(`${'a'.repeat(40)}…`);
  expect(cut(`${'a'.repeat(39)}😀b`)).toBe(`${'a'.repeat(39)}…`);
  expect(errorAt('x', 0, 'bad', 'n'.repeat(1000)).details.name).toBe(`${'n'.repeat(40)}…`);
});
