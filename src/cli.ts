import { closeSync, createReadStream, fstatSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { BackpropError, errorObject, InputError, OutputError, printable, type ErrorObject } from './errors.js';
import { catalogue, en, text, type Messages, type Said } from './messages/index.js';
import { asksForJson, language, readCommandLine, type Request, type Surroundings } from './options.js';
import { parseArguments } from './parse/arguments.js';
import { lineGroups, type Line } from './parse/lines.js';
import { checkArgument, MAX_SOURCE_BYTES, nfc, programText, sourceText } from './parse/source.js';
import type { Program } from './graph.js';
import { Random } from './random.js';
import { report, type BatchReport, type Report } from './report.js';
import type { Value } from './tensor.js';

/**
 * All that backprop touches of the world: the process's own (start()), or stand-ins in tests,
 * which then run the whole program in-process.
 */
export interface Io extends Surroundings {
  write(fd: 1 | 2, output: string): void;
  /** At most `limit` bytes of a file, '-' being standard input; throws as node:fs does. */
  read(path: string, limit: number): Buffer;
  /** Whether a file of that name is in the current folder, as a shell's * would list it. */
  isFile(path: string): boolean;
  /** The bytes of a file, '-' being standard input, a piece at a time as they arrive. */
  chunks(path: string): AsyncIterable<Buffer>;
  /**
   * The bytes of each argument as the system gave them, where they can be had: an argument
   * that was not UTF-8 reaches argv with U+FFFD in place of the bytes that were not.
   */
  argumentBytes?(): readonly Uint8Array[] | undefined;
}

/** Runs backprop on these arguments and gives its exit status: 0, 1 (math or output) or 2 (input). */
export async function run(argv: string[], io: Io): Promise<number> {
  const messages = await catalogue(language(argv, io.env));
  let json = asksForJson(argv);
  try {
    checkEncoding(argv, io);
    const request = readCommandLine(argv, messages, io, (output) => writeOutput(io, [output]));
    if (request === undefined) return 0;
    json = request.json;
    // A progress line is rewritten in place on a terminal's standard error, and cleared before
    // anything else is written.
    let progressed = false;
    const progress = (line: string) => {
      progressed = true;
      complain(io, `\r\x1b[K${line}`);
    };
    let reported: Report | BatchReport;
    try {
      const { lines } = request;
      reported = await report(await program(request, io), {
        ...request,
        batch: lines === undefined ? undefined : { ...lines, lines: inputLines(lines.path, io) },
        progress: request.progress ? progress : undefined,
        messages,
      });
    } finally {
      if (progressed) complain(io, '\r\x1b[K');
    }
    for (const note of reported.notes) complain(io, note);
    return await written(reported, io, json, messages);
  } catch (error) {
    return fail(error, io, json, messages);
  }
}

/**
 * Refuses an argument that is not UTF-8, naming its first byte that is not, as a file's is.
 * Only an argument that holds U+FFFD may be one, and only its bytes tell.
 */
function checkEncoding(argv: string[], io: Io): void {
  if (!argv.some((word) => word.includes('\uFFFD'))) return;
  const bytes = io.argumentBytes?.();
  if (bytes !== undefined) argv.forEach((word, i) => checkArgument(word, bytes[i]));
}

/** The program the command line gives: an expression (from -e, -f or the words) or a receipt. */
async function program(request: Request, io: Io): Promise<Program> {
  const { expr, file, args, expand, float, lines } = request;
  const source = expr !== undefined ? programText(expr) : file === undefined ? undefined : readSource(file, io);
  // The spiral's points come from the seed, as rand's do: one seed for both, told if drawn.
  const drawn = request.seed === undefined && request.data?.name === 'spiral' ? Random.seed() : undefined;
  const seed = request.seed ?? drawn;
  const data = request.data === undefined ? undefined : { name: request.data.name, values: await dataValues(request.data, seed!, io) };
  // In batch mode the lines may give the inputs that the command line leaves out.
  const parsed = parseArguments(args.map(nfc), { source, isFile: (word) => io.isFile(word), expand, float, seed, data, unbound: lines !== undefined });
  return drawn === undefined ? parsed : { ...parsed, notes: [...(parsed.notes ?? []), text('randomSeed', drawn)] };
}

/** The inputs x and t that --data gives: the spiral made from the seed, or MNIST read from its folder. */
async function dataValues(data: NonNullable<Request['data']>, seed: number, io: Io): Promise<Map<string, Value>> {
  // Loaded only for --data: it brings node:zlib.
  const { mnist, MNIST_FILES, MNIST_READ, spiral } = await import('./data.js');
  const folder = data.name === 'mnist' ? data.folder : '';
  const file = (name: string) => mnistFile(folder, name, MNIST_READ, io);
  const { x, t } = data.name === 'spiral' ? spiral(seed) : mnist(file(MNIST_FILES.images), file(MNIST_FILES.labels));
  return new Map<string, Value>([['x', x], ['t', t]]);
}

/** One of MNIST's files in `folder`, as published or gzipped, read up to what `most` allows each. */
function mnistFile(folder: string, name: string, most: { raw: number; gzipped: number }, io: Io): Uint8Array {
  for (const file of [name, `${name}.gz`]) {
    const path = join(folder, file);
    try {
      return io.read(path, file.endsWith('.gz') ? most.gzipped : most.raw);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError(text('cannotRead', fileName(path), reason(error)));
    }
  }
  throw new InputError(text('mnistMissing', folder, name));
}

/** A program file's text; one that cannot be read is an input error. */
function readSource(path: string, io: Io): string {
  const where = fileName(path);
  let bytes: Buffer;
  try {
    bytes = io.read(path, MAX_SOURCE_BYTES + 1);
  } catch (error) {
    throw new InputError(text('cannotRead', where, reason(error)));
  }
  return sourceText(bytes, where, path === '-');
}

/** The lines of a batch input, as they arrive; a file that cannot be read is an input error. */
async function* inputLines(path: string, io: Io): AsyncIterable<Line[]> {
  try {
    yield* lineGroups(io.chunks(path));
  } catch (error) {
    throw new InputError(text('cannotRead', fileName(path), reason(error)));
  }
}

/** A file as a message names it: '-' is standard input. */
function fileName(path: string): Said {
  return path === '-' ? text('standardInput') : `'${path}'`;
}

/** The system's errors that a message puts in words; any other is named by its code. */
const REASONS = ['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'ELOOP', 'ENAMETOOLONG', 'EMFILE', 'ENFILE', 'EBADF', 'ENOSPC', 'EFBIG', 'EDQUOT', 'EROFS', 'EIO'] as const;

/** Why a file could not be read or written, from the system's error. */
function reason(error: unknown): Said {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const known = REASONS.find((reason) => reason === code);
  return known === undefined ? text('systemError', code, String((error as Error).message)) : text(known);
}

/** Writes the output and gives the exit status: a batch's lines as they come, else all at once. */
async function written(reported: Report | BatchReport, io: Io, json: boolean, messages: Messages): Promise<number> {
  if (!('lines' in reported)) {
    // Everything that can fail has run: what is written now is written whole.
    writeOutput(io, reported.output);
    return reported.failure === undefined ? 0 : fail(reported.failure, io, json, messages);
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
function fail(error: unknown, io: Io, json: boolean, messages: Messages): 1 | 2 {
  if (json) {
    // JSON is read by programs: its messages are in English, whatever the language.
    const message = en.internalError((error as Error).message);
    const object: ErrorObject = error instanceof BackpropError ? errorObject(error) : { error: { status: 1, kind: 'internal', code: 'internal', message } };
    const stack = io.env.BACKPROP_DEBUG === '1' ? `${(error as Error).stack}\n` : '';
    complain(io, `${stack}${printable(JSON.stringify(object), true)}\n`);
    return error instanceof BackpropError ? error.status : 1;
  }
  const lines =
    error instanceof BackpropError
      ? [`${messages.error} ${error.said(messages)}`, ...(error.excerpt?.split('\n') ?? [])]
      : [`${messages.error} ${messages.internalError((error as Error).message)}`];
  if (io.env.BACKPROP_DEBUG === '1') lines.unshift(...String((error as Error).stack).split('\n'));
  complain(io, lines.map((line) => `${printable(line)}\n`).join(''));
  return error instanceof BackpropError ? error.status : 1;
}

/** Writes to standard error, if it can: when it cannot, the exit status still tells. */
function complain(io: Io, message: string): void {
  try {
    io.write(2, message);
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
      throw new OutputError(text('cannotWrite', reason(error)));
    }
  }
  return true;
}

/** Runs backprop as a process: its arguments, environment, file descriptors and exit status. */
export async function start(): Promise<void> {
  const argv = process.argv.slice(2);
  // The bin's shell line found standard output closed (>&-): writing to it fails, as jq's does.
  const closed = process.env.BACKPROP_STDOUT === 'closed';
  delete process.env.BACKPROP_STDOUT;
  const terminal = await isTerminal(1);
  // The width is asked only of a terminal: process.stdout would otherwise load Node's streams for nothing.
  const io: Io = {
    env: process.env,
    terminal,
    // Only a progress line (--train, --check) asks, and only where standard output is a terminal too.
    errorTerminal: terminal && (await isTerminal(2)),
    columns: terminal ? process.stdout.columns : undefined,
    write: closed ? writeAllButOutput : write,
    read,
    isFile,
    chunks,
    argumentBytes: () => commandLineBytes(argv),
  };
  process.exitCode = await run(argv, io);
}

/**
 * Whether a file descriptor is a terminal. node:tty, which can tell, loads Node's network
 * streams with it: it is asked only of a character device that is not /dev/null, as a pipe, a
 * file or /dev/null cannot be a terminal.
 */
async function isTerminal(fd: number): Promise<boolean> {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    return false;
  }
  if (!stat.isCharacterDevice() || stat.rdev === statSync('/dev/null', { throwIfNoEntry: false })?.rdev) return false;
  const { isatty } = await import('node:tty');
  return isatty(fd);
}

/**
 * The bytes of the arguments `argv` as Linux keeps them in /proc/self/cmdline, each ended by
 * a NUL after the executable's, Node's options and the script's: the last of them, if each
 * reads as its argument as Node decoded it. Undefined where there is no such file.
 */
function commandLineBytes(argv: string[]): Uint8Array[] | undefined {
  let all: Buffer;
  try {
    all = readFileSync('/proc/self/cmdline');
  } catch {
    return undefined;
  }
  const words: Buffer[] = [];
  for (let start = 0; start < all.length; ) {
    const end = all.indexOf(0, start);
    const stop = end < 0 ? all.length : end;
    words.push(all.subarray(start, stop));
    start = stop + 1;
  }
  const own = words.slice(words.length - argv.length);
  return own.length === argv.length && own.every((bytes, i) => bytes.toString() === argv[i]) ? own : undefined;
}

/**
 * Writes all of `text` straight to the file descriptor. process.stdout would load Node's
 * stream machinery for nothing, and a synchronous write is whole before the process exits.
 */
function write(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) done += retried(() => writeSync(fd, bytes, done));
}

function writeAllButOutput(fd: number, text: string): void {
  if (fd === 1) throw Object.assign(new Error('standard output is closed'), { code: 'EBADF' });
  write(fd, text);
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

/**
 * Reads a file, or standard input for '-', stopping past `limit` bytes, into one buffer: of
 * the file's size and a byte more (to see it end), or for a pipe, one that doubles as it fills.
 */
function read(path: string, limit: number): Buffer {
  const fd = path === '-' ? 0 : openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    let buffer = Buffer.allocUnsafe(Math.min(limit, stat.isFile() ? stat.size + 1 : 1 << 16));
    let size = 0;
    while (size < limit) {
      if (size === buffer.length) {
        const larger = Buffer.allocUnsafe(Math.min(limit, 2 * buffer.length));
        buffer.copy(larger, 0, 0, size);
        buffer = larger;
      }
      const n = retried(() => readSync(fd, buffer, size, buffer.length - size, null));
      if (n === 0) break;
      size += n;
    }
    return buffer.subarray(0, size);
  } finally {
    if (path !== '-') closeSync(fd);
  }
}

/**
 * The bytes of a file, or of standard input for '-', as they arrive: a script can read the
 * answer to one line before it writes the next. The file is opened first, so that a file that
 * cannot be opened fails before any line.
 */
async function* chunks(path: string): AsyncIterable<Buffer> {
  const input = path === '-' ? process.stdin : createReadStream('', { fd: openSync(path, 'r') });
  try {
    yield* input;
  } finally {
    // Bytes not read (the reader of the output went away) must not keep the process alive.
    input.destroy();
  }
}
