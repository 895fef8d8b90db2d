import { expect, test } from 'vitest';
import { PLAIN } from '../../src/render/paint.js';
import { drawGrid, FEWEST_DIGITS, type Cell, type Grid } from '../../src/render/grid.js';
import { formatNumber } from '../../src/numbers.js';

const drawn = (grid: Grid, width: number, given?: number) => {
  const { digits, chunks } = drawGrid(grid, PLAIN, width, given);
  return { digits, text: [...chunks].join('') };
};

/** Two columns: a name, and a number to as many digits as asked. */
const numbers = (head: string[], rows: [string, number][]): Grid => ({
  head,
  right: [false, true],
  sections: (digits) => [rows.map(([name, x]): Cell[] => [[name], [formatNumber(x, digits)]])],
});

test('a table that fits is drawn as it is, its numbers to 12 digits', () => {
  const { digits, text } = drawn(numbers(['name', 'value'], [['third', 1 / 3]]), 80);
  expect(digits).toBe(12);
  expect(text).toBe(`┌───────┬────────────────┐
│ name  │          value │
├───────┼────────────────┤
│ third │ 0.333333333333 │
└───────┴────────────────┘
`);
});

test('too wide, a heading is broken into lines before a number loses a digit', () => {
  const { digits, text } = drawn(numbers(['name', 'the value of it'], [['third', 1 / 3]]), 26);
  expect(digits).toBe(12);
  expect(text).toBe(`┌───────┬────────────────┐
│ name  │   the value of │
│       │             it │
├───────┼────────────────┤
│ third │ 0.333333333333 │
└───────┴────────────────┘
`);
});

test('narrower, numbers take fewer digits, down to FEWEST_DIGITS', () => {
  const third = numbers(['name', 'value'], [['third', 1 / 3]]);
  expect(drawn(third, 20)).toEqual({ digits: 6, text: expect.stringContaining('│ third │ 0.333333 │') });
  expect(drawn(third, 18)).toEqual({ digits: FEWEST_DIGITS, text: expect.stringContaining('│ third │ 0.3333 │') });
});

test('narrower still, a cell is broken between words; then each row is a block of lines, each cell under its heading', () => {
  const grid: Grid = {
    head: ['nudge', 'output'],
    right: [false, true],
    sections: () => [[[['x=+1'], ['715 → 717.2']]], [[['y=+2'], ['9 → 16']]]],
  };
  expect(drawn(grid, 18).text).toBe(`┌───────┬────────┐
│ nudge │ output │
├───────┼────────┤
│ x=+1  │  715 → │
│       │  717.2 │
├───────┼────────┤
│ y=+2  │ 9 → 16 │
└───────┴────────┘
`);
  expect(drawn(grid, 16).text).toBe('x=+1\n  output 715 →\n      717.2\n\ny=+2\n  output 9 → 16\n');
  // Digits that were asked for are kept: the row goes on a line of its own rather than lose one.
  expect(drawn(numbers(['name', 'value'], [['third', 1 / 3]]), 16, 12).text).toBe('third\n  value\n      0.333333333333\n');
});

test('rows are made again for each pass, never kept, and drawn in pieces', () => {
  let made = 0;
  const grid: Grid = {
    head: ['name', 'value'],
    right: [false, true],
    sections: function* (digits) {
      yield (function* () {
        for (let i = 0; i < 20_000; i++) {
          made++;
          yield [[`x${i}`], [formatNumber(i / 7, digits)]] as Cell[];
        }
      })();
    },
  };
  const { chunks } = drawGrid(grid, PLAIN, 80);
  expect(made).toBe(20_000);
  const pieces = [...chunks];
  expect(made).toBe(40_000);
  expect(pieces.length).toBeGreaterThan(20);
  expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(1 << 14);
});

test('a table that would print too much is refused before anything is drawn', () => {
  const long = 'x'.repeat(100_000);
  const grid: Grid = { head: ['name'], right: [false], sections: () => [Array.from({ length: 3000 }, (_, i): Cell[] => [[i === 0 ? long : `x${i}`]])] };
  expect(() => drawGrid(grid, PLAIN, Infinity)).toThrow(/^the table would print more than 256 MB/);
});
