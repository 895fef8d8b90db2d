import stringWidth from 'string-width';
import { InputError, printable } from '../errors.js';
import { text, type Said, type Text } from '../messages/index.js';

/** How much of a long line an excerpt shows on each side of the caret. */
const WINDOW = 40;

/**
 * An input error at `offset` in `text`: the message says where, the excerpt shows that line
 * with a caret under the column, as compilers do.
 */
export function errorAt(source: string, offset: number, message: Said, name?: string): InputError {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = source.indexOf('\n', offset) < 0 ? source.length : source.indexOf('\n', offset);
  const before = [...source.slice(lineStart, offset)];
  let after = [...source.slice(offset, lineEnd)];
  let head = before;
  // Generated programs can have a line of megabytes: show a window around the column.
  if (before.length > WINDOW) head = ['…', ...before.slice(-WINDOW)];
  if (after.length > WINDOW) after = [...after.slice(0, WINDOW), '…'];
  if (after.at(-1) === '\r') after.pop();
  const excerpt = `  ${[...head, ...after].map(shown).join('')}\n  ${underline(head)}^`;
  return new InputError(text('at', message, where(source, offset)), { excerpt, ...position(source, offset), name });
}

/** "line 2, column 5": where `offset` is in `text`, columns counted in characters. */
export function where(source: string, offset: number): Text {
  const { line, column } = position(source, offset);
  return text('where', line, column);
}

function position(text: string, offset: number): { line: number; column: number } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}

// The blanks that take the same room as each character, measured as a terminal shows it, so
// that the caret lands under the column even after tabs or wide characters such as Korean names.
function underline(chars: string[]): string {
  return chars.map((c) => ' '.repeat(stringWidth(shown(c)))).join('');
}

/** A character of the source line as the excerpt shows it: a tab as one blank, anything unprintable escaped. */
function shown(c: string): string {
  return c === '\t' ? ' ' : printable(c);
}
