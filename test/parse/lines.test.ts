import { expect, test } from 'vitest';
import { lineGroups, type Line } from '../../src/parse/lines.js';

/** The groups of lines that `pieces` make, each line as its text or, if too long, its length; and how many pieces were read. */
async function groups(pieces: string[], most?: number, endless?: number) {
  let read = 0;
  async function* chunks() {
    for (const piece of pieces) {
      read++;
      yield Buffer.from(piece);
    }
  }
  const shown = (line: Line) => (line instanceof Uint8Array ? Buffer.from(line).toString() : line);
  const found: (string | object)[][] = [];
  for await (const group of lineGroups(chunks(), most, endless)) found.push(group.map(shown));
  return { found, read };
}

test('the lines that arrive together come as a group; a line split between pieces is whole; \\r\\n ends a line too', async () => {
  const { found } = await groups(['{"x": 1}\n{"x"', ': 2}\r\n{"x": 3}\n', '{"x": 4}']);
  expect(found).toEqual([['{"x": 1}'], ['{"x": 2}', '{"x": 3}'], ['{"x": 4}']]);
});

test('a line past the limit is given as its length, none of it kept, and the lines after it are read as ever', async () => {
  const { found } = await groups(['{"x": 1}\n', 'a'.repeat(30), 'a'.repeat(30), 'a'.repeat(30), '\n{"x": 2}\n'], 50);
  expect(found).toEqual([['{"x": 1}'], [{ tooLong: 90 }, '{"x": 2}']]);
});

test('a line with no end within the bytes skipped ends the lines: nothing after it is read', async () => {
  const { found, read } = await groups(['{"x": 1}\n', ...Array(10).fill('z'.repeat(40)), '\n{"x": 2}\n'], 50, 100);
  expect(found).toEqual([['{"x": 1}'], [{ tooLong: 120, endless: true }]]);
  expect(read).toBe(4);
});
