import { lazy } from '../lazy.js';
import { text, type Said } from '../messages/index.js';

/**
 * What may be in a name: letters, marks (the accent of a decomposed é), digits and _, by
 * Unicode's own categories, and nothing invisible (zero-width joiners, fillers such as
 * U+3164, the BOM), which would make two names that look alike. Made only when a name with
 * a character past ASCII is met, so that start-up does not pay for \p{…}.
 */
const NOT_IN_NAME = lazy(() => /[^\p{L}\p{M}\p{Nd}_]|\p{Default_Ignorable_Code_Point}/u);
const PLAIN_NAME = /^\w*$/;

/** Where a name has a character a name cannot hold, and a message naming it; undefined if none. */
export function nameProblem(name: string): { index: number; message: Said } | undefined {
  if (PLAIN_NAME.test(name)) return undefined;
  const match = NOT_IN_NAME().exec(name);
  if (match === null) return undefined;
  return { index: match.index, message: text('notInName', describe(match[0])) };
}

/**
 * `'‍' (U+200D ZERO WIDTH JOINER)`, its Unicode name the same in every language; or for a
 * character not in NAMES, its kind: `'☃' (U+2603, a symbol)`.
 */
export function describe(char: string): Said {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[code] === undefined ? text('character', char, hex, kind(char)) : `'${char}' (${hex} ${NAMES[code]})`;
}

function kind(char: string): Said {
  if (/\p{S}/u.test(char)) return text('aSymbol');
  if (/\p{P}/u.test(char)) return text('aPunctuationMark');
  if (/\p{Z}/u.test(char)) return text('aSpace');
  if (/\p{N}/u.test(char)) return text('aNumberSign');
  if (/\p{C}/u.test(char)) return text('aControlCharacter');
  return text('anInvisibleCharacter');
}

/** The Unicode names of the characters likely to slip into a name unseen, or to look like an operator. */
const NAMES: Record<number, string> = {
  0x00a0: 'NO-BREAK SPACE',
  0x00ad: 'SOFT HYPHEN',
  0x00b2: 'SUPERSCRIPT TWO',
  0x00b3: 'SUPERSCRIPT THREE',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2022: 'BULLET',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x2202: 'PARTIAL DIFFERENTIAL',
  0x2217: 'ASTERISK OPERATOR',
  0x22c5: 'DOT OPERATOR',
  0x3000: 'IDEOGRAPHIC SPACE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xff08: 'FULLWIDTH LEFT PARENTHESIS',
  0xff09: 'FULLWIDTH RIGHT PARENTHESIS',
  0xff0a: 'FULLWIDTH ASTERISK',
  0xff0b: 'FULLWIDTH PLUS SIGN',
  0xff0d: 'FULLWIDTH HYPHEN-MINUS',
  0xff0f: 'FULLWIDTH SOLIDUS',
  0xff1d: 'FULLWIDTH EQUALS SIGN',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
  0xfffd: 'REPLACEMENT CHARACTER',
};
