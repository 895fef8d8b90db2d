import { isUtf8 } from 'node:buffer';
import stringWidth from 'string-width';
import { cut, InputError, printable } from '../errors.js';
import { text, type Said, type Text } from '../messages/index.js';

/** The largest program file read; past it a file is surely not meant as an expression. */
export const MAX_SOURCE_BYTES = 256 * 2 ** 20;

/** U+FFFD as UTF-8: a replacement character that the file itself holds. */
const REPLACEMENT = Buffer.from('\uFFFD');

/**
 * A program file's text, from its bytes (at most MAX_SOURCE_BYTES and one more, to see it end):
 * UTF-8, refused at its first byte that is not; empty or too large, refused too. `where` names
 * the file in a message; `standardInput` says it is the pipe of -f -.
 */
export function sourceText(bytes: Uint8Array, where: Said, standardInput = false): string {
  if (bytes.length > MAX_SOURCE_BYTES) throw new InputError(text('sourceTooLarge', where, MAX_SOURCE_BYTES / 2 ** 20));
  if (bytes.length === 0) throw new InputError(standardInput ? text('stdinEmpty') : text('sourceEmpty', where));
  return programText(decodeUtf8(bytes, where));
}

/**
 * A program as backprop reads it: a Windows editor's byte order mark is no part of it, and
 * café typed with é composed or as e and an accent is one name, so the text is read in one
 * form, NFC.
 */
export function programText(given: string): string {
  return nfc(given.replace(/^\uFEFF/, ''));
}

/**
 * Text in NFC. Latin-1 alone is in NFC already (only characters from U+0300 up combine), and
 * V8 tells a Latin-1 string without reading it, where an ASCII test reads 44 MB.
 */
export function nfc(given: string): string {
  return /[^\x00-\xff]/.test(given) ? given.normalize('NFC') : given;
}

/** The UTF-8 text of bytes (a file, a line); text that is not UTF-8 is refused at the first byte that is not. */
export function decodeUtf8(given: Uint8Array, where: Said): string {
  const bytes = Buffer.from(given.buffer, given.byteOffset, given.length);
  const decoded = bytes.toString('utf8');
  if (!decoded.includes('\uFFFD') || isUtf8(bytes)) return decoded;
  const offset = firstNotUtf8(bytes, decoded);
  throw new InputError(text('notUtf8', where, offset, hex(bytes[offset])));
}

/**
 * Refuses a command-line argument whose bytes, as the system gave them, are not UTF-8: the
 * argument itself (`word`) holds U+FFFD in their place, as Node decoded it.
 */
export function checkArgument(word: string, given: Uint8Array): void {
  const bytes = Buffer.from(given.buffer, given.byteOffset, given.length);
  if (isUtf8(bytes)) return;
  const offset = firstNotUtf8(bytes, bytes.toString('utf8'));
  throw new InputError(text('argumentNotUtf8', cut(word), offset, hex(bytes[offset])));
}

/** Where the first byte that is no part of a character is, in bytes that are not UTF-8 and their text as decoded. */
function firstNotUtf8(bytes: Buffer, decoded: string): number {
  // Up to the first malformed sequence, each character is its UTF-8 bytes: count them.
  let offset = 0;
  for (const char of decoded) {
    if (char === '\uFFFD' && !bytes.subarray(offset, offset + 3).equals(REPLACEMENT)) break;
    offset += Buffer.byteLength(char);
  }
  return offset;
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

/** How much of a long line an excerpt shows on each side of the caret. */
const WINDOW = 40;

/**
 * An input error at `offset` in `text`: the message says where, the excerpt shows that line
 * with a caret under the column, as compilers do. Generated programs can have a line of
 * megabytes: only a window of some characters each side of the column is looked at.
 */
export function errorAt(source: string, offset: number, message: Said, name?: string): InputError {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const newline = source.indexOf('\n', offset);
  const lineEnd = newline < 0 ? source.length : newline;
  // Twice the window in UTF-16 units, and one more, hold more than the window in characters
  // (a character is one unit or two): the window's characters are those of the whole line.
  const before = [...source.slice(Math.max(lineStart, offset - 2 * WINDOW - 1), offset)];
  let after = [...source.slice(offset, Math.min(lineEnd, offset + 2 * WINDOW + 2))];
  const head = before.length > WINDOW ? ['…', ...before.slice(-WINDOW)] : before;
  if (after.length > WINDOW) after = [...after.slice(0, WINDOW), '…'];
  if (after.at(-1) === '\r') after.pop();
  const excerpt = `  ${[...head, ...after].map(shown).join('')}\n  ${underline(head)}^`;
  return new InputError(text('at', message, where(source, offset)), { excerpt, ...position(source, offset), name: name === undefined ? undefined : cut(name) });
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
  // Characters, not UTF-16 units: the second half of a pair is no column of its own.
  let column = offset - lineStart + 1;
  for (let i = lineStart + 1; i < offset; i++) if (isSecondHalf(text, i)) column--;
  return { line, column };
}

function isSecondHalf(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xdc00 || code > 0xdfff) return false;
  const before = text.charCodeAt(i - 1);
  return before >= 0xd800 && before <= 0xdbff;
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
