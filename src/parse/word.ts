import { InputError } from '../errors.js';
import { NAME, NUMBER } from './lexer.js';

/** One NAME=VALUE word of the command line (DESIGN.md §1). */
export type Word =
  | { kind: 'item'; name: string; price: number; quantity: number }
  | { kind: 'factor'; name: string; value: number }
  | { kind: 'amount'; name: string; value: number };

const WORD = new RegExp(`^(${NAME})=(.*)$`, 's');
const ITEM = new RegExp(`^(${NUMBER})\\s*[xX*×]\\s*(${NUMBER})$`);
const FACTOR = new RegExp(`^${NUMBER}$`);
const AMOUNT = new RegExp(`^[+-]${NUMBER}$`);
// A value is one word that starts like a number (or is a number JavaScript would accept but
// backprop refuses, NaN or Infinity); anything else after NAME= is an expression (y=x*2).
const BINDING = new RegExp(`^${NAME}=(?:[-+.\\d][^\\s;()]*|[-+]?(?:NaN|Infinity))$`, 'i');

const FORMS = 'write NAME=PRICExQTY (apple=100x2), NAME=FACTOR (tax=1.1) or NAME=+AMOUNT (shipping=+5, coupon=-20)';

/** Whether a command-line word is NAME=VALUE rather than an expression. */
export function isBinding(word: string): boolean {
  return BINDING.test(word);
}

export function parseWord(word: string): Word {
  const match = WORD.exec(word);
  if (match === null) throw new InputError(`'${word}' is not NAME=VALUE: ${FORMS}`);
  const [, name, value] = match;
  const item = ITEM.exec(value);
  if (item !== null) {
    return { kind: 'item', name, price: toNumber(item[1], word), quantity: toNumber(item[2], word) };
  }
  if (FACTOR.test(value)) return { kind: 'factor', name, value: toNumber(value, word) };
  if (AMOUNT.test(value)) return { kind: 'amount', name, value: toNumber(value, word) };
  if (/^[-+]?(?:NaN|Infinity)$/i.test(value)) throw new InputError(`'${word}': inputs must be finite numbers`);
  throw new InputError(`'${word}': '${value}' is not a number: ${FORMS}`);
}

function toNumber(text: string, word: string): number {
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw new InputError(`'${word}': ${text} is too large (the largest number is about 1.8e308)`);
  }
  return value;
}
