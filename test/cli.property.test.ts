import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Run } from './run.js';
import { runInProcess } from './io.js';
import { RUNS, TIMEOUT } from './runs.js';
import { expectValid } from './schema.js';

const RECEIPT = ['apple=100x2', 'orange=150x3', 'tax=1.1'];

/** Command lines that work, to be mutated. */
const valid: { argv: string[]; stdin?: string }[] = [
  { argv: RECEIPT },
  { argv: [...RECEIPT, '--batch'], stdin: '{"apple": 120}\n{"tax": 1.08}\n' },
  { argv: ['y = log(x) * w', 'w=2', '--batch', '--fail-fast'], stdin: '{"x": 1}\n{"x": 0}\n{"x": 3}\n' },
  { argv: ['apple=100x2', 'tax=1.1', 'coupon=-20', 'shipping=+5', '--all'] },
  { argv: ['x*y', 'x=2', 'y=3'] },
  { argv: ['-e', 'z = w*x + b; y = sigmoid(z)', 'w=2', 'x=0.5', 'b=-1', '--steps'] },
  { argv: ['--json', ...RECEIPT, '--graph'] },
  { argv: ['-f', '-', 'x=3'], stdin: 'y = x*x + x  # fan-out\n' },
  { argv: [...RECEIPT, '--steps', '--graph', '--precision', '4'] },
  { argv: ['x^2 / (1 + exp(-x))', 'x=3', '--format', 'dot'] },
  { argv: ['relu(x) * log(y)', 'x=1', 'y=2', '--check', '--format', 'mermaid'] },
];

/** Words that have broken command-line programs before: empty, lone, huge, odd, or special to JavaScript. */
const odd = fc.constantFrom(
  '', '=', 'x', '=5', 'x=', 'x==1', '__proto__=1', 'constructor=2', 'toString', 'hasOwnProperty=3', 'x=1e999',
  'x=-0', 'x=NaN', 'x=Infinity', 'apple=1e308x10', '9'.repeat(400), 'x'.repeat(5000), '--', '-', '-f', '-e', '--precision',
  '0', '99', '--format', 'pdf', '(', ')', '((((', '×', '÷', '−', '∂', '사과=1x1', '\u0000', '\n', ';', '#', '--check',
  '--all', '--color', '--no-color', '--json', '--steps', '--graph', '-V', '--help', '--nope', 'log(0)', '0^-1', '1/0',
  '--batch', '--fail-fast', 'data.csv',
  // Control characters, bidi overrides and invisible characters, which must never reach a terminal raw.
  '\x1b[2J', '\x1b]0;owned\x07', 'x=\x1b[31m1', '\x9b2J', '\x7f', '\u202e', 'x\u202e', 'a\u200db=1', '\ufeffx', 'a\u3164', 'a＋b', '\ud800',
  // Huge words.
  '9'.repeat(100_000), 'x'.repeat(100_000), `a=${'1'.repeat(100_000)}x2`, `y = ${'-'.repeat(100_000)}x`, '('.repeat(20_000),
);
const word = fc.oneof(odd, fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 }));

type Mutation = (argv: string[]) => string[];
const at = (argv: string[], position: number) => (argv.length === 0 ? 0 : position % argv.length);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), word).map(([p, w]): Mutation => (argv) => argv.toSpliced(at(argv, p), 0, w)),
  fc.nat().map((p): Mutation => (argv) => argv.toSpliced(at(argv, p), 1)),
  fc.nat().map((p): Mutation => (argv) => argv.toSpliced(at(argv, p), 0, argv[at(argv, p)] ?? '')),
  fc.tuple(fc.nat(), fc.nat()).map(([p, cut]): Mutation => (argv) => argv.map((w, i) => (i === at(argv, p) ? w.slice(0, cut % (w.length + 1)) : w))),
  fc.tuple(fc.nat(), word).map(([p, w]): Mutation => (argv) => argv.map((old, i) => (i === at(argv, p) ? w : old))),
  fc.tuple(fc.nat(), word).map(([p, w]): Mutation => (argv) => argv.map((old, i) => (i === at(argv, p) ? old + w : old))),
);

const mutated = fc.tuple(fc.constantFrom(...valid), fc.array(mutation, { maxLength: 4 }), fc.string({ maxLength: 20 })).map(
  ([{ argv, stdin }, mutations, noise]) => ({ argv: mutations.reduce((words, m) => m(words), argv), stdin: stdin ?? noise }),
);
const random = fc.record({ argv: fc.array(word, { maxLength: 6 }), stdin: fc.string({ maxLength: 40 }) });

/** Program bytes for -f -: any bytes, mostly not UTF-8, or text with controls and bidi overrides. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 60 }).map((array) => Buffer.from(array)),
  fc.string({ unit: 'binary', maxLength: 60 }).map((text) => Buffer.from(`y = x * 2 ${text}`)),
  fc.tuple(fc.string({ maxLength: 10 }), fc.integer({ min: 0x80, max: 0xff })).map(([text, byte]) => Buffer.concat([Buffer.from(`y = ${text}`), Buffer.from([byte])])),
);
const programFiles = fc.record({ argv: fc.constant<string[]>(['-f', '-', 'x=1']), stdin: bytes });

/** What a terminal would obey in output: control characters other than a line break, bidi and line separators. */
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** What every run owes its caller, whatever it was given. */
function expectWellBehaved({ status, stdout, stderr }: Run): void {
  expect([0, 1, 2]).toContain(status);
  expect(stderr).not.toMatch(RAW_CONTROL);
  expect(stdout.replace(/\x1b\[[\d;]*m/g, '')).not.toMatch(RAW_CONTROL);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('internal error');
  // A batch's lines are written as they are computed, failed ones too: each is valid. Standard
  // error then holds at most the notes on the receipt (a receipt word that looks like an amount).
  if (status === 1 && stdout !== '' && /^(note: .*\n( {4}.*\n)*)*$/.test(stderr)) {
    for (const line of stdout.trimEnd().split('\n')) expectValid('batchLine', line);
    return;
  }
  if (status === 0) return;
  // Under --json the error is one JSON object, else one error: line.
  const json = stderr.startsWith('{');
  const message = json ? `error: ${JSON.parse(stderr).error.message}` : stderr;
  // The outputs a failure prints whole: --check's disagreement, a gradient that is no number.
  if (!/^error: (--check: |∂)/.test(message)) expect(stdout).toBe('');
  if (json) {
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expectValid('errorObject', stderr);
  } else {
    expect(stderr).toMatch(/^error: \S/);
    expect(stderr.match(/^error:/gm)).toHaveLength(1);
  }
}

test(`mutated and random command lines and program bytes end with status 0, 1 or 2, one error line, no trace, nothing raw on the terminal (${RUNS} cases each)`, async () => {
  for (const argvs of [mutated, random, programFiles]) {
    await fc.assert(
      fc.asyncProperty(argvs, async ({ argv, stdin }) => expectWellBehaved(await runInProcess(argv, { stdin }))),
      { numRuns: RUNS },
    );
  }
}, TIMEOUT);

test('a batch with a failed line, of a receipt with a note, is well behaved', async () => {
  const run = await runInProcess(['apple=10', 'orange=150x3', '--batch'], { stdin: '{"apple": 120}\n{"tax": 1.08}\n' });
  expect(run.stderr).toMatch(/^note: 'apple=10'/);
  expectWellBehaved(run);
});

test('names such as __proto__ and constructor stay names: no object is polluted', async () => {
  const run = await runInProcess(['__proto__ * constructor', '__proto__=2', 'constructor=3', '--json']);
  expect(JSON.parse(run.stdout).gradients).toEqual(JSON.parse('{"__proto__": 3, "constructor": 2}'));
  expect(({} as Record<string, unknown>).constructor).toBe(Object);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  const receipt = await runInProcess(['__proto__=1x2', 'tax=1.1', '--json']);
  expect(Object.keys(JSON.parse(receipt.stdout).inputs)).toEqual(['__proto__', '__proto___num', 'tax']);
});
