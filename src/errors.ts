import { en, type Messages } from './messages/en.js';
import { isText, say, type Said, type Text } from './messages/text.js';
import { lazy } from './lazy.js';

/** What failed: the input, the math, a --check comparison, or writing the output. */
export type ErrorKind = 'input' | 'math' | 'check' | 'output';

/** Where a failure is and what it is about, kept as data for the JSON error object. */
export interface ErrorDetails {
  /** The lines shown under the message: the source line and a caret, for parse errors. */
  excerpt?: string;
  /** Line and column in the program's source, counted from 1, columns in characters. */
  line?: number;
  column?: number;
  /** The input or name the failure is about. */
  name?: string;
  /** The line of a CSV file of --batch, counted from 1, that the failure is in. */
  csvLine?: number;
  /** What failed, for a program to branch on: the message's own code unless given. */
  code?: string;
}

/**
 * A failure the user can fix, with the exit status the README gives it and its kind. What it
 * says is kept as a message key and its parts, put in words in the reader's language by
 * `said`; `message` is the English.
 */
export class BackpropError extends Error {
  readonly what: Said;
  readonly details: ErrorDetails;
  /** A stable name for what failed, for programs: `no-value`, `not-json`, `never-closed`. */
  readonly code: string;

  constructor(
    what: Said,
    readonly status: 1 | 2,
    readonly kind: ErrorKind,
    details: ErrorDetails = {},
  ) {
    // A word or a name of megabytes is not repeated whole, however the message came to hold it.
    const bounded = cutParts(what);
    super(say(bounded));
    this.what = bounded;
    this.details = details.name === undefined ? details : { ...details, name: cut(details.name, PART) };
    this.code = details.code ?? codeOf(what, kind);
  }

  /** The message in the words of a catalogue. */
  said(words: Messages = en): string {
    return say(this.what, words);
  }

  get excerpt(): string | undefined {
    return this.details.excerpt;
  }
}

/** Messages that only wrap another, which says what failed: a hint added, where it is. */
const WRAPPERS = new Set(['withHint', 'at', 'sentence', 'andMoreGradients']);

/**
 * The code of a message: its key in the catalogue, in kebab case (`noValue` is `no-value`),
 * looked for inside the messages that only wrap another. A message said the same in every
 * language has no key: its code is the kind of failure.
 */
function codeOf(said: Said, kind: ErrorKind): string {
  if (typeof said === 'string') return kind;
  if (WRAPPERS.has(said.key) && isText(said.parts[0])) return codeOf(said.parts[0], kind);
  return said.key.replace(/([a-z0-9])(?=[A-Z][a-z])/g, '$1-').toLowerCase();
}

/** The most characters of a word, a name or a value that a message shows. */
const PART = 100;

/** A message with each of its parts (words, names, values, and the parts of the messages in it) cut to PART characters. */
function cutParts(said: Said): Said {
  if (typeof said === 'string') return said;
  const parts = said.parts.map((part) => (typeof part === 'string' ? cutPart(part) : isText(part) ? cutParts(part) : part));
  return { key: said.key, parts } as Text;
}

/** A part of a message cut to PART characters; a word in quotes keeps its closing quote. */
function cutPart(part: string): string {
  const quoted = part.length > 2 && part.startsWith("'") && part.endsWith("'");
  return quoted ? `'${cut(part.slice(1, -1), PART)}'` : cut(part, PART);
}

/** A word or name as a message repeats it: cut after `most` characters, with …, if longer. */
export function cut(text: string, most = 40): string {
  if (text.length <= most) return text;
  // Not between the two halves of a character.
  const end = /[\uD800-\uDBFF]/.test(text[most - 1]) ? most - 1 : most;
  return `${text.slice(0, end)}…`;
}

/** Status 2: a bad argument, a parse error, an unknown name, an unreadable file. */
export class InputError extends BackpropError {
  constructor(message: Said, details?: ErrorDetails) {
    super(message, 2, 'input', details);
  }
}

/** Status 1: the numbers went wrong (overflow, 1/0, log of a non-positive number). */
export class MathError extends BackpropError {
  constructor(message: Said, details?: ErrorDetails) {
    super(message, 1, 'math', details);
  }
}

/** Status 1: --check found backprop and the numerical gradient apart. */
export class CheckError extends BackpropError {
  constructor(message: Said, details?: ErrorDetails) {
    super(message, 1, 'check', details);
  }
}

/** Status 1 too: the result was computed but could not be written (a full disk, a size limit). */
export class OutputError extends BackpropError {
  constructor(message: Said) {
    super(message, 1, 'output');
  }
}

/**
 * The error object a program reads under --json and --batch; keys that do not apply are left
 * out. Its message is in English whatever the reader's language, as all of JSON is the same in
 * every language: a script may match it, a log of any machine reads alike.
 */
export interface ErrorObject {
  error: {
    status: number;
    kind: ErrorKind | 'internal';
    code: string;
    message: string;
    line?: number;
    column?: number;
    name?: string;
    csv_line?: number;
  };
}

export function errorObject(error: BackpropError): ErrorObject {
  const { line, column, name, csvLine } = error.details;
  return { error: { status: error.status, kind: error.kind, code: error.code, message: error.message, line, column, name, csv_line: csvLine } };
}

/**
 * Characters that a terminal obeys rather than shows, or that hide or reorder what follows:
 * control characters (C0, DEL, C1), format characters (bidi overrides, zero-width joiners,
 * the BOM), line and paragraph separators, and halves of surrogate pairs.
 */
const UNPRINTABLE = lazy(() => /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu);
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from the user made safe to echo: every character in UNPRINTABLE written as an escape
 * (`\x1b`, `\u202e`, `\n`), so that an error message about a file can neither retitle nor
 * clear the terminal, reorder the line, or run over several lines. Everything else is kept.
 * For JSON text (`json`), the escapes are JSON's own (`\u001b`): the document reads the same.
 */
export function printable(text: string, json = false): string {
  return text.replace(UNPRINTABLE(), (char) => {
    if (json) return Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
    const code = char.codePointAt(0)!;
    const hex = code.toString(16);
    return NAMED[char] ?? (code < 0x100 ? `\\x${hex.padStart(2, '0')}` : code < 0x10000 ? `\\u${hex.padStart(4, '0')}` : `\\u{${hex}}`);
  });
}
