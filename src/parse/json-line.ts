import { cut, InputError } from '../errors.js';
import { text, type Said } from '../messages/index.js';
import { nfc } from './source.js';

/** One line of --batch input, read: the input values it gives, and what it asks to be echoed. */
export interface ValuesLine {
  /** Input names (NFC, as a program's names are) and what the line gives each, as JSON read it. */
  values: [name: string, value: unknown][];
  /** `id` and the keys that start with `_`, with their JSON text: echoed in the line's output. */
  echoed: [key: string, json: string][];
}

/** Whether a key of a line is the caller's, to be echoed rather than read as an input. */
function isEchoed(key: string): boolean {
  return key === 'id' || key.startsWith('_');
}

/**
 * A line of --batch input: a JSON object of input values. JSON.parse reads it; where it
 * cannot, the line is read again here to say where and what was found, in backprop's words
 * (V8's own messages differ from version to version and name no column).
 */
export function readValuesLine(line: string): ValuesLine {
  if (line.trim() === '') throw new InputError(text('lineEmpty'), { code: 'empty-line' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new InputError(text('notJson', whereJsonFails(line)), { code: 'not-json' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(text('notObject', preview(parsed)), { code: 'not-object' });
  }
  const values: ValuesLine['values'] = [];
  const echoed: ValuesLine['echoed'] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (!isEchoed(key)) values.push([nfc(key), value]);
    else if (nesting(value) > MAX_ECHO_NESTING) throw new InputError(text('echoTooDeep', cut(key), MAX_ECHO_NESTING), { name: key });
    else echoed.push([key, JSON.stringify(value)]);
  }
  return { values, echoed };
}

/** How deep an echoed value may nest: JSON.stringify recurses, and a line may nest a million deep. */
const MAX_ECHO_NESTING = 100;

/** How deeply arrays and objects nest in a value read from JSON, found without recursion. */
function nesting(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_ECHO_NESTING) break;
    for (const inner of Object.values(item)) stack.push([inner, depth + 1]);
  }
  return deepest;
}

/**
 * A value read from JSON as a message shows it: its JSON, cut after `most` characters with …,
 * written without recursion and no further than that, however large or deep the value.
 */
export function preview(value: unknown, most = 40): string {
  let shown = '';
  /** What is left to write, last first: a value, or the punctuation between and after values. */
  const stack: unknown[] = [value];
  const PUNCTUATION = Symbol('punctuation');
  while (stack.length > 0 && shown.length <= most) {
    const item = stack.pop();
    if (Array.isArray(item) && item[0] === PUNCTUATION) shown += item[1];
    else if (Array.isArray(item)) {
      shown += '[';
      stack.push([PUNCTUATION, ']']);
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i], ...(i > 0 ? [[PUNCTUATION, ',']] : []));
    } else if (typeof item === 'object' && item !== null) {
      shown += '{';
      stack.push([PUNCTUATION, '}']);
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i--) stack.push(entries[i][1], [PUNCTUATION, `${JSON.stringify(entries[i][0])}:`], ...(i > 0 ? [[PUNCTUATION, ',']] : []));
    } else shown += JSON.stringify(item) ?? String(item);
  }
  return cut(shown, most);
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Where a line that is not JSON first goes wrong, and what JSON expected there: `at column 7,
 * expected a value, found '}'`. A validating scan with a stack of its own, no recursion, so a
 * line nested a million deep is only data.
 */
function whereJsonFails(line: string): Said {
  /** The containers open, innermost last: '{' or '['. */
  const open: string[] = [];
  let at = 0;
  const skip = () => {
    while (WHITESPACE.has(line[at])) at++;
  };
  const fail = (expected: Said): Said => {
    const found = at >= line.length ? text('endOfLine') : `'${cut(String.fromCodePoint(line.codePointAt(at)!))}'`;
    return text('jsonExpected', at + 1, expected, found);
  };
  /** Reads a string from its opening quote; gives a failure, or undefined when it is whole. */
  const string = (): Said | undefined => {
    for (at++; at < line.length; at++) {
      const c = line[at];
      if (c === '"') {
        at++;
        return undefined;
      }
      if (c === '\\') {
        ESCAPE.lastIndex = at;
        if (!ESCAPE.test(line)) return fail(text('jsonEscape'));
        at = ESCAPE.lastIndex - 1;
      } else if (c < ' ') return fail(text('jsonStringEnd'));
    }
    return fail(text('jsonStringEnd'));
  };
  /** What comes next: a value, an object's key (and its colon), or what follows a value. */
  let next: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skip();
    const c = line[at];
    if (next === 'key') {
      if (c !== '"') return fail(text('jsonKey'));
      const failed = string();
      if (failed !== undefined) return failed;
      skip();
      if (line[at] !== ':') return fail("':'");
      at++;
      next = 'value';
    } else if (next === 'value') {
      next = 'after';
      if (c === '{' || c === '[') {
        at++;
        skip();
        // An empty container is a whole value; any other waits for its first key or value.
        if (line[at] === (c === '{' ? '}' : ']')) at++;
        else {
          open.push(c);
          next = c === '{' ? 'key' : 'value';
        }
      } else if (c === '"') {
        const failed = string();
        if (failed !== undefined) return failed;
      } else {
        const literal = ['true', 'false', 'null'].find((word) => line.startsWith(word, at));
        NUMBER.lastIndex = at;
        if (literal !== undefined) at += literal.length;
        else if (NUMBER.test(line)) at = NUMBER.lastIndex;
        else return fail(text('jsonValue'));
      }
    } else {
      const container = open.at(-1);
      if (container === undefined) return at < line.length ? fail(text('endOfLine')) : text('jsonUnknown');
      const close = container === '{' ? '}' : ']';
      if (c === close) {
        open.pop();
        at++;
      } else if (c === ',') {
        at++;
        next = container === '{' ? 'key' : 'value';
      } else return fail(`',' or '${close}'`);
    }
  }
}
