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
