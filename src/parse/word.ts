import { InputError } from '../errors.js';
import { nameProblem } from './characters.js';
import { text } from '../messages/index.js';
import { NAME } from './lexer.js';
import { ArrayTextProblem, readArray } from './array.js';
import type { Tensor } from '../tensor.js';

/**
 * One NAME=VALUE word of the command line. A factor written as a percent (tax=+10%) keeps
 * the text it was given, for showing beside its value (1.1).
 */
export type Word =
  | { kind: 'item'; name: string; price: number; quantity: number }
  | { kind: 'array'; name: string; value: Tensor }
  | { kind: 'factor'; name: string; value: number; percent?: string }
  | { kind: 'amount'; name: string; value: number };

// Every pattern here is unambiguous (a digit can be matched one way only), so a regex that
// fails gives back each character at most once: recognising a word takes time linear in its
// length, even for a word of a hundred thousand digits that ends in a letter.
const UNSIGNED = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const NAMED = new RegExp(`^(${NAME})=`);
const ITEM = new RegExp(`^(${UNSIGNED})\\s*[xX*×]\\s*(${UNSIGNED})$`);
const FACTOR = new RegExp(`^${UNSIGNED}$`);
const AMOUNT = new RegExp(`^[+-]${UNSIGNED}$`);
const PERCENT = new RegExp(`^([+-]?)(${UNSIGNED})%$`);
/** What JavaScript would read as a number but is none: refused with a word of its own. */
const NOT_FINITE = /^[+-]?(?:NaN|Infinity)$/i;

const FORMS = text('forms');

/** A word's name and the text after its `=`, if it starts NAME=. */
function split(word: string): [name: string, value: string] | undefined {
  const match = NAMED.exec(word);
  return match === null ? undefined : [match[1], word.slice(match[0].length)];
}

/**
 * Whether a command-line word gives a value (a number, PRICExQTY or a signed percent) rather
 * than being an expression: `x=-3`, `apple=100 x 2` and `tax=+10%` are values, `y=2*x` and
 * `y=-x` are expressions. An unsigned percent and NaN or Infinity count as values, so that
 * they are refused with the reason.
 */
export function isBinding(word: string): boolean {
  const parts = split(word);
  if (parts === undefined) return false;
  const value = parts[1];
  return ITEM.test(value) || FACTOR.test(value) || AMOUNT.test(value) || PERCENT.test(value) || NOT_FINITE.test(value) || value.startsWith('[');
}

export function parseWord(word: string): Word {
  const parts = split(word);
  if (parts === undefined) throw new InputError(text('notNameValue', word, FORMS));
  const [name, value] = parts;
  const problem = nameProblem(name);
  if (problem !== undefined) throw new InputError(text('wordProblem', word, problem.message));
  if (value.startsWith('[')) return { kind: 'array', name, value: arrayOf(value, word) };
  const item = ITEM.exec(value);
  if (item !== null) {
    return { kind: 'item', name, price: toNumber(item[1], word), quantity: toNumber(item[2], word) };
  }
  if (FACTOR.test(value)) return { kind: 'factor', name, value: toNumber(value, word) };
  if (AMOUNT.test(value)) return { kind: 'amount', name, value: toNumber(value, word) };
  const percent = PERCENT.exec(value);
  if (percent !== null) {
    const [, sign, size] = percent;
    if (sign === '') {
      throw new InputError(text('percentSign', word, name, size));
    }
    // 1 + 10/100 rather than 1.1 computed from 0.1: 110/100 is the nearest double to 1.1.
    const hundredths = 100 + (sign === '-' ? -1 : 1) * toNumber(size, word);
    return { kind: 'factor', name, value: hundredths / 100, percent: value };
  }
  if (NOT_FINITE.test(value)) throw new InputError(text('notFinite', word));
  throw new InputError(text('notNumber', word, value, FORMS));
}

/** An array written after NAME=, as in W=[[0.1, 0.2], [0.3, 0.4]]; its whole text must be the array. */
function arrayOf(value: string, word: string): Tensor {
  try {
    const { tensor, end } = readArray(value, 0);
    if (value.slice(end).trim() !== '') throw new ArrayTextProblem(end, text('arrayEnd'));
    return tensor;
  } catch (error) {
    if (error instanceof ArrayTextProblem) throw new InputError(text('wordProblem', word, error.said));
    throw error;
  }
}

function toNumber(digits: string, word: string): number {
  const value = Number(digits);
  if (!Number.isFinite(value)) {
    throw new InputError(text('wordProblem', word, text('tooLarge', digits)));
  }
  return value;
}
