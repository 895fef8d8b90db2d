import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { ABSOLUTE, RELATIVE } from './check.js';
import { BackpropError, InputError, OutputError, printable } from './errors.js';
import type { Program } from './graph.js';
import { parseExpression } from './parse/expression.js';
import { parseReceipt } from './parse/receipt.js';
import { isBinding } from './parse/word.js';
import { report, type ReportOptions } from './report.js';

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
  write(fd: 1 | 2, text: string): void;
  /** At most `limit` bytes of a file, '-' being standard input; throws as node:fs does. */
  read(path: string, limit: number): Buffer;
}

const EXAMPLES = `Examples:
  backprop apple=100x2 orange=150x3 tax=1.1          the book's receipt: price 715 and every ∂price
  backprop "y = sigmoid(w*x + b)" w=2 x=0.5 b=-1      an expression; NAME=VALUE gives its inputs
  backprop -f model.txt --all                         a program from a file, intermediates too
  backprop apple=100x2 tax=1.1 --json | jq .gradients
`;

interface Options extends Omit<ReportOptions, 'color'> {
  expr?: string;
  file?: string;
  expand?: boolean;
  color?: boolean;
}

function command(): Command {
  return new Command()
    .name('backprop')
    .usage('[options] [EXPRESSION] [NAME=VALUE ...]')
    .description(
      'Builds the computational graph of a receipt or an expression, runs it forward and backward, ' +
        'and prints the output and its partial derivative with respect to every input.',
    )
    .argument('[words...]', 'receipt words (apple=100x2 tax=1.1 shipping=+5), or an expression then NAME=VALUE inputs')
    .option('-e, --expr <text>', 'the expression (statements separated by ; or newlines)')
    .option('-f, --file <path>', 'read the expression from a file; - reads standard input')
    .option('--json', 'print JSON (same as --format json)')
    .addOption(
      new Option('--format <form>', 'output form; svg draws the graph as the book does, dot and mermaid describe it for other tools')
        .choices(['table', 'json', 'svg', 'dot', 'mermaid']).default('table'),
    )
    .option('--all', 'also show intermediate values and their gradients')
    .option('--precision <digits>', 'significant digits (default: 12, and 15 in JSON)', digits)
    .option('--steps', 'show the forward and backward passes step by step, with the chain rule')
    .option('--graph', 'draw the computational graph as a tree, from the output down to the inputs')
    .option('--expand', 'build sigmoid, tanh and softplus from primitive nodes (×, exp, +, ÷, log), so that every stage shows')
    .option(
      '--check',
      `also estimate each gradient by central differences, with the cost of both methods; status 1 if one ` +
        `differs from backprop by more than ${ABSOLUTE} + ${RELATIVE} × |numerical| (an input at a kink, as relu(0), is named, not failed)`,
    )
    .option('--color', 'color even when not writing to a terminal')
    .option('--no-color', 'never color (so does NO_COLOR=1 or TERM=dumb)')
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('beforeAll', EXAMPLES)
    .addHelpText(
      'after',
      '\nExit status: 0 success, 1 the computation or its output failed (overflow, 1/0, log of a\n' +
        'non-positive number, a full disk), 2 bad input (unknown option, parse error, unknown name).\n' +
        'Details: README.md.',
    );
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

/** The program the words describe: an expression (from -e, -f or the words) or a receipt. */
function program(words: string[], options: Options, io: Io): Program {
  if (options.expr !== undefined && options.file !== undefined) {
    throw new InputError('give the expression once: with -e or with -f, not both');
  }
  let source = options.expr ?? (options.file === undefined ? undefined : readSource(options.file, io));
  let bindings = words;
  if (source === undefined) {
    const at = words.findIndex((word) => !isBinding(word));
    if (at < 0) return parseReceipt(words);
    source = words[at];
    bindings = words.filter((_, i) => i !== at);
  }
  const stray = bindings.find((word) => !isBinding(word));
  if (stray !== undefined) {
    throw new InputError(`unexpected '${stray}': give one expression, then inputs as NAME=VALUE (x=2)`);
  }
  return parseExpression(source, bindings, { expand: options.expand });
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
      // Commander's messages already start with "error:"; keep each on one line.
      outputError: (text, write) => write(`${printable(text.trimEnd().replace(/\n(?=\(Did you mean)/, ' '))} (see backprop --help)\n`),
    });
  try {
    cli.parse(argv, { from: 'user' });
    const options = cli.opts<Options>();
    const output = await report(program(cli.args, options, io), { ...options, color: useColor(options.color, io) });
    // Everything that can fail has run: what is written now is written whole.
    writeOutput(io, typeof output === 'string' ? [output] : output);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    return fail(error, io);
  }
}

/**
 * Says what went wrong on standard error, escaped: one line that starts with `error:`, then
 * for a parse error the source line and its caret. Gives the exit status it calls for.
 */
function fail(error: unknown, io: Io): 1 | 2 {
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
 * Writes the output, chunk by chunk. A reader that stopped early (| head -1) closed the pipe:
 * the writing ends quietly. Any other failure (a full disk, a file size limit) is the user's
 * to know about.
 */
function writeOutput(io: Io, chunks: Iterable<string>): void {
  for (const chunk of chunks) {
    try {
      io.write(1, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw new OutputError(`cannot write the output: ${reason(error)}`);
    }
  }
}

/** Runs backprop as a process: its arguments, environment, file descriptors and exit status. */
export function start(): void {
  const io: Io = { env: process.env, terminal: isatty(1), write, read };
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
