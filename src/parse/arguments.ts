import { text } from '../messages/index.js';
import { BackpropError, InputError } from '../errors.js';
import { lazy } from '../lazy.js';
import type { Program } from '../graph.js';
import { parseExpression, type DataInputs } from './expression.js';
import { parseReceipt } from './receipt.js';
import { isBinding, parseWord } from './word.js';

const SEPARATOR = /^[xX*×]/;
/** An item's value with nothing before its x, as the shell leaves apple=$5x2 (it replaces $5). */
const NO_PRICE = /^[xX*×]\s*\d[\d.]*$/;
const NUMBERISH = lazy(() => /^[+-]?[\d.][\p{L}\p{N}.]*$/u);
/** An item whose = went missing: orange150x3. */
const NO_EQUALS = lazy(() => /^([\p{L}_]+)(\d[\d.]*\s*[xX*×]\s*\d[\d.]*)$/u);

export interface ArgumentOptions {
  /** The expression from -e or -f. */
  source?: string;
  /** Whether a word names a file here, as a shell-expanded * leaves them. */
  isFile?: (word: string) => boolean;
  /** Build composite functions from primitive nodes. */
  expand?: boolean;
  /** Leave inputs that nothing binds without a value, for --batch to give. */
  unbound?: boolean;
  /** Compute in doubles throughout (--float). */
  float?: boolean;
  /** The seed of rand and randn (--seed). */
  seed?: number;
  /** Inputs given by --data. */
  data?: DataInputs;
}

/**
 * The program that the command line's words describe: a receipt when every word gives a
 * value, else an expression (from -e or -f as `source`, or the one word that gives no value)
 * with the other words as its inputs. The words a hurried user types (spaces around =, an
 * unquoted *, a whole receipt in quotes) are refused with what went wrong and how to write it.
 */
export function parseArguments(words: readonly string[], { source, isFile = () => false, expand, unbound, float, seed, data }: ArgumentOptions = {}): Program {
  const loose = words.filter((word) => !isBinding(word));
  for (const word of loose) mistake(words, word, isFile);
  if (source !== undefined) {
    if (loose.length > 0) throw stray(loose[0], undefined, true);
    return parseExpression(source, words, { expand, unbound, float, seed, data });
  }
  if (loose.length === 0) {
    if (data !== undefined) throw new InputError(text('dataReceipt', data.name));
    return parseReceipt(words, { float });
  }
  // Several words that give no value: one is the expression, the others are mistakes.
  const expression = loose.find((word) => !isNamed(word)) ?? loose[0];
  const other = loose.find((word) => word !== expression);
  if (other !== undefined) throw stray(other, expression);
  const bindings = words.filter((word) => word !== expression);
  try {
    return parseExpression(expression, bindings, { expand, unbound, float, seed, data });
  } catch (error) {
    throw receiptWord(expression, bindings) ?? error;
  }
}

/** Refuses a word that shows how the command line went wrong, naming the fix. */
function mistake(words: readonly string[], word: string, isFile: (word: string) => boolean): void {
  const at = words.indexOf(word);
  // tax= has lost its number (apple= 100x2, split by a space, is told below).
  const empty = /^([^=\s]+)=$/.exec(word);
  if (empty !== null && (at + 1 === words.length || isBinding(words[at + 1]))) throw new InputError(text('emptyValue', word, empty[1]));
  if (isFile(word) && words.length > 2 && !/[=()]/.test(word)) {
    throw new InputError(text('fileHere', word));
  }
  const split = joined(words, at);
  if (split !== undefined) {
    const [from, to] = split;
    const parts = words.slice(from, to);
    throw new InputError(text('splitValue', parts.join(' '), parts.join('')));
  }
  const parts = word.trim().split(/\s+/);
  if (parts.length > 1 && parts.every(isBinding)) {
    throw new InputError(text('oneArgument', word, parts.join(' ')));
  }
  const item = NO_EQUALS().exec(word);
  if (item !== null) throw new InputError(text('noEquals', word, `${item[1]}=${item[2]}`));
}

/** Where the words around `at` join into one NAME=VALUE, if the word at `at` is a piece of one. */
function joined(words: readonly string[], at: number): [from: number, to: number] | undefined {
  const word = words[at];
  const windows: [number, number][] = [];
  if (word === '=') windows.push([at - 1, at + 2]);
  else if (word.endsWith('=')) windows.push([at, at + 2]);
  else if (word.startsWith('=')) windows.push([at - 1, at + 1]);
  else if (SEPARATOR.test(word) && at > 0 && isBinding(words[at - 1]) && parseWord(words[at - 1]).kind === 'factor') {
    windows.push([at - 1, at + 1], [at - 1, at + 2]);
  } else if (/[xX*×]$/.test(word) && isNamed(word)) windows.push([at, at + 2]);
  return windows.find(([from, to]) => from >= 0 && to <= words.length && isBinding(words.slice(from, to).join('')));
}

/** The error for a word that is neither a value nor the one expression. */
function stray(word: string, expression?: string, given = false): InputError {
  if (isNamed(word)) {
    const name = word.slice(0, word.indexOf('='));
    const value = word.slice(name.length + 1);
    return new InputError(text('strayBinding', word, name, value));
  }
  if (given) return new InputError(text('strayGiven', word));
  return new InputError(expression === undefined ? text('strayWord', word) : text('twoExpressions', expression, word));
}

/**
 * The receipt word's own error for a lone expression that failed, where it was surely meant
 * as a receipt word: NAME=1OOx2 alone, or beside words only a receipt has (items, amounts,
 * percents). Beside a plain number (x=3) it may be an expression with a slip, which the
 * expression's own error shows better.
 */
function receiptWord(word: string, others: string[]): BackpropError | undefined {
  if (!isNamed(word)) return undefined;
  const value = word.slice(word.indexOf('=') + 1);
  if (NO_PRICE.test(value)) {
    return new InputError(text('noPrice', word));
  }
  const receipt = others.map(parseWord).every((other) => other.kind !== 'factor' || other.percent !== undefined);
  if (!NUMBERISH().test(value) || !receipt) return undefined;
  try {
    parseWord(word);
  } catch (error) {
    return error as BackpropError;
  }
  return undefined;
}

function isNamed(word: string): boolean {
  return /^[^=\s]+=/.test(word);
}
