import { text, type Said } from '../messages/index.js';
import { MAX_RANK, Tensor } from '../tensor.js';

/** Why an array's text is not one, and where: the offset in the text it was read from. */
export class ArrayTextProblem extends Error {
  constructor(
    readonly offset: number,
    readonly said: Said,
  ) {
    super('array');
  }
}

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;

/**
 * An array from JSON's nested lists (a line of --batch): a list of numbers, or a list of such
 * lists all as long; undefined for anything else, which the caller says what is wrong with
 * (arrayProblem).
 */
export function tensorOf(value: unknown): Tensor | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const numbers = (row: unknown) => Array.isArray(row) && row.length > 0 && row.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (numbers(value)) return new Tensor([value.length], Float64Array.from(value as number[]));
  if (!value.every(numbers) || !value.every((row: number[]) => row.length === value[0].length)) return undefined;
  return new Tensor([value.length, value[0].length], Float64Array.from((value as number[][]).flat()));
}
const BLANKS = /[ \t\r\n]*/y;

/**
 * An array written as NumPy and JSON write it, from `start` in `source`: `[1, 2, 3]` a vector,
 * `[[1, 2], [3, 4]]` a matrix, numbers (with a sign) between the brackets. Gives the array and
 * where its text ends; throws an ArrayTextProblem for text that is no array of numbers, a row
 * of another length than the first (ragged), or more axes than two.
 */
export function readArray(source: string, start: number): { tensor: Tensor; end: number } {
  let at = start;
  const blanks = () => {
    BLANKS.lastIndex = at;
    BLANKS.test(source);
    at = BLANKS.lastIndex;
  };
  const expect = (char: string, what: Said) => {
    blanks();
    if (source[at] !== char) throw new ArrayTextProblem(at, what);
    at++;
  };
  /** A row of numbers, `[` read: its numbers, and where it ended. */
  const row = (): number[] => {
    const numbers: number[] = [];
    blanks();
    if (source[at] === ']') throw new ArrayTextProblem(at, text('emptyArray'));
    for (;;) {
      blanks();
      if (source[at] === '[') throw new ArrayTextProblem(at, text('rankTooHigh', MAX_RANK + 1));
      NUMBER.lastIndex = at;
      if (!NUMBER.test(source)) throw new ArrayTextProblem(at, text('arrayNumber'));
      const value = Number(source.slice(at, NUMBER.lastIndex));
      if (!Number.isFinite(value)) throw new ArrayTextProblem(at, text('tooLarge', source.slice(at, NUMBER.lastIndex)));
      numbers.push(value);
      at = NUMBER.lastIndex;
      blanks();
      if (source[at] === ']') {
        at++;
        return numbers;
      }
      expect(',', text('arrayComma'));
    }
  };
  expect('[', text('arrayNumber'));
  blanks();
  if (source[at] !== '[') {
    const numbers = row();
    return { tensor: new Tensor([numbers.length], Float64Array.from(numbers)), end: at };
  }
  const rows: number[][] = [];
  for (;;) {
    const rowStart = (blanks(), at);
    expect('[', text('arrayRow'));
    const numbers = row();
    if (rows.length > 0 && numbers.length !== rows[0].length) throw new ArrayTextProblem(rowStart, text('raggedArray', rows.length + 1, numbers.length, rows[0].length));
    rows.push(numbers);
    blanks();
    if (source[at] === ']') {
      at++;
      break;
    }
    expect(',', text('arrayComma'));
  }
  return { tensor: new Tensor([rows.length, rows[0].length], Float64Array.from(rows.flat())), end: at };
}
