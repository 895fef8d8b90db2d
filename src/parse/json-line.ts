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
 * A line of --batch input: a JSON object of input values. A line of plain values is read
 * here, member by member (PlainObject); any other line JSON.parse reads, and where it cannot,
 * the line is read again here to say where and what was found, in backprop's words (V8's own
 * messages differ from version to version and name no column). The values are in the order
 * written, and a name may come twice (the last value counts, as JSON.parse would have it);
 * an echoed key counts once, where it is first written, with its last value.
 */
export function readValuesLine(line: string): ValuesLine {
  if (line.trim() === '') throw new InputError(text('lineEmpty'), { code: 'empty-line' });
  const values: ValuesLine['values'] = [];
  const echoed = new Map<string, string>();
  for (const member of new PlainObject(line).members() ?? parsedMembers(line)) {
    const [key, value] = member;
    if (!isEchoed(key)) {
      member[0] = nfc(key);
      values.push(member);
    } else if (nesting(value) > MAX_ECHO_NESTING) throw new InputError(text('echoTooDeep', cut(key), MAX_ECHO_NESTING), { name: key });
    else echoed.set(key, JSON.stringify(value));
  }
  return { values, echoed: [...echoed] };
}

/** The members of a line that JSON.parse reads, as an object; a line that is JSON but no object, or no JSON, is refused. */
function parsedMembers(line: string): [string, unknown][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new InputError(text('notJson', whereJsonFails(line)), { code: 'not-json' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(text('notObject', preview(parsed)), { code: 'not-object' });
  }
  return Object.entries(parsed);
}

/** What PlainObject.value() gives where there is no plain value. */
const NONE = Symbol('none');
const LITERALS = new Map<string, unknown>([['true', true], ['false', false], ['null', null]]);
const CONTROL = /[\x00-\x1f]/;

/**
 * A line read as a JSON object of plain values (numbers, strings, true, false, null), from
 * `at` on: its members in the order written, or undefined for any other line (a value that is
 * an object or an array, or text that is not JSON), which JSON.parse then reads. Read so, an
 * object of a million keys costs a list of a million pairs: JSON.parse would build it as a
 * dictionary, which takes seconds to list and hundreds of megabytes to hold.
 */
class PlainObject {
  private at = 0;

  constructor(private readonly line: string) {}

  members(): [string, unknown][] | undefined {
    const members: [string, unknown][] = [];
    if (!this.next('{')) return undefined;
    if (!this.next('}')) {
      do {
        const key = this.string();
        if (key === undefined || !this.next(':')) return undefined;
        const value = this.value();
        if (value === NONE) return undefined;
        members.push([key, value]);
      } while (this.next(','));
      if (!this.next('}')) return undefined;
    }
    this.blank();
    return this.at === this.line.length ? members : undefined;
  }

  /** Whether `char` comes next, past blanks; if it does, it is read. */
  private next(char: string): boolean {
    this.blank();
    if (this.line[this.at] !== char) return false;
    this.at++;
    return true;
  }

  /** Reads the blanks that JSON allows between its tokens. */
  private blank(): void {
    while (WHITESPACE.has(this.line[this.at])) this.at++;
  }

  /** The JSON string that comes next, past blanks, read; undefined if none does. */
  private string(): string | undefined {
    this.blank();
    const { line, at } = this;
    if (line[at] !== '"') return undefined;
    let end = line.indexOf('"', at + 1);
    // A quote after an odd number of backslashes is escaped: the string goes on.
    while (end >= 0 && backslashes(line, end) % 2 === 1) end = line.indexOf('"', end + 1);
    if (end < 0) return undefined;
    this.at = end + 1;
    const inner = line.slice(at + 1, end);
    if (!inner.includes('\\')) return CONTROL.test(inner) ? undefined : inner;
    try {
      return JSON.parse(line.slice(at, end + 1)) as string;
    } catch {
      return undefined;
    }
  }

  /** The plain value that comes next, past blanks, read; NONE if none does. */
  private value(): unknown {
    this.blank();
    if (this.line[this.at] === '"') return this.string() ?? NONE;
    NUMBER.lastIndex = this.at;
    const number = NUMBER.exec(this.line);
    if (number !== null) {
      this.at = NUMBER.lastIndex;
      return Number(number[0]);
    }
    for (const [word, literal] of LITERALS) {
      if (!this.line.startsWith(word, this.at)) continue;
      this.at += word.length;
      return literal;
    }
    return NONE;
  }
}

/** How many backslashes come just before `at`. */
function backslashes(line: string, at: number): number {
  let count = 0;
  while (at - count - 1 >= 0 && line.charCodeAt(at - count - 1) === 0x5c) count++;
  return count;
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
