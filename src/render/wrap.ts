import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** The indentation of a line that goes on from the one above. */
export const INDENT = '    ';

/**
 * Text fitted to the screen: lines no wider than `width` columns, broken only between words
 * (a word wider than the screen stays whole), each line after the first indented under it.
 * Colors are closed at the end of a line and opened again on the next.
 */
export function fit(text: string, width: number, indent = INDENT): string {
  if (stringWidth(text) <= width) return text;
  const [first, ...rest] = wrapAnsi(text, width, { hard: false, trim: true }).split('\n');
  if (rest.length === 0) return first;
  const more = wrapAnsi(rest.join(' '), Math.max(width - indent.length, 1), { hard: false, trim: true }).split('\n');
  return [first, ...more.map((line) => indent + line)].join('\n');
}

/** A word, a run of spaces, or one kanji or kana (with the punctuation that may not start a line). */
const TOKEN = /\s+|[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー][、。）」ーぁぃぅぇぉっゃゅょァィゥェォッャュョ]*|[^\s\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]+/gu;

/**
 * Plain text broken into lines of at most `width` columns: between words, and between any two
 * kanji or kana, as Japanese is broken (it has no spaces). A word wider than the line stays whole.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      let gap = '';
      for (const [token] of paragraph.matchAll(TOKEN)) {
        if (/^\s/.test(token)) {
          gap = line === '' ? '' : token;
          continue;
        }
        if (line !== '' && stringWidth(line + gap + token) > width) {
          lines.push(line);
          line = token;
        } else line += gap + token;
        gap = '';
      }
      return [...lines, line].join('\n');
    })
    .join('\n');
}
