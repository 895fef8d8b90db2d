import { stripVTControlCharacters } from 'node:util';
import { expect, test } from 'vitest';
import { parseReceipt } from '../../src/parse/receipt.js';
import { Chalk } from 'chalk';
import { renderTable as tableChunks } from '../../src/render/table.js';
import { evaluate } from '../../src/result.js';
import { RECEIPT_TABLE } from '../views.js';

const plain = new Chalk({ level: 0 });
const renderTable = (...args: Parameters<typeof tableChunks>) => [...tableChunks(...args)].join('');
const receipt = evaluate(parseReceipt(['apple=100x2', 'orange=150x3', 'tax=1.1']));

test('the book’s receipt', () => {
  expect(renderTable(receipt, plain, 12, false)).toBe(RECEIPT_TABLE);
});

test('--all adds the intermediates below a rule', () => {
  expect(renderTable(receipt, plain, 12, true)).toBe(`price = 715
┌──────────────┬───────┬──────────────┐
│ name         │ value │ ∂price/∂name │
├──────────────┼───────┼──────────────┤
│ apple        │   100 │          2.2 │
│ apple_num    │     2 │          110 │
│ orange       │   150 │          3.3 │
│ orange_num   │     3 │          165 │
│ tax          │   1.1 │          650 │
├──────────────┼───────┼──────────────┤
│ apple_price  │   200 │          1.1 │
│ orange_price │   450 │          1.1 │
│ all_price    │   650 │          1.1 │
└──────────────┴───────┴──────────────┘
`);
});

test('color is the same table with escape codes, borders included; none without color', () => {
  const uncolored = renderTable(receipt, plain, 12, true);
  const colored = renderTable(receipt, new Chalk({ level: 1 }), 12, true);
  expect(uncolored).not.toContain('\x1b');
  expect(colored).toContain('\x1b[2m┌');
  expect(stripVTControlCharacters(colored)).toBe(uncolored);
});

test('--precision sets the significant digits of computed values; inputs show as given', () => {
  const table = renderTable(evaluate(parseReceipt(['apple=3.14159x1'])), plain, 3, false);
  expect(table).toMatch(/^price = 3\.14$/m);
  expect(table).toMatch(/│ apple\s+│\s+3\.14159 │\s+1 │/);
  expect(table).toMatch(/│ apple_num\s+│\s+1 │\s+3\.14 │/);
});

test('a percent shows beside the factor it stands for', () => {
  const table = renderTable(evaluate(parseReceipt(['apple=100x2', 'tax=+10%', 'discount=-15%'])), plain, 12, false);
  expect(table).toMatch(/│ tax\s+│\s+1\.1 \(\+10%\) │\s+170 │/);
  expect(table).toMatch(/│ discount\s+│\s+0\.85 \(-15%\) │\s+220 │/);
});

test('a table of 15,000 rows is drawn a row at a time and written in pieces', () => {
  const words = Array.from({ length: 5000 }, (_, i) => `item${i}=${i}x2`);
  const table = tableChunks(evaluate(parseReceipt(words)), plain, 12, true);
  expect(typeof table).not.toBe('string');
  const pieces = [...table];
  expect(pieces.length).toBeGreaterThan(20);
  expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(1 << 14);
  const lines = pieces.join('').split('\n');
  // The output line, 3 lines of head, 10,000 inputs, a rule, 5,000 item prices, the bottom, ''.
  expect(lines).toHaveLength(1 + 3 + 10_000 + 1 + 5000 + 1 + 1);
  expect(lines[4]).toBe('│ item0          │     0 │            2 │');
  expect(lines.at(-2)).toBe('└────────────────┴───────┴──────────────┘');
});

test('a table too large to print is refused before anything is written', () => {
  const long = 'x'.repeat(100_000);
  const result = evaluate(parseReceipt([`${long}=1x1`, ...Array.from({ length: 3000 }, (_, i) => `item${i}=1x1`)]));
  expect(() => tableChunks(result, plain, 12, false)).toThrow(/^the table would print more than 256 MB/);
});
