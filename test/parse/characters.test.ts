import { expect, test } from 'vitest';
import { CATALOGUES } from '../../src/messages/all.js';
import { say } from '../../src/messages/index.js';
import { describe, nameProblem } from '../../src/parse/characters.js';

test('letters of any script, marks and digits make names', () => {
  for (const name of ['x', 'apple_num', '사과', 'prix_été', 'cafe\u0301', 'δ2', 'x_٣', 'Ωmega']) expect(nameProblem(name), name).toBeUndefined();
});

test.each([
  ['a\u200db', 1, "'\u200d' (U+200D ZERO WIDTH JOINER)"],
  ['a\u200cb', 1, "'\u200c' (U+200C ZERO WIDTH NON-JOINER)"],
  ['\ufeffx', 0, "'\ufeff' (U+FEFF ZERO WIDTH NO-BREAK SPACE)"],
  ['x\u061c', 1, "'\u061c' (U+061C ARABIC LETTER MARK)"],
  ['a\u3164', 1, "'\u3164' (U+3164 HANGUL FILLER)"],
  ['a\ufffd', 1, "'\ufffd' (U+FFFD REPLACEMENT CHARACTER)"],
  ['ab\u202e', 2, "'\u202e' (U+202E RIGHT-TO-LEFT OVERRIDE)"],
  ['a＋b', 1, "'＋' (U+FF0B FULLWIDTH PLUS SIGN)"],
  ['x²', 1, "'²' (U+00B2 SUPERSCRIPT TWO)"],
  ['snow☃', 4, "'☃' (U+2603, a symbol)"],
])('%j: the character is named', (name, index, described) => {
  const problem = nameProblem(name)!;
  expect(problem.index).toBe(index);
  expect(say(problem.message)).toBe(`${described} cannot be part of a name: a name is letters, digits and _`);
});

test('an astral character is described whole', () => {
  expect(say(describe('🍎'))).toBe("'🍎' (U+1F34E, a symbol)");
});

test('a character keeps its Unicode name in every language; the words around it are translated', () => {
  expect(say(nameProblem('a\u200db')!.message, CATALOGUES.ko)).toBe("'\u200d' (U+200D ZERO WIDTH JOINER)는 이름에 쓸 수 없음: 이름은 글자, 숫자, _로 이루어짐");
  expect(say(describe('☃'), CATALOGUES.ja)).toBe("'☃' (U+2603、記号)");
});
