/**
 * npm run stress: programs of about 10 MB in the shapes that once cost quadratic time or
 * gigabytes (long chains, wide sums, long lines, deep unary minus, huge names, a power tower,
 * a million names), each through every mode and format: the table, --json, the views, the
 * pictures, --check, --nudge, --train, and --batch with JSON and CSV lines, --steps, --graph
 * and --check; then --batch given a line of 600 MB and the endless /dev/zero, and the runs that
 * once took minutes in one mode: thousands of nudges, --train on thousands of inputs and on a
 * sum of 300,000 products for 1,000 epochs. Each run must
 * end within the time limit and a gigabyte of memory (its peak resident size, as the process
 * itself reports it), with status 0, 1 or 2, one clean error line at most, and nothing on
 * stdout when it refuses.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/backprop.js', import.meta.url));
const SIZE = 10 * 2 ** 20;
const SECONDS = 20;
const MOST_MEMORY = 2 ** 30;
/** Loaded before backprop: on its way out, the process writes its peak resident size (KiB) to descriptor 3. */
const PEAK = `data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>{try{writeSync(3,String(process.resourceUsage().maxRSS))}catch{}})`;

function repeat(make: (i: number) => string, bytes: number): string {
  const parts: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const part = make(i);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

/** A program, the input its --nudge moves, and what --batch reads: JSON lines, and CSV. */
interface Shape {
  program: string;
  nudge?: string;
  lines?: string;
  csv?: string;
}

/** make(0), …, make(n − 1), joined. */
const times = (n: number, make: (i: number) => string, between = '') => Array.from({ length: n }, (_, i) => make(i)).join(between);
/** n inputs and the sum of their squares: --train's and --nudge's tables have a row an input. */
const squares = (n: number) => `${times(n, (i) => `x${i} = ${i % 7}\n`)}y = ${times(n, (i) => `x${i}*x${i}`, ' + ')}\n`;

const name = 'a'.repeat(SIZE / 2 - 16);
const hangul = '가'.repeat(30_000);
const million = Array.from({ length: 1_000_000 }, (_, i) => `a${i}`);
const shapes: Record<string, Shape> = {
  'long chain': { program: `v0 = 1\n${repeat((i) => `v${i + 1} = v${i} * 1.0001 + 1\n`, SIZE)}`, nudge: 'v0' },
  'wide sum': (() => {
    const inputs = repeat((i) => `x${i} = ${i}\n`, SIZE / 2);
    const count = inputs.split('\n').length - 1;
    return { program: `${inputs}y = ${Array.from({ length: count }, (_, i) => `x${i}`).join(' + ')}\n`, nudge: 'x0' };
  })(),
  'long line': { program: `x = 1; y = x${' + x'.repeat(SIZE / 4)}\n` },
  // An error's excerpt and message look at a window around the column, wherever it is on the line.
  'long line, error at its end': { program: `x = 1; y = x${' + x'.repeat(SIZE / 4)} * )\n` },
  'long line, error at its start': { program: `x = 1; y = x * )${' + x'.repeat(SIZE / 4)}\n` },
  'deep unary': { program: `x = 2\ny = ${'-'.repeat(SIZE - 16)}x\n` },
  'huge name': { program: `${name} = 2\ny = ${name} * 3\n` },
  'huge name, error': { program: `${name} = 2\ny = ${name} * )\n` },
  // Each step names its arguments: the text of --steps is many times the program's.
  'long names, many lines': { program: `${name.slice(0, SIZE / 20)} = 1.01\ny = ${Array(18).fill(name.slice(0, SIZE / 20)).join(' * ')}\n` },
  // x^x^…^x, nested to the right: each power's gradient is a power's, and underflows to 0.
  'power tower': { program: `x = 1.0001\ny = x${'^x'.repeat((SIZE - 20) / 2)}\n` },
  // Hangul is two columns a letter: every table and line measures it.
  'a Hangul name': { program: `${hangul} = 2\ny = ${hangul} * 3\n`, nudge: hangul },
  '8,000 inputs': { program: squares(8000), nudge: 'x0' },
  // A million names that only the lines give: a line of --batch of 17 MB, a CSV header of 7.
  'a million names': {
    program: `y = ${million.join(' + ')}\n`,
    nudge: 'a0',
    lines: `{${million.map((input, i) => `"${input}":${i % 10}`).join(',')}}\n`,
    csv: `${million.join(',')}\n${million.map((_, i) => i % 10).join(',')}\n`,
  },
};

/** Every mode and format, as the words that ask for it; `batch` where it reads lines (`csv`: as CSV). */
const modes: { words: (shape: Shape) => string[]; batch?: 'json' | 'csv' }[] = [
  ...[[], ['--json'], ['--all'], ['--steps'], ['--graph'], ['--graph', '--json'], ['--steps', '--json'], ['--check']].map((words) => ({ words: () => words })),
  ...['dot', 'mermaid', 'svg', 'html'].map((format) => ({ words: () => ['--format', format] })),
  { words: (shape) => ['--nudge', `${shape.nudge ?? 'x'}=+1`] },
  { words: () => ['--train'] },
  { words: () => ['--train', '--json', '--epochs', '5'] },
  ...[[], ['--steps'], ['--graph'], ['--check']].map((words) => ({ words: () => ['--batch', ...words], batch: 'json' as const })),
  { words: () => ['--batch', '--csv'], batch: 'csv' },
];

interface Outcome {
  status: number | null;
  signal: string | null;
  /** The first 64 KB of standard output, and how many bytes it had in all. */
  stdout: string;
  stdoutBytes: number;
  stderr: string;
  /** The peak resident size in bytes, as the process reported it; NaN if it did not. */
  peak: number;
  seconds: number;
}

/** Runs backprop with a 1 GB heap on these words, standard input from `input`: a string, or bytes made as they are read. */
async function backprop(words: string[], input: string | (() => AsyncIterable<string | Uint8Array>) = ''): Promise<Outcome> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--max-old-space-size=1024', '--import', PEAK, BIN, ...words], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  const timer = setTimeout(() => child.kill('SIGKILL'), SECONDS * 1000);
  // The process may stop reading early (a refusal): what it leaves unread is no failure.
  child.stdin.on('error', () => {});
  Readable.from(typeof input === 'string' ? [input] : input()).on('error', () => {}).pipe(child.stdin);
  let stdout = '';
  let stdoutBytes = 0;
  let stderr = '';
  let peak = '';
  child.stdout.on('data', (chunk: Buffer) => {
    if (stdoutBytes < 2 ** 16) stdout += chunk.toString('utf8', 0, Math.min(chunk.length, 2 ** 16 - stdoutBytes));
    stdoutBytes += chunk.length;
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  child.stdio[3]!.on('data', (chunk: Buffer) => (peak += chunk));
  const [status, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (code, killed) => resolve([code, killed])));
  clearTimeout(timer);
  return { status, signal, stdout, stdoutBytes, stderr, peak: peak === '' ? NaN : Number(peak) * 1024, seconds: (performance.now() - started) / 1000 };
}

/** What is wrong with an outcome: none if it ended in time and memory with a status and clean words. */
function problems(run: Outcome, batch: boolean): string[] {
  const found: string[] = [];
  if (run.status === null || ![0, 1, 2].includes(run.status)) found.push(`status ${run.status} ${run.signal ?? ''}`);
  if (!(run.peak <= MOST_MEMORY)) found.push(`peak memory ${Math.round(run.peak / 2 ** 20)} MiB`);
  if (/internal error|internal"|\n\s+at /.test(run.stderr)) found.push(`stderr: ${run.stderr.slice(0, 200)}`);
  if (run.status === 2 && run.stdoutBytes > 0) found.push('refused after writing to stdout');
  if (run.stderr.length > 2000) found.push(`an error of ${run.stderr.length} characters`);
  // A batch's lines are answered on stdout, an error line each; anything else is one line of JSON.
  if (batch && /"kind":"internal"/.test(run.stdout)) found.push(`stdout: ${run.stdout.slice(0, 200)}`);
  return found;
}

let failed = 0;
let passed = 0;
function tell(what: string, words: string, run: Outcome, found: string[]): void {
  if (found.length === 0) passed++;
  else failed++;
  const said = (run.stderr || run.stdout).split('\n')[0].slice(0, 60);
  const memory = Number.isNaN(run.peak) ? '?' : Math.round(run.peak / 2 ** 20);
  const shown = words.length > 26 ? `${words.slice(0, 25)}…` : words;
  console.log(`${found.length === 0 ? 'ok  ' : 'FAIL'} ${what.padEnd(22)} ${shown.padEnd(26)} status ${run.status}  ${run.seconds.toFixed(1)} s  ${memory} MiB  ${said}`);
  for (const problem of found) console.log(`     ${problem}`);
}

// `npm run stress -- WORDS` runs only the shapes whose name contains WORDS.
const only = process.argv.slice(2).join(' ');
const folder = mkdtempSync(join(tmpdir(), 'backprop-stress-'));
try {
  for (const [shape, given] of Object.entries(shapes)) {
    if (!shape.includes(only)) continue;
    const file = join(folder, 'program.txt');
    writeFileSync(file, given.program);
    for (const mode of modes) {
      const words = mode.words(given);
      const input = mode.batch === undefined ? '' : mode.batch === 'csv' ? (given.csv ?? 'x\n1\n') : (given.lines ?? '{}\n');
      const run = await backprop(['-f', file, ...words], input);
      tell(shape, words.join(' ') || 'table', run, problems(run, mode.batch !== undefined));
    }
  }

  // A line of 600 MB, made as it is read, then a line of values: the first is refused without
  // being kept, the second answered. /dev/zero is one line that never ends.
  const huge = 'huge batch lines';
  if (huge.includes(only)) {
    const piece = 'a'.repeat(2 ** 20);
    const lines = async function* () {
      for (let i = 0; i < 600; i++) yield piece;
      yield '\n{"x": 2}\n';
    };
    const long = await backprop(['y = x * 2', '--batch'], lines);
    const answers = long.stdout.trimEnd().split('\n');
    const found = problems(long, true);
    if (long.status !== 1 || !answers[0]?.includes('"code":"line-too-long"') || !answers[1]?.startsWith('{"output":"y","value":4,')) {
      found.push(`answers: ${long.stdout.slice(0, 300)}`);
    }
    tell(huge, 'a line of 600 MB, then one', long, found);
    const zeros = await backprop(['y = x * 2', '--batch', '/dev/zero']);
    const endless = problems(zeros, true);
    if (zeros.status !== 1 || !/^\{"line":1,"error":\{.*"code":"line-endless"/.test(zeros.stdout)) endless.push(`answers: ${zeros.stdout.slice(0, 300)}`);
    tell(huge, '--batch /dev/zero', zeros, endless);
  }

  // Modes at scale: thousands of nudges, and many epochs of a large graph (refused past the budget).
  const scale = 'modes at scale';
  if (scale.includes(only)) {
    const file = join(folder, 'program.txt');
    const runs: [string, string, string[]][] = [
      ['2,000 inputs, 4,000 nudges', squares(2000), times(4000, (i) => `--nudge x${i % 2000}=+1`, ' ').split(' ')],
      ['8,000 inputs, --train', squares(8000), ['--train', '--epochs', '1']],
      ...['1000', '15'].map((epochs): [string, string, string[]] => [
        `300k products, ${epochs} epochs`,
        `w = 2\n${times(300_000, (i) => `a${i} = 1\n`)}y = ${times(300_000, (i) => `a${i}*w`, ' + ')}\n`,
        ['--train', '--json', '--epochs', epochs],
      ]),
      // A megabyte of array: each pass a 500×500 product, then its check, nudges and epochs.
      ...[['--check'], times(200, (i) => `--nudge X[${i},0]=+0.1`, ' ').split(' '), ['--train', '--epochs', '1000']].map((words): [string, string, string[]] => [
        `500×500 array, ${words[0]}`,
        `X = [${times(500, (i) => `[${times(500, (j) => `${((i * 7 + j * 3) % 10) / 10}`, ',')}]`, ',')}]\ny = sum(X @ X)\n`,
        words,
      ]),
    ];
    for (const [what, program, words] of runs) {
      writeFileSync(file, program);
      const run = await backprop(['-f', file, ...words]);
      tell(scale, what, run, problems(run, false));
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
console.log(`stress: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
