import { expect, test } from 'vitest';
import { printable } from '../src/errors.js';

test('printable escapes every character a terminal would obey, and keeps the rest', () => {
  expect(printable('x = )  # \x1b]0;owned\x07\x1b[2J')).toBe('x = )  # \\x1b]0;owned\\x07\\x1b[2J');
  expect(printable('a\nb\tc\r')).toBe('a\\nb\\tc\\r');
  expect(printable('\x00\x7f\x80\x9b')).toBe('\\x00\\x7f\\x80\\x9b');
  expect(printable('abc\u202edef\u2066\u200d\ufeff\u2028')).toBe('abc\\u202edef\\u2066\\u200d\\ufeff\\u2028');
  expect(printable('\ud800 \u{e0001}')).toBe('\\ud800 \\u{e0001}');
  expect(printable('사과 ∂price/∂apple × 2 … café 🍎')).toBe('사과 ∂price/∂apple × 2 … café 🍎');
});
