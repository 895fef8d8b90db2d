import stringWidth from 'string-width';
import { lazy } from '../lazy.js';

/** The indentation of a line that goes on from the one above. */
export const INDENT = '    ';

/**
 * Text fitted to the screen: lines no wider than `width` columns, broken only between words
 * and between kanji or kana (a word wider than the screen stays whole), each line after the
 * first indented under it. Colors are closed at the end of a line and opened again on the next.
 */
export function fit(text: string, width: number, indent = INDENT): string {
  if (columns(text) <= width) return text;
  return breakLines(text, width, Math.max(width - indent.length, 1))
    .map((line, i) => (i === 0 ? line : indent + line))
    .join('\n');
}

/**
 * Plain text broken into lines of at most `width` columns: between words, and between any two
 * kanji or kana, as Japanese is broken (it has no spaces). A word wider than the line stays whole.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((paragraph) => wrapLines(paragraph, width).join('\n'))
    .join('\n');
}

/** Plain or painted text in lines of at most `width` columns (after the first, `rest`), broken as fit() breaks them. */
export function wrapLines(text: string, width: number, rest = width): string[] {
  return columns(text) <= width ? [text] : breakLines(text, width, rest);
}

/** A line cut to `width` columns, with … where it is cut: for a line that must stay on one row. */
export function cutTo(text: string, width: number): string {
  if (columns(text) <= width) return text;
  let used = 0;
  let end = 0;
  for (const char of text) {
    used += cellWidth(char);
    if (used > width - 1) break;
    end += char.length;
  }
  return `${text.slice(0, end)}…`;
}

/**
 * A run of spaces, or one kanji or kana with the bracket that may not end a line before it and
 * the punctuation that may not start a line after it: `(既定: 1e-12)` breaks before `(既`.
 */
const BREAK = lazy(() => /\s+|[(（「『［]*[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー][、。，．：；）」』］)\]:;,.ーぁぃぅぇぉっゃゅょァィゥェォッャュョ]*/gu);
const SGR = /\x1b\[(\d+)m/g;

/**
 * One paragraph in lines, the first at most `first` columns wide and the others `rest`.
 * Each token is measured once, so that the time is linear in the text, however long a word.
 */
function breakLines(paragraph: string, first: number, rest: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let gap = '';
  let open: string[] = [];
  for (const token of tokens(paragraph)) {
    if (/^\s/.test(token)) {
      gap = line === '' ? '' : token;
      continue;
    }
    const size = cellWidth(token);
    if (used > 0 && used + gap.length + size > (lines.length === 0 ? first : rest)) {
      // The colors open at the break are closed here and opened again on the next line.
      lines.push(line + open.map(closing).reverse().join(''));
      line = open.join('') + token;
      used = size;
    } else {
      line += gap + token;
      used += gap.length + size;
    }
    gap = '';
    if (token.includes('\x1b')) open = stillOpen(open, token);
  }
  return [...lines, line];
}

/**
 * Characters one column wide each: printable ASCII, and what the views draw with (× ÷ Δ … →,
 * the mathematical operators, the box-drawing lines), none of them an emoji or a mark.
 */
export const NARROW = /^[\x20-\x7e\u00d7\u00f7\u0394\u2026\u2192\u2200-\u22ff\u2500-\u257f]*$/;

// string-width builds its patterns anew on every call (the emoji pattern alone is 10 kB, parsed
// each time) and reads the whole text: most words, and most lines, are narrow characters.
export const cellWidth = (text: string) => (NARROW.test(text) ? text.length : stringWidth(text));

/** A text's width in columns, measured a word at a time: a line of megabytes costs little. */
export function columns(text: string): number {
  return NARROW.test(text) ? text.length : measure(text)[0];
}

/**
 * A text's width in columns, and its widest word's: the narrowest it can be broken to. A run
 * of narrow characters with no space, as most names and numbers are, is one word.
 */
export function measure(text: string): [columns: number, word: number] {
  if (NARROW.test(text) && !/\s/.test(text)) return [text.length, text.length];
  let total = 0;
  let widest = 0;
  for (const token of tokens(text)) {
    const size = cellWidth(token);
    total += size;
    if (!/^\s/.test(token)) widest = Math.max(widest, size);
  }
  return [total, widest];
}

/**
 * The words, runs of spaces, and kanji or kana of a text. The words are what lies between
 * the others: a pattern for them, a class of all that is not space, kanji or kana, would
 * overflow V8's stack on a word of megabytes.
 */
function* tokens(text: string): Generator<string> {
  let at = 0;
  for (const match of text.matchAll(BREAK())) {
    if (match.index > at) yield text.slice(at, match.index);
    yield match[0];
    at = match.index + match[0].length;
  }
  if (at < text.length) yield text.slice(at);
}

/** The color codes still open after `text`, given those open before it. */
function stillOpen(open: string[], text: string): string[] {
  let codes = open;
  for (const [code, n] of text.matchAll(SGR)) {
    codes = n === '0' ? [] : isClosing(n) ? codes.filter((c) => closing(c) !== code) : [...codes, code];
  }
  return codes;
}

const isClosing = (n: string) => /^(?:2[1-9]|39|49)$/.test(n);

/** The code that ends a color or style: 22 ends bold and dim, 39 a foreground, 49 a background. */
function closing(code: string): string {
  const n = Number(code.slice(2, -1));
  const end = n === 1 || n === 2 ? 22 : n < 10 ? n + 20 : (n >= 30 && n < 40) || (n >= 90 && n < 100) ? 39 : 49;
  return `\x1b[${end}m`;
}
