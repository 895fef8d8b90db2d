import { describe, expect, test } from 'vitest';
import { CheckError, errorObject, InputError, MathError, OutputError, printable } from '../src/errors.js';
import { text } from '../src/messages/index.js';
import { report, type Report } from '../src/report.js';
import { runInProcess } from './io.js';
import { wrongSquare } from './wrong.js';

describe('the error object', () => {
  test('carries status, kind, code, message and only the details that apply', () => {
    expect(errorObject(new InputError('bad', { line: 2, column: 5, excerpt: '  x\n  ^' }))).toEqual({
      error: { status: 2, kind: 'input', code: 'input', message: 'bad', line: 2, column: 5, name: undefined, csv_line: undefined },
    });
    expect(JSON.stringify(errorObject(new MathError('1 ÷ 0', { name: 'y' })))).toBe('{"error":{"status":1,"kind":"math","code":"math","message":"1 ÷ 0","name":"y"}}');
    expect(errorObject(new CheckError('apart')).error).toMatchObject({ status: 1, kind: 'check' });
    expect(errorObject(new OutputError('full')).error).toMatchObject({ status: 1, kind: 'output' });
  });

  test('its code is the message’s, in kebab case, looked for inside a hint or a place', () => {
    expect(new InputError(text('noValue', "'x'", 1, 'x')).code).toBe('no-value');
    expect(new InputError(text('at', text('neverClosed', '('), text('where', 1, 5))).code).toBe('never-closed');
    expect(new InputError(text('withHint', text('unknownOption', '-v'), text('seeHelp'))).code).toBe('unknown-option');
    expect(new MathError(text('computedNaN', 'y', '0 ÷ 0', 'NaN')).code).toBe('computed-nan');
    expect(new InputError(text('notUtf8', 'f', 3, 'ff')).code).toBe('not-utf8');
    expect(new InputError('plain', { code: 'shape-mismatch' }).code).toBe('shape-mismatch');
  });
});

test('an error never repeats a long word or name whole: each part of its message, and its name, is cut after 100 characters', async () => {
  const long = 'a'.repeat(1000);
  const error = new InputError(text('namesBoth', long, `'${long}=1x2'`, text('quantityOf', `'${long}=1x2'`)), { name: long });
  const cut = `${'a'.repeat(100)}…`;
  expect(error.message).toBe(`'${cut}' names both '${cut}' and the quantity of '${cut}': rename one of them`);
  expect(error.details.name).toBe(`${'a'.repeat(100)}…`);
  for (const argv of [[`${long}=1x2`, `${long}=2x3`], ['-e', 'y = 2*x', 'x=1', `${long}=2`], [`${long}=1y2`], ['--json', `${long}=1x2`, `${long}=2x3`]]) {
    const run = await runInProcess(argv);
    expect(run.status).toBe(2);
    expect(run.stderr.length, run.stderr).toBeLessThan(600);
  }
});

test('printable escapes every character a terminal would obey, and keeps the rest', () => {
  expect(printable('x = )  # \x1b]0;owned\x07\x1b[2J')).toBe('x = )  # \\x1b]0;owned\\x07\\x1b[2J');
  expect(printable('a\nb\tc\r')).toBe('a\\nb\\tc\\r');
  expect(printable('\x00\x7f\x80\x9b')).toBe('\\x00\\x7f\\x80\\x9b');
  expect(printable('abc\u202edef\u2066\u200d\ufeff\u2028')).toBe('abc\\u202edef\\u2066\\u200d\\ufeff\\u2028');
  expect(printable('\ud800 \u{e0001}')).toBe('\\ud800 \\u{e0001}');
  expect(printable('사과 ∂price/∂apple × 2 … café 🍎')).toBe('사과 ∂price/∂apple × 2 … café 🍎');
});

describe('under --json, a failure is one JSON object on stderr, and stdout stays empty', () => {
  test.each([
    [['x*(y', 'x=1', 'y=2'], { status: 2, kind: 'input', message: "this '(' is never closed: add ')' (line 1, column 3)", line: 1, column: 3 }],
    [['-e', 'a = 1\nb = a +', 'a=2'], { status: 2, kind: 'input', line: 2, column: 8 }],
    [['x*y', 'x=1'], { status: 2, kind: 'input', line: 1, column: 3, name: 'y' }],
    [['x', 'x=1', 'z=3'], { status: 2, kind: 'input', name: 'z' }],
    [['x = 1; x = 2'], { status: 2, kind: 'input', line: 1, column: 8, name: 'x' }],
    [['y = 1/x', 'x=0'], { status: 1, kind: 'math', message: 'y is infinite: 1 ÷ 0 = Infinity', name: 'y' }],
    [['--nope'], { status: 2, kind: 'input', message: "unknown option '--nope' (Did you mean --mode?) (see backprop --help)" }],
  ])('%j', async (argv, error) => {
    for (const flags of [['--json'], ['--format', 'json'], ['--format=json']]) {
      const run = await runInProcess([...flags, ...argv]);
      expect(run.status).toBe(error.status);
      expect(run.stdout).toBe('');
      expect(run.stderr.endsWith('}\n') && run.stderr.split('\n')).toHaveLength(2);
      expect(JSON.parse(run.stderr).error).toMatchObject(error);
    }
  });

  test('--check gives its document whole when it disagrees, and the check error for status 1', async () => {
    // No layer of backprop's own disagrees: one with a wrong backward, built by hand.
    const reported = (await report(wrongSquare(2), { format: 'json', check: true, color: false, width: 80 })) as Report;
    expect(JSON.parse([...reported.output].join('')).check.inputs.x.verdict).toBe('disagrees');
    expect(errorObject(reported.failure!)).toMatchObject({ error: { status: 1, kind: 'check', code: 'check-disagrees', name: 'x' } });
  });

  test('without --json the error: line and the caret stay as they are', async () => {
    const run = await runInProcess(['x*(y', 'x=1', 'y=2']);
    expect(run.stderr).toBe("error: this '(' is never closed: add ')' (line 1, column 3)\n  x*(y\n    ^\n");
  });
});

test('in JSON text, printable uses JSON escapes: the document reads back the same', () => {
  const text = JSON.stringify({ message: 'a\u202eb\x9b\x7f\u{e0001}' });
  const safe = printable(text, true);
  expect(safe).toBe('{"message":"a\\u202eb\\u009b\\u007f\\udb40\\udc01"}');
  expect(JSON.parse(safe)).toEqual(JSON.parse(text));
});
