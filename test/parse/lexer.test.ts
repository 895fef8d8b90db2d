import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Lexer, NUMBER, tokenAt } from '../../src/parse/lexer.js';
import { RUNS } from '../runs.js';

function tokens(source: string): string[] {
  const lexer = new Lexer(source);
  const kinds: string[] = [];
  for (let kind = lexer.next(); kind !== 'end'; kind = lexer.next()) kinds.push(`${kind} ${lexer.text}`);
  return kinds;
}

test('tokens are read in place: kind and text, blanks and comments skipped', () => {
  expect(tokens('y = 2**x × 사과 # a comment\n.5e3;')).toEqual([
    'name y',
    '= =',
    'number 2',
    'operator **',
    'name x',
    'operator ×',
    'name 사과',
    'newline \n',
    'number .5e3',
    '; ;',
  ]);
});

test('peek reads the next token and leaves the lexer where it was', () => {
  const lexer = new Lexer('a = 1');
  lexer.next();
  expect(lexer.peek()).toBe('=');
  expect([lexer.kind, lexer.text, lexer.pos]).toEqual(['name', 'a', 1]);
  expect(tokenAt('a = 1', 4)).toEqual({ kind: 'number', text: '1' });
});

test(`a number read in place is the number Number() reads (${RUNS * 10} cases)`, () => {
  const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 18 });
  const number = fc.oneof(
    digits,
    fc.tuple(digits, digits).map(([a, b]) => `${a}.${b}`),
    digits.map((a) => `.${a}`),
    digits.map((a) => `${a}.`),
    fc.tuple(digits, fc.integer({ min: -30, max: 30 })).map(([a, e]) => `${a}e${e}`),
  );
  fc.assert(
    fc.property(number, (text) => {
      const lexer = new Lexer(text);
      expect(lexer.next()).toBe('number');
      expect(lexer.number).toBe(Number(text));
    }),
    { numRuns: RUNS * 10 },
  );
});

test(`a number token ends where the NUMBER pattern says (${RUNS * 10} cases)`, () => {
  const pattern = new RegExp(NUMBER, 'y');
  const text = fc.string({ unit: fc.constantFrom(...'0123456789.eE+-x'), minLength: 1, maxLength: 12 });
  fc.assert(
    fc.property(text, (source) => {
      pattern.lastIndex = 0;
      const matched = pattern.test(source) ? pattern.lastIndex : 0;
      const lexer = new Lexer(source);
      let kind: string;
      try {
        kind = lexer.next();
      } catch {
        kind = 'error';
      }
      if (matched > 0) expect([kind, lexer.end]).toEqual(['number', matched]);
      else expect(kind).not.toBe('number');
    }),
    { numRuns: RUNS * 10 },
  );
});
