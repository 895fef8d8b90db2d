import { text } from '../messages/index.js';
import { describe, nameProblem } from './characters.js';
import { errorAt } from './source.js';

export type TokenKind = 'number' | 'name' | 'operator' | '(' | ')' | ',' | '=' | ';' | 'newline' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offset in the source, for error positions. */
  start: number;
}

export const NUMBER = String.raw`(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
/**
 * A name: a letter or _, then letters, digits or _. The pattern itself is plain ranges, cheap
 * to compile on every start: ASCII letters, then any character past ASCII but the operators
 * × ÷ − · and the no-break space. A name with a character past ASCII is then checked against
 * Unicode's categories (nameProblem), so that 사과 or prix_été are names while a zero-width
 * joiner or a fullwidth ＋ inside one is an error that names it.
 */
const LETTER = String.raw`A-Za-z_\u00A1-\u00B6\u00B8-\u00D6\u00D8-\u00F6\u00F8-\u2211\u2213-\uFFFF`;
export const NAME = String.raw`[${LETTER}][${LETTER}0-9]*`;

const SKIP = /(?:[ \t\r\u00A0]+|#[^\n]*)+/y;
const NUMBER_TOKEN = new RegExp(NUMBER, 'y');
const NAME_TOKEN = new RegExp(NAME, 'y');
// Longest first, so that ** is one token. ×, ÷ and − are what --steps prints: pasting it back works.
const OPERATOR_TOKEN = /\*\*|[-+*/^×÷−·]/y;
const SINGLE = new Map<string, TokenKind>([
  ['(', '('],
  [')', ')'],
  [',', ','],
  ['=', '='],
  [';', ';'],
  ['\n', 'newline'],
]);

/**
 * Splits an expression into tokens one at a time, so that a program of millions of tokens
 * never holds them all. `pos` can be saved and restored to look ahead.
 */
export class Lexer {
  pos = 0;
  /** The token peek() read, where it starts and ends: the parser peeks at most tokens once. */
  private peeked: { at: number; token: Token; end: number } | undefined;

  constructor(readonly source: string) {}

  next(): Token {
    const { peeked } = this;
    if (peeked !== undefined && peeked.at === this.pos) {
      this.pos = peeked.end;
      this.peeked = undefined;
      return peeked.token;
    }
    this.match(SKIP);
    const start = this.pos;
    if (start >= this.source.length) {
      // V8 keeps the last string a regexp matched (for RegExp.input): at the end, let that be
      // an empty one, not a source of megabytes held for as long as the program runs.
      /^/.test('');
      return { kind: 'end', text: '', start };
    }
    const single = SINGLE.get(this.source[start]);
    if (single !== undefined) {
      this.pos++;
      return { kind: single, text: this.source[start], start };
    }
    const number = this.match(NUMBER_TOKEN);
    if (number !== undefined) return { kind: 'number', text: number, start };
    const name = this.match(NAME_TOKEN);
    if (name !== undefined) {
      const problem = nameProblem(name);
      if (problem !== undefined) throw errorAt(this.source, start + problem.index, problem.message);
      return { kind: 'name', text: name, start };
    }
    const operator = this.match(OPERATOR_TOKEN);
    if (operator !== undefined) return { kind: 'operator', text: operator, start };
    const char = String.fromCodePoint(this.source.codePointAt(start)!);
    throw errorAt(this.source, start, text('unexpectedCharacter', char < '\x80' ? `'${char}'` : describe(char)));
  }

  peek(): Token {
    const at = this.pos;
    const token = this.next();
    this.peeked = { at, token, end: this.pos };
    this.pos = at;
    return token;
  }

  private match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    if (!pattern.test(this.source)) return undefined;
    const text = this.source.slice(this.pos, pattern.lastIndex);
    this.pos = pattern.lastIndex;
    return text;
  }
}
