import { Chalk } from 'chalk';
import { expect, test } from 'vitest';
import stringWidth from 'string-width';
import { cellWidth, cutTo, fit, measure, NARROW, wrapLines, wrapText } from '../../src/render/wrap.js';

test('a line that fits is left alone; one that does not goes on, indented, between words', () => {
  expect(fit('a short line', 80)).toBe('a short line');
  expect(fit('one two three four five six', 13)).toBe('one two three\n    four five\n    six');
});

test('every character measured as one column without string-width is one column to it', () => {
  const ranges = [...NARROW.source.matchAll(/\\u([0-9a-f]{4})(?:-\\u([0-9a-f]{4}))?|\\x20-\\x7e/g)];
  let checked = 0;
  for (const [all, from, to = from] of ranges) {
    const [first, last] = all === '\\x20-\\x7e' ? [0x20, 0x7e] : [parseInt(from, 16), parseInt(to, 16)];
    for (let code = first; code <= last; code++, checked++) {
      const char = String.fromCodePoint(code);
      expect(NARROW.test(char), char).toBe(true);
      expect(stringWidth(char), `U+${code.toString(16)}`).toBe(1);
    }
  }
  expect(checked).toBeGreaterThan(400);
  expect(cellWidth('│ 사과 │')).toBe(8);
});

test('a word wider than the screen stays whole', () => {
  expect(fit('see ∂price/∂apple_num_of_a_very_long_name here', 12)).toBe('see\n    ∂price/∂apple_num_of_a_very_long_name\n    here');
});

test('wide characters count two columns; colors are closed and opened again at a break', () => {
  expect(fit('사과 사과 사과', 10)).toBe('사과 사과\n    사과');
  const bold = new Chalk({ level: 1 }).bold;
  expect(fit(bold('one two three'), 8)).toBe(`${bold('one two')}\n    ${bold('three')}`);
});

test('kanji and kana break between any two, and colors of every kind are opened again', () => {
  const paint = new Chalk({ level: 1 });
  expect(fit('順伝播と逆伝播の計算', 10)).toBe('順伝播と逆\n    伝播の\n    計算');
  expect(fit(`one ${paint.yellow('two three')} ${paint.dim('four')}`, 7)).toBe(
    `one ${paint.yellow('two')}\n    ${paint.yellow('three')}\n    ${paint.dim('four')}`,
  );
});

test('an opening bracket stays with the kanji after it, a closing one with the kanji before it', () => {
  expect(wrapText('止まる (既定: 1e-12)', 8)).toBe('止まる\n(既定:\n1e-12)');
  expect(wrapText('勾配 3 個)。', 9)).toBe('勾配 3\n個)。');
});

test('a text is measured in columns with its widest word, the narrowest it can be broken to', () => {
  expect(measure('apple_num')).toEqual([9, 9]);
  expect(measure('rel. error')).toEqual([10, 5]);
  expect(measure('상대 오차')).toEqual([9, 4]);
  // Kanji break between any two: the widest word of 数値微分 is a kanji.
  expect(measure('数値微分')).toEqual([8, 2]);
  expect(measure(new Chalk({ level: 1 }).yellow('2.2 × 1'))).toEqual([7, 3]);
});

test('wrapLines breaks as fit does, with no indent', () => {
  expect(wrapLines('715 → 717.2', 20)).toEqual(['715 → 717.2']);
  expect(wrapLines('715 → 717.2', 6)).toEqual(['715 →', '717.2']);
  expect(wrapLines('勾配確認', 4)).toEqual(['勾配', '確認']);
});

test('cutTo keeps a line on one row: cut to the width, in columns, with …', () => {
  expect(cutTo('epoch 1 of 200: loss = 3', 40)).toBe('epoch 1 of 200: loss = 3');
  expect(cutTo('epoch 1 of 200: 손실손실손실 = 3', 20)).toBe('epoch 1 of 200: 손…');
  expect(stringWidth(cutTo('가'.repeat(100), 9))).toBe(9);
});
