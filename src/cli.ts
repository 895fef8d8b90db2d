import { closeSync, createReadStream, openSync, readSync, statSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isatty } from 'node:tty';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { ABSOLUTE, RELATIVE } from './check.js';
import { BackpropError, errorObject, InputError, OutputError, printable, type ErrorObject } from './errors.js';
import { FUNCTIONS } from './layers.js';
import type { Program } from './graph.js';
import { parseArguments } from './parse/arguments.js';
import { parseNudge, type NudgeRequest } from './nudge.js';
import { NAME } from './parse/lexer.js';
import { isBinding } from './parse/word.js';
import { report, type BatchReport, type Report, type ReportOptions } from './report.js';
import { EPOCHS, MAX_EPOCHS, RATE, TOLERANCE, type TrainOptions } from './train.js';

const NAME_ONLY = new RegExp(`^${NAME}$`);

/** The largest program file read; past it a file is surely not meant as an expression. */
const MAX_SOURCE_BYTES = 256 * 1024 * 1024;

/**
 * All that backprop touches of the world: the process's own (start()), or stand-ins in tests,
 * which then run the whole program in-process.
 */
export interface Io {
  env: Record<string, string | undefined>;
  /** Whether standard output is a terminal. */
  terminal: boolean;
  /** Whether standard error is a terminal too: only then does --train show a progress line. */
  errorTerminal?: boolean;
  /** The terminal's width in columns, when standard output is one. */
  columns?: number;
  write(fd: 1 | 2, text: string): void;
  /** At most `limit` bytes of a file, '-' being standard input; throws as node:fs does. */
  read(path: string, limit: number): Buffer;
  /** Whether a file of that name is in the current folder, as a shell's * would list it. */
  isFile(path: string): boolean;
  /** The lines of a file, '-' being standard input, each as soon as it has arrived. */
  lines(path: string): AsyncIterable<string>;
}

const EXAMPLES = `Examples:
  backprop apple=100x2 orange=150x3 tax=1.1       the book's receipt: price 715
  backprop apple=100x2 tax=+10% coupon=-20        a percent and an amount
  backprop "y = sigmoid(w*x + b)" w=2 x=0.5 b=-1  an expression and its inputs
  backprop -f model.txt --all                     a program from a file
  backprop apple=100x2 tax=1.1 --json | jq .gradients
  echo '{"x": 3}' | backprop "x*y" y=2 --batch   JSON lines in, JSON lines out
  backprop "loss = (w*2 + b - 5)^2" w=0 b=0 --train  gradient descent on w, b
`;

/** What --help says after the options: the words, the expressions, the exit status. */
function reference(): string {
  return `
Receipt words (no spaces inside a word):
  NAME=PRICExQTY        an item: apple=100x2 (x, X, * or × between)
  NAME=FACTOR           multiplies the total: tax=1.1
  NAME=+N, NAME=-N      adds to the total: shipping=+5, coupon=-20
  NAME=+P%, NAME=-P%    a percent more or less: tax=+10%, discount=-15%

Expressions (one argument, in quotes; -e for one that starts with -):
  operators  + - * / and ^ or ** (power), parentheses; also × − ÷
             -x^2 is -(x^2), 2^3^2 is 2^9
  functions  ${[...FUNCTIONS.keys()].join(' ')}
             (${[...FUNCTIONS].filter(([, Layer]) => Layer.arity === 2).map(([name]) => `${name}(a, b)`).join(', ')}: two arguments)
  statements NAME = expr, separated by ; or new lines; # starts a comment
  A word NAME=VALUE whose value is a number, PRICExQTY or a signed percent
  gives an input; any other word is the expression: "y=2*x" x=3.

Exit status: 0 success; 1 the math failed (overflow, 1/0, log of a
non-positive number, --train diverged) or --check found a disagreement,
or with --batch a line failed; 2 bad input. Under --json or --batch, an
error is a JSON object on standard error: {"error": {"status", "kind",
"message", …}}.

More: README.md in the installed package, $(npm root -g)/backprop/README.md
(or node_modules/backprop/README.md where it was installed locally).
`;
}

interface Options extends Omit<ReportOptions, 'color' | 'train' | 'progress' | 'batch' | 'width'> {
  expr?: string;
  file?: string;
  expand?: boolean;
  train?: string | true;
  rate?: number;
  epochs?: number;
  tolerance?: number;
  color?: boolean;
  version?: boolean;
  batch?: string | true;
  failFast?: boolean;
}

function command(): Command {
  return new Command()
    .name('backprop')
    .usage('[options] [EXPRESSION] [NAME=VALUE ...]')
    .description(
      'Builds the computational graph of a receipt or an expression, runs it forward and backward, ' +
        'and prints the output and its partial derivative with respect to every input.',
    )
    .argument('[words...]', 'receipt words, or an expression then its inputs as NAME=VALUE')
    .option('-e, --expr <text>', 'the expression (statements separated by ; or new lines)')
    .option('-f, --file <path>', 'read the expression from a file; - reads standard input')
    .option('--json', 'print JSON (short for --format json)')
    .addOption(
      new Option('--format <form>', 'table (the default), json; svg draws the graph as the book does, dot and mermaid describe it for other tools, html writes a live page')
        .choices(['table', 'json', 'svg', 'dot', 'mermaid', 'html']),
    )
    .option('--all', 'also show intermediate values and their gradients')
    .option('--precision <digits>', 'significant digits of computed values (default: 12, in JSON 15)', digits)
    .option('--steps', 'show the forward and backward passes step by step')
    .option('--graph', 'draw the computational graph as a tree')
    .option('--expand', `build ${composites()} from primitive nodes, so that every stage shows`)
    .option(
      '--check',
      `compare each gradient with central differences and time both; status 1 if one differs by more than ` +
        `${ABSOLUTE} + ${RELATIVE} × |numerical|`,
    )
    .option(
      '--nudge <NAME=+D>',
      'move an input by D (or -D, +1%; repeatable): the real change beside gradient × D',
      (text: string, previous: NudgeRequest[] = []) => [...previous, nudgeArgument(text)],
    )
    .option('--train [inputs]', 'minimise the output by gradient descent on these inputs (w,b; all if none named)')
    .option('--rate <number>', `the learning rate of --train (default: ${RATE})`, positive)
    .option('--epochs <n>', `the most steps --train takes (default: ${EPOCHS})`, epochs)
    .option('--tolerance <number>', `--train stops once a step changes the output by no more (default: ${TOLERANCE})`, tolerance)
    .option(
      '--batch [file]',
      'evaluate the graph once for each line of standard input (or of the file): a JSON object of input ' +
        'values a line, or a .csv file with a header of input names; print one JSON document a line',
    )
    .option('--fail-fast', 'with --batch, stop at the first line that fails')
    .option('--color', 'color even when not writing to a terminal')
    .option('--no-color', 'never color (so does NO_COLOR=1 or TERM=dumb)')
    // Not commander's .version(): that prints at the first -V of "-Vxyz" and ignores the rest.
    .option('-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .configureHelp({ helpWidth: 80 })
    .addHelpText('beforeAll', EXAMPLES)
    .addHelpText('after', reference());
}

/** The functions --expand opens up: sigmoid, tanh and softplus. */
function composites(): string {
  const names = [...FUNCTIONS].filter(([, Layer]) => Layer.expand !== undefined).map(([name]) => name);
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function nudgeArgument(text: string): NudgeRequest {
  try {
    return parseNudge(text);
  } catch (error) {
    throw new InvalidArgumentError(`${(error as Error).message}.`);
  }
}

function positive(text: string): number {
  const x = Number(text);
  if (!(x > 0 && Number.isFinite(x))) throw new InvalidArgumentError(`give a positive number, e.g. ${RATE}.`);
  return x;
}

function epochs(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_EPOCHS) throw new InvalidArgumentError(`give a whole number from 1 to ${MAX_EPOCHS}.`);
  return n;
}

function tolerance(text: string): number {
  const x = Number(text);
  if (!(x >= 0 && Number.isFinite(x))) throw new InvalidArgumentError('give a number of 0 or more.');
  return x;
}

/** What --train and its options ask for; they are an error without --train. */
function training(options: Options): TrainOptions | undefined {
  if (options.train === undefined) {
    const stray = (['rate', 'epochs', 'tolerance'] as const).find((option) => options[option] !== undefined);
    if (stray !== undefined) throw new InputError(`--${stray} goes with --train: add --train`);
    return undefined;
  }
  const inputs = options.train === true ? undefined : options.train.split(',').map((name) => name.trim());
  if (inputs?.some((name) => !NAME_ONLY.test(name))) {
    throw new InputError(`--train '${options.train}': give input names separated by commas (--train w,b), or put --train last to train them all`);
  }
  return { inputs, rate: options.rate, epochs: options.epochs, tolerance: options.tolerance };
}

function digits(text: string): number {
  const n = Number(text);
  // Only plain digits: Number() would also take 0x10, 1e1, 0b11 or 5.0.
  if (!/^\d+$/.test(text) || n < 1 || n > 17) throw new InvalidArgumentError('give a whole number from 1 to 17.');
  return n;
}

/**
 * Color only on a terminal, unless said otherwise: --color/--no-color first, then
 * FORCE_COLOR, then NO_COLOR (any value) and TERM=dumb.
 */
function useColor(flag: boolean | undefined, io: Io): boolean {
  const { FORCE_COLOR, NO_COLOR, TERM } = io.env;
  if (flag !== undefined) return flag;
  if (FORCE_COLOR !== undefined) return FORCE_COLOR !== '0' && FORCE_COLOR !== 'false';
  if (NO_COLOR !== undefined || TERM === 'dumb') return false;
  return io.terminal;
}

/** The screen's width in columns: the terminal's, else COLUMNS (as a shell sets it), else 80. */
function screenWidth({ columns, env }: Io): number {
  if (columns !== undefined && columns > 0) return columns;
  const given = Number(env.COLUMNS);
  return /^\d+$/.test(env.COLUMNS ?? '') && given > 0 ? given : 80;
}

/** The program the words describe: an expression (from -e, -f or the words) or a receipt. */
function program(words: string[], options: Options, io: Io): Program {
  if (options.expr !== undefined && options.file !== undefined) {
    throw new InputError('give the expression once: with -e or with -f, not both');
  }
  const source = options.expr ?? (options.file === undefined ? undefined : readSource(options.file, io));
  // In batch mode the lines may give the inputs that the command line leaves out.
  const unbound = options.batch !== undefined;
  return parseArguments(words, { source, isFile: (word) => io.isFile(word), expand: options.expand, unbound });
}

/** Where --batch reads its lines, and the command line's words once a NAME=VALUE after it is given back. */
function batchSource(words: string[], options: Options): { path?: string; words: string[] } {
  const { batch, file } = options;
  if (batch === undefined) {
    if (options.failFast) throw new InputError('--fail-fast goes with --batch: give both, or neither');
    return { words };
  }
  // --batch takes an optional file, so it would swallow a NAME=VALUE that follows it.
  if (batch !== true && isBinding(batch)) return { path: '-', words: [batch, ...words] };
  const path = batch === true ? '-' : batch;
  if (path === '-' && file === '-') {
    throw new InputError('-f - and --batch both read standard input: give the program with -e or -f FILE, or the lines with --batch FILE');
  }
  return { path, words };
}

/** The lines of a batch input; a file that cannot be read is an input error. */
async function* inputLines(path: string, io: Io): AsyncIterable<string> {
  try {
    yield* io.lines(path);
  } catch (error) {
    throw new InputError(`cannot read ${path === '-' ? 'standard input' : `'${path}'`}: ${reason(error)}`);
  }
}

function readSource(path: string, io: Io): string {
  const where = path === '-' ? 'standard input' : `'${path}'`;
  let bytes: Buffer;
  try {
    bytes = io.read(path, MAX_SOURCE_BYTES + 1);
  } catch (error) {
    throw new InputError(`cannot read ${where}: ${reason(error)}`);
  }
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new InputError(`${where} is larger than ${MAX_SOURCE_BYTES / 2 ** 20} MiB: split the program`);
  }
  if (bytes.length === 0) {
    const hint = path === '-' ? ": pipe the program in, e.g. echo 'x*y' | backprop -f - x=2 y=3" : '';
    throw new InputError(`${where} is empty${hint}`);
  }
  return bytes.toString('utf8');
}

/** What to add to one of commander's messages: how to give an expression that starts with -. */
function hint(message: string): string {
  const option = /unknown option '(-[^-][^']*)'/.exec(message)?.[1];
  if (option === undefined) return ' (see backprop --help)';
  return `: an expression that starts with - goes after -e or -- (backprop -e "${option}" …, backprop -- "${option}" …)`;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    EBADF: 'it is closed',
    ENOSPC: 'no space left on device',
    EFBIG: 'the file has grown past its size limit',
    EDQUOT: 'the disk quota is used up',
    EIO: 'input/output error',
  };
  return (code !== undefined && Object.hasOwn(reasons, code) ? reasons[code] : undefined) ?? String((error as Error).message);
}

/** Runs backprop on these arguments and gives its exit status: 0, 1 (math or output) or 2 (input). */
export async function run(argv: string[], io: Io): Promise<number> {
  const cli = command()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => writeOutput(io, [text]),
      writeErr: (text) => complain(io, text),
      // Written by fail(), as the other errors are.
      outputError: () => {},
    });
  let json = asksForJson(argv);
  try {
    try {
      cli.parse(argv, { from: 'user' });
    } catch (error) {
      if (!(error instanceof CommanderError) || error.exitCode === 0) throw error;
      // Commander's messages start with "error:"; keep each on one line.
      const message = error.message.replace(/^error: /, '').trimEnd().replace(/\n(?=\(Did you mean)/, ' ');
      throw new InputError(`${message}${hint(message)}`);
    }
    const options = cli.opts<Options>();
    json = options.json === true || options.format === 'json' || options.batch !== undefined;
    if (options.version) {
      writeOutput(io, [`${pkg.version}\n`]);
      return 0;
    }
    if (cli.args.length === 1 && cli.args[0] === 'help') {
      cli.outputHelp();
      return 0;
    }
    // A progress line is rewritten in place on a terminal's standard error, and cleared before
    // anything else is written.
    let progressed = false;
    const progress = (line: string) => {
      progressed = true;
      complain(io, `\r\x1b[K${line}`);
    };
    let reported: Awaited<ReturnType<typeof report>>;
    try {
      const train = training(options);
      const { path, words } = batchSource(cli.args, options);
      const batch = path === undefined ? undefined : { lines: inputLines(path, io), csv: path.endsWith('.csv'), failFast: options.failFast === true };
      reported = await report(program(words, options, io), {
        ...options,
        train,
        batch,
        progress: io.terminal && io.errorTerminal ? progress : undefined,
        color: useColor(options.color, io),
        width: screenWidth(io),
      });
    } finally {
      if (progressed) complain(io, '\r\x1b[K');
    }
    for (const note of reported.notes) complain(io, `note: ${printable(note)}\n`);
    return await written(reported, io, json);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    return fail(error, io, json);
  }
}

/**
 * Whether errors are to be JSON objects, read from the words themselves: it is needed even
 * when the command line is too wrong to parse.
 */
function asksForJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  const words = end < 0 ? argv : argv.slice(0, end);
  return words.some(
    (word, i) => word === '--json' || word === '--batch' || word.startsWith('--batch=') || word === '--format=json' || (word === '--format' && words[i + 1] === 'json'),
  );
}

/** Writes the output and gives the exit status: a batch's lines as they come, else all at once. */
async function written(reported: Report | BatchReport, io: Io, json: boolean): Promise<number> {
  if (!('lines' in reported)) {
    // Everything that can fail has run: what is written now is written whole.
    writeOutput(io, reported.output);
    return reported.failure === undefined ? 0 : fail(reported.failure, io, json);
  }
  for (;;) {
    const line = await reported.lines.next();
    if (line.done) return line.value;
    if (!writeOutput(io, [line.value])) {
      await reported.lines.return(0);
      return 0;
    }
  }
}

/**
 * Says what went wrong on standard error: under --json or --batch one JSON object on one line,
 * else, escaped, one line that starts with `error:`, then for a parse error the source line and
 * its caret. Gives the exit status it calls for.
 */
function fail(error: unknown, io: Io, json: boolean): 1 | 2 {
  if (json) {
    const message = `internal error: ${(error as Error).message} (BACKPROP_DEBUG=1 shows where)`;
    const object: ErrorObject = error instanceof BackpropError ? errorObject(error) : { error: { status: 1, kind: 'internal', message } };
    const stack = io.env.BACKPROP_DEBUG === '1' ? `${(error as Error).stack}\n` : '';
    complain(io, `${stack}${JSON.stringify(object)}\n`);
    return error instanceof BackpropError ? error.status : 1;
  }
  const lines =
    error instanceof BackpropError
      ? [`error: ${error.message}`, ...(error.excerpt?.split('\n') ?? [])]
      : [`error: internal error: ${(error as Error).message} (BACKPROP_DEBUG=1 shows where)`];
  if (io.env.BACKPROP_DEBUG === '1') lines.unshift(...String((error as Error).stack).split('\n'));
  complain(io, lines.map((line) => `${printable(line)}\n`).join(''));
  return error instanceof BackpropError ? error.status : 1;
}

/** Writes to standard error, if it can: when it cannot, the exit status still tells. */
function complain(io: Io, text: string): void {
  try {
    io.write(2, text);
  } catch {
    // nowhere left to say it
  }
}

/**
 * Writes the output, chunk by chunk, and says whether the reader still reads. A reader that
 * stopped early (| head -1) closed the pipe: the writing ends quietly. Any other failure (a
 * full disk, a file size limit) is the user's to know about.
 */
function writeOutput(io: Io, chunks: Iterable<string>): boolean {
  for (const chunk of chunks) {
    try {
      io.write(1, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return false;
      throw new OutputError(`cannot write the output: ${reason(error)}`);
    }
  }
  return true;
}

/** Runs backprop as a process: its arguments, environment, file descriptors and exit status. */
export function start(): void {
  const terminal = isatty(1);
  // The width is asked only of a terminal: process.stdout would otherwise load Node's streams for nothing.
  const io: Io = {
    env: process.env,
    terminal,
    errorTerminal: isatty(2),
    columns: terminal ? process.stdout.columns : undefined,
    write,
    read,
    isFile,
    lines,
  };
  void run(process.argv.slice(2), io).then((status) => {
    process.exitCode = status;
  });
}

/**
 * Writes all of `text` straight to the file descriptor. process.stdout would load Node's
 * stream machinery for nothing, and a synchronous write is whole before the process exits.
 */
function write(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) done += retried(() => writeSync(fd, bytes, done));
}

/**
 * Runs a read or a write again while it finds a non-blocking pipe not ready (EAGAIN), as when
 * the other end is slow: full for a write, still empty for a read.
 */
function retried(io: () => number): number {
  for (;;) {
    try {
      return io();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false; // a word that cannot be a path (it holds a NUL) names no file
  }
}

/** Reads a file, or standard input for '-', in chunks, stopping past `limit` bytes. */
function read(path: string, limit: number): Buffer {
  const fd = path === '-' ? 0 : openSync(path, 'r');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit - size));
      const n = retried(() => readSync(fd, chunk));
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      size += n;
    }
  } finally {
    if (path !== '-') closeSync(fd);
  }
  return Buffer.concat(chunks);
}

/**
 * The lines of a file, or of standard input for '-', as they arrive: a script can read the
 * output of one line before it writes the next. The file is opened first, so that a file
 * that cannot be opened fails before any line.
 */
async function* lines(path: string): AsyncIterable<string> {
  const input = path === '-' ? process.stdin : createReadStream('', { fd: openSync(path, 'r') });
  try {
    yield* createInterface({ input, crlfDelay: Infinity });
  } finally {
    // Lines not read (the reader of the output went away) must not keep the process alive.
    input.destroy();
  }
}
