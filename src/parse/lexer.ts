import { text } from '../messages/index.js';
import { OPERATOR_TOKENS } from '../operations.js';
import { describe, nameProblem } from './characters.js';
import { errorAt } from './source.js';

export type TokenKind = 'number' | 'name' | 'operator' | '(' | ')' | '[' | ']' | ',' | '=' | ';' | 'newline' | 'end';

export const NUMBER = String.raw`(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
/** The operators' characters past ASCII (× ÷ − ·), which no name may hold. */
const WIDE_OPERATORS = OPERATOR_TOKENS.filter((token) => token.length === 1 && token.charCodeAt(0) >= 0x80).map((token) => token.charCodeAt(0));

/**
 * A name: a letter or _, then letters, digits or _. The pattern itself is plain ranges, cheap
 * to compile on every start: ASCII letters, then any character past ASCII but the operators'
 * (× ÷ − ·) and the no-break space. A name with a character past ASCII is then checked against
 * Unicode's categories (nameProblem), so that 사과 or prix_été are names while a zero-width
 * joiner or a fullwidth ＋ inside one is an error that names it.
 */
const LETTER = `A-Za-z_${rangesWithout(0xa1, 0xffff, WIDE_OPERATORS)}`;
export const NAME = String.raw`[${LETTER}][${LETTER}0-9]*`;

/** The characters from `first` to `last` but `left` out, as ranges of a character class: `\u00A1-\u00B6\u00B8-…`. */
function rangesWithout(first: number, last: number, left: readonly number[]): string {
  const hex = (code: number) => `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  let ranges = '';
  let from = first;
  for (const code of [...left].sort((a, b) => a - b)) {
    if (code > from) ranges += `${hex(from)}-${hex(code - 1)}`;
    from = code + 1;
  }
  return `${ranges}${hex(from)}-${hex(last)}`;
}

const NAME_TOKEN = new RegExp(NAME, 'y');

/**
 * The tokens of one ASCII character, by character code. A full array of 128, read for every
 * token: one with a hole at − (U+2212) would be kept as a dictionary, a third of the lexer's
 * time on a large program.
 */
const SINGLE = new Array<TokenKind | undefined>(128).fill(undefined);
for (const [chars, kind] of [['(', '('], [')', ')'], ['[', '['], [']', ']'], [',', ','], ['=', '='], [';', ';'], ['\n', 'newline']] as const) SINGLE[chars.charCodeAt(0)] = kind;
for (const token of OPERATOR_TOKENS) if (token.length === 1 && token.charCodeAt(0) < 0x80) SINGLE[token.charCodeAt(0)] = 'operator';
/** The operators written with two characters or more (**), by the code of their first character. */
const LONG_OPERATORS = new Array<string[] | undefined>(128).fill(undefined);
for (const token of OPERATOR_TOKENS) if (token.length > 1) (LONG_OPERATORS[token.charCodeAt(0)] ??= []).push(token);

/** The token of one character, if it is one: past ASCII, the operators that --steps prints (× ÷ −) and ·, so that pasting it back works. */
function single(code: number): TokenKind | undefined {
  if (code < 128) return SINGLE[code];
  return WIDE_OPERATORS.includes(code) ? 'operator' : undefined;
}

/**
 * Reads an expression one token at a time, in place: the token read last is its kind and
 * where it starts and ends in the source, and its text is sliced only when asked for. A
 * program of millions of tokens then makes no object and no string a token. `pos` can be
 * saved and restored to look ahead.
 */
export class Lexer {
  pos = 0;
  /** The token next() read last. */
  kind: TokenKind = 'end';
  start = 0;
  end = 0;

  constructor(readonly source: string) {}

  /** Reads the next token and gives its kind. */
  next(): TokenKind {
    const start = skipBlanks(this.source, this.pos);
    this.start = start;
    this.kind = this.scan(start);
    this.pos = this.end;
    return this.kind;
  }

  /** The text of the token next() read last. */
  get text(): string {
    return this.source.slice(this.start, this.end);
  }

  /**
   * The value of the number token read last. Up to 15 characters of digits and a point are
   * read in place, with no string made: the digits are an integer below 10^15 and the point
   * a division by a power of ten, both exact as doubles, so the division's one rounding gives
   * the nearest double, as Number() does. Longer numbers and exponents go through Number().
   */
  get number(): number {
    const { source, start, end } = this;
    if (end - start > 15) return Number(this.text);
    let digits = 0;
    let scale = 1;
    let point = false;
    for (let i = start; i < end; i++) {
      const code = source.charCodeAt(i);
      if (code === 0x2e /* . */) point = true;
      else if (!isDigit(code)) return Number(this.text);
      else {
        digits = 10 * digits + (code - 0x30);
        if (point) scale *= 10;
      }
    }
    return digits / scale;
  }

  /** Reads the next token if it is of this kind, and says whether it did. */
  accept(kind: TokenKind): boolean {
    const { pos, kind: last, start, end } = this;
    if (this.next() === kind) return true;
    this.back(pos, last, start, end);
    return false;
  }

  /** The kind of the token after the one read last, without moving on. */
  peek(): TokenKind {
    const { pos, kind, start, end } = this;
    const next = this.next();
    this.back(pos, kind, start, end);
    return next;
  }

  /** Goes back to a token read before. */
  private back(pos: number, kind: TokenKind, start: number, end: number): void {
    this.pos = pos;
    this.kind = kind;
    this.start = start;
    this.end = end;
  }

  /** The kind of the token at `start`, and sets `end` after it. */
  private scan(start: number): TokenKind {
    const { source } = this;
    if (start >= source.length) {
      this.end = start;
      // V8 keeps the last string a regexp matched (for RegExp.input): at the end, let that be
      // an empty one, not a source of megabytes held for as long as the program runs.
      /^/.test('');
      return 'end';
    }
    const code = source.charCodeAt(start);
    // An operator of two characters or more (**, .T) is read whole, even where its first is none (.5 is a number).
    // A plain loop, not find() and a closure: this runs for each of millions of tokens.
    const longs = code < 128 ? LONG_OPERATORS[code] : undefined;
    let length = 1;
    if (longs !== undefined) for (const token of longs) if (length === 1 && source.startsWith(token, start)) length = token.length;
    const kind = length > 1 ? 'operator' : single(code);
    if (kind !== undefined) {
      this.end = start + length;
      return kind;
    }
    const number = numberEnd(source, start);
    if (number > start) {
      this.end = number;
      return 'number';
    }
    let end = start;
    while (isAsciiNameCode(source.charCodeAt(end))) end++;
    // Past ASCII, the full pattern and Unicode's categories decide.
    if (end < source.length && source.charCodeAt(end) >= 0x80) {
      NAME_TOKEN.lastIndex = start;
      if (NAME_TOKEN.test(source)) end = NAME_TOKEN.lastIndex;
      const problem = end > start ? nameProblem(source.slice(start, end)) : undefined;
      if (problem !== undefined) throw errorAt(source, start + problem.index, problem.message);
    }
    if (end > start) {
      this.end = end;
      return 'name';
    }
    const char = String.fromCodePoint(source.codePointAt(start)!);
    throw errorAt(source, start, text('unexpectedCharacter', char < '\x80' ? `'${char}'` : describe(char)));
  }
}

/** The token that starts at `start`, read again for a message: its kind and its text. */
export function tokenAt(source: string, start: number): { kind: TokenKind; text: string } {
  const lexer = new Lexer(source);
  lexer.pos = start;
  const kind = lexer.next();
  return { kind, text: lexer.text };
}

/** Where the blanks and comments from `at` on end. */
function skipBlanks(source: string, at: number): number {
  for (;;) {
    const code = source.charCodeAt(at);
    if (code === 0x20 || code === 0x09 || code === 0x0d || code === 0xa0) at++;
    else if (code === 0x23 /* # */) at = source.includes('\n', at) ? source.indexOf('\n', at) : source.length;
    else return at;
  }
}

/** Where the number that starts at `start` ends, as NUMBER matches it; `start` if none starts there. */
function numberEnd(source: string, start: number): number {
  let at = digitsEnd(source, start);
  if (source.charCodeAt(at) === 0x2e /* . */) {
    const fraction = digitsEnd(source, at + 1);
    if (at === start && fraction === at + 1) return start; // a point alone
    at = fraction;
  }
  if (at === start) return start;
  const e = source.charCodeAt(at);
  if (e === 0x65 || e === 0x45) {
    const sign = source.charCodeAt(at + 1);
    const digits = sign === 0x2b || sign === 0x2d ? at + 2 : at + 1;
    const end = digitsEnd(source, digits);
    // An e with no digits after it is no exponent: 2e is 2, then the name e.
    if (end > digits) at = end;
  }
  return at;
}

function digitsEnd(source: string, at: number): number {
  while (isDigit(source.charCodeAt(at))) at++;
  return at;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiNameCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || isDigit(code);
}
