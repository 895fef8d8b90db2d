import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, fstatSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isatty } from 'node:tty';
import { Command, CommanderError, Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import stringWidth from 'string-width';
import { wrapText } from './render/wrap.js';
import { ABSOLUTE, RELATIVE } from './check.js';
import { BackpropError, errorObject, InputError, OutputError, printable, type ErrorObject } from './errors.js';
import { FUNCTIONS } from './layers.js';
import { CATALOGUES, en, languageOf, LANGUAGES, say, text, type Language, type Messages, type Said } from './messages/index.js';
import type { Program } from './graph.js';
import { parseArguments } from './parse/arguments.js';
import { parseNudge, type NudgeRequest } from './nudge.js';
import { NAME } from './parse/lexer.js';
import { isBinding } from './parse/word.js';
import { report, type BatchReport, type Report, type ReportOptions } from './report.js';
import { EPOCHS, MAX_EPOCHS, RATE, TOLERANCE, type TrainOptions } from './train.js';

const NAME_ONLY = new RegExp(`^${NAME}$`);

/** U+FFFD as UTF-8: a replacement character that the file itself holds. */
const REPLACEMENT = Buffer.from('\uFFFD');

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

/** What --help says after the options: the words, the expressions, the exit status. */
function reference(words: Messages): string {
  const pairs = [...FUNCTIONS].filter(([, Layer]) => Layer.arity === 2).map(([name]) => `${name}(a, b)`);
  return words.reference([...FUNCTIONS.keys()].join(' '), pairs.join(', '));
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

function command(words: Messages): Command {
  return new Command()
    .name('backprop')
    .usage(words.usage)
    .description(words.description)
    .argument(`[${words.wordsName}...]`, words.wordsArgument)
    .option(`-e, --expr <${words.textValue}>`, words.exprOption)
    .option(`-f, --file <${words.pathValue}>`, words.fileOption)
    .option('--json', words.jsonOption)
    .addOption(new Option(`--format <${words.formValue}>`, words.formatOption).choices(['table', 'json', 'svg', 'dot', 'mermaid', 'html']))
    .option('--all', words.allOption)
    .addOption(valued(`--precision <${words.digitsValue}>`, words.precisionOption, digits, words))
    .option('--steps', words.stepsOption)
    .option('--graph', words.graphOption)
    .option('--expand', words.expandOption(composites(words)))
    .option('--check', words.checkOption(ABSOLUTE, RELATIVE))
    .addOption(valued('--nudge <NAME=+D>', words.nudgeOption, (value, previous: NudgeRequest[] = []) => [...previous, parseNudge(value)], words))
    .option(`--train [${words.inputsValue}]`, words.trainOption)
    .addOption(valued(`--rate <${words.numberValue}>`, words.rateOption(RATE), positive, words))
    .addOption(valued('--epochs <n>', words.epochsOption(EPOCHS), epochs, words))
    .addOption(valued(`--tolerance <${words.numberValue}>`, words.toleranceOption(TOLERANCE), tolerance, words))
    .option(`--batch [${words.fileValue}]`, words.batchOption)
    .option('--fail-fast', words.failFastOption)
    .addOption(new Option(`--lang <${words.languageValue}>`, words.langOption).choices(LANGUAGES))
    .option('--color', words.colorOption)
    .option('--no-color', words.noColorOption)
    // Not commander's .version(): that prints at the first -V of "-Vxyz" and ignores the rest.
    .option('-V, --version', words.versionOption)
    .helpOption('-h, --help', words.helpOption)
    .configureHelp({
      helpWidth: 80,
      // Hangul and kanji take two columns: measured so, and broken between any two of them.
      displayWidth: (text) => stringWidth(text),
      boxWrap: (text, width) => wrapText(text, width),
      styleTitle: (title) => titles(words)[title] ?? title,
      optionDescription: (option) =>
        option.argChoices === undefined ? option.description : `${option.description} (${words.choices}: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(', ')})`,
    })
    .addHelpText('beforeAll', words.examples)
    .addHelpText('after', reference(words));
}

/** Commander's headings in the help, in the reader's words. */
function titles(words: Messages): Record<string, string> {
  return { 'Usage:': words.usageTitle, 'Arguments:': words.argumentsTitle, 'Options:': words.optionsTitle };
}

/** The functions --expand opens up: sigmoid, tanh and softplus. */
function composites(words: Messages): string {
  return words.and([...FUNCTIONS].filter(([, Layer]) => Layer.expand !== undefined).map(([name]) => name));
}

/**
 * An option whose value `parse` reads, refusing it with an InputError that says why. Commander
 * passes on an error that is not its own, so the refusal is put in words here, in the form of
 * commander's own (invalidArgument), and said in the reader's language.
 */
function valued<T>(flags: string, description: string, parse: (value: string, previous?: T) => T, words: Messages): Option {
  return new Option(flags, description).argParser((value: string, previous?: T) => {
    try {
      return parse(value, previous);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(text('withHint', text('invalidArgument', flagsOf(flags, words), value, text('sentence', error.what)), text('seeHelp')));
    }
  });
}

function positive(value: string): number {
  const x = Number(value);
  if (!(x > 0 && Number.isFinite(x))) throw new InputError(text('positiveNumber', RATE));
  return x;
}

function epochs(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_EPOCHS) throw new InputError(text('wholeNumber', 1, MAX_EPOCHS));
  return n;
}

function tolerance(value: string): number {
  const x = Number(value);
  if (!(x >= 0 && Number.isFinite(x))) throw new InputError(text('notNegative'));
  return x;
}

/** What --train and its options ask for; they are an error without --train. */
function training(options: Options): TrainOptions | undefined {
  if (options.train === undefined) {
    const stray = (['rate', 'epochs', 'tolerance'] as const).find((option) => options[option] !== undefined);
    if (stray !== undefined) throw new InputError(text('goesWithTrain', stray));
    return undefined;
  }
  const inputs = options.train === true ? undefined : options.train.split(',').map((name) => name.trim());
  if (inputs?.some((name) => !NAME_ONLY.test(name))) {
    throw new InputError(text('trainNames', String(options.train)));
  }
  return { inputs, rate: options.rate, epochs: options.epochs, tolerance: options.tolerance };
}

function digits(value: string): number {
  const n = Number(value);
  // Only plain digits: Number() would also take 0x10, 1e1, 0b11 or 5.0.
  if (!/^\d+$/.test(value) || n < 1 || n > 17) throw new InputError(text('wholeNumber', 1, 17));
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

/** BACKPROP_VIEW_MB, a whole number of megabytes, as bytes: the most a view of every node may print. */
function viewLimit({ env }: Io): number | undefined {
  return /^\d+$/.test(env.BACKPROP_VIEW_MB ?? '') && Number(env.BACKPROP_VIEW_MB) > 0 ? Number(env.BACKPROP_VIEW_MB) * 2 ** 20 : undefined;
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
    throw new InputError(text('exprAndFile'));
  }
  const given = options.expr ?? (options.file === undefined ? undefined : readSource(options.file, io));
  // A Windows editor's byte order mark is no part of the program; and café typed with é
  // composed or as e and an accent is one name, so the text is read in one form, NFC.
  const source = given === undefined ? undefined : nfc(given.replace(/^\uFEFF/, ''));
  // In batch mode the lines may give the inputs that the command line leaves out.
  const unbound = options.batch !== undefined;
  const normalized = words.map(nfc);
  return parseArguments(normalized, { source, isFile: (word) => io.isFile(word), expand: options.expand, unbound });
}

/**
 * The text in NFC. Latin-1 alone is in NFC already (only characters from U+0300 up combine),
 * and V8 tells a Latin-1 string without reading it, where an ASCII test reads 44 MB.
 */
function nfc(text: string): string {
  return /[^\x00-\xff]/.test(text) ? text.normalize('NFC') : text;
}

/** Where --batch reads its lines, and the command line's words once a NAME=VALUE after it is given back. */
function batchSource(words: string[], options: Options): { path?: string; words: string[] } {
  const { batch, file } = options;
  if (batch === undefined) {
    if (options.failFast) throw new InputError(text('failFastAlone'));
    return { words };
  }
  // --batch takes an optional file, so it would swallow a NAME=VALUE that follows it.
  if (batch !== true && isBinding(batch)) return { path: '-', words: [batch, ...words] };
  const path = batch === true ? '-' : batch;
  if (path === '-' && file === '-') {
    throw new InputError(text('stdinTwice'));
  }
  return { path, words };
}

/** The lines of a batch input; a file that cannot be read is an input error. */
async function* inputLines(path: string, io: Io): AsyncIterable<string> {
  try {
    yield* io.lines(path);
  } catch (error) {
    throw new InputError(text('cannotRead', fileName(path), reason(error)));
  }
}

/** A file as a message names it: '-' is standard input. */
function fileName(path: string): Said {
  return path === '-' ? text('standardInput') : `'${path}'`;
}

function readSource(path: string, io: Io): string {
  const where = fileName(path);
  let bytes: Buffer;
  try {
    bytes = io.read(path, MAX_SOURCE_BYTES + 1);
  } catch (error) {
    throw new InputError(text('cannotRead', where, reason(error)));
  }
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new InputError(text('sourceTooLarge', where, MAX_SOURCE_BYTES / 2 ** 20));
  }
  if (bytes.length === 0) throw new InputError(path === '-' ? text('stdinEmpty') : text('sourceEmpty', where));
  return decode(bytes, where);
}

/** The UTF-8 text of a file; one that is not UTF-8 is refused at the first byte that is not. */
function decode(bytes: Buffer, where: Said): string {
  const decoded = bytes.toString('utf8');
  if (!decoded.includes('\uFFFD') || isUtf8(bytes)) return decoded;
  // Up to the first malformed sequence, each character is its UTF-8 bytes: count them.
  let offset = 0;
  for (const char of decoded) {
    if (char === '\uFFFD' && !bytes.subarray(offset, offset + 3).equals(REPLACEMENT)) break;
    offset += Buffer.byteLength(char);
  }
  const hex = bytes[offset].toString(16).padStart(2, '0');
  throw new InputError(text('notUtf8', where, offset, hex));
}

/** What to add to one of commander's messages: how to give an expression that starts with -. */
function hint(message: string): Said {
  const option = /unknown option '(-[^-][^']*)'/.exec(message)?.[1];
  return option === undefined ? text('seeHelp') : text('dashExpression', option);
}

/** One of commander's messages as a message of backprop's own, to be said in the reader's language. */
function commanderMessage(message: string, words: Messages): Said {
  const unknown = /^unknown option '([^]*)'(?: \(Did you mean (.*)\?\))?$/.exec(message);
  if (unknown !== null) return unknown[2] === undefined ? text('unknownOption', unknown[1]) : text('unknownOptionMeant', unknown[1], unknown[2]);
  const missing = /^option '([^']*)' argument missing$/.exec(message);
  if (missing !== null) return text('optionMissing', flagsOf(missing[1], words));
  const invalid = /^option '([^']*)' argument '([^]*)' is invalid\. ([^]*)$/.exec(message);
  if (invalid === null) return message;
  const choices = /^Allowed choices are (.*)\.$/.exec(invalid[3]);
  return text('invalidArgument', flagsOf(invalid[1], words), invalid[2], choices === null ? invalid[3] : text('choose', choices[1]));
}

/** The words that name an option's value, as the help and the messages write it: `--precision <digits>`. */
const VALUE_WORDS = ['textValue', 'pathValue', 'formValue', 'digitsValue', 'numberValue', 'languageValue'] as const;

/**
 * An option's flags, written with its value in the reader's words, as a message to be said in
 * any language: JSON names it in English.
 */
function flagsOf(flags: string, words: Messages): Said {
  const [, option, value] = /^(.*) <([^>]*)>$/.exec(flags) ?? [];
  const word = VALUE_WORDS.find((key) => words[key] === value);
  return word === undefined ? flags : text('optionFlags', option, text(word));
}

/** The system's errors that a message puts in words; any other is named by its code. */
const REASONS = ['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'ELOOP', 'ENAMETOOLONG', 'EMFILE', 'ENFILE', 'EBADF', 'ENOSPC', 'EFBIG', 'EDQUOT', 'EROFS', 'EIO'] as const;

/** Why a file could not be read or written, from the system's error. */
function reason(error: unknown): Said {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const known = REASONS.find((reason) => reason === code);
  return known === undefined ? text('systemError', code, String((error as Error).message)) : text(known);
}

/** Runs backprop on these arguments and gives its exit status: 0, 1 (math or output) or 2 (input). */
export async function run(argv: string[], io: Io): Promise<number> {
  const messages = CATALOGUES[language(argv, io)];
  const cli = command(messages)
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
      throw new InputError(text('withHint', commanderMessage(message, messages), hint(message)));
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
        viewLimit: viewLimit(io),
        words: messages,
      });
    } finally {
      if (progressed) complain(io, '\r\x1b[K');
    }
    for (const note of reported.notes) complain(io, `${messages.note} ${printable(say(note, messages))}\n`);
    return await written(reported, io, json, messages);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    return fail(error, io, json, messages);
  }
}

/**
 * The language of the words printed: --lang's, read from the words themselves (an error in
 * parsing them is said in it too), else the locale's (LC_ALL, then LC_MESSAGES, then LANG,
 * the first that is set), else English.
 */
function language(argv: string[], io: Io): Language {
  const end = argv.indexOf('--');
  const words = end < 0 ? argv : argv.slice(0, end);
  const at = words.findLastIndex((word) => word === '--lang' || word.startsWith('--lang='));
  const asked = at < 0 ? undefined : words[at] === '--lang' ? words[at + 1] : words[at].slice('--lang='.length);
  const locale = [io.env.LC_ALL, io.env.LC_MESSAGES, io.env.LANG].find((value) => value !== undefined && value !== '');
  return LANGUAGES.find((language) => language === asked) ?? languageOf(locale) ?? 'en';
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
async function written(reported: Report | BatchReport, io: Io, json: boolean, words: Messages): Promise<number> {
  if (!('lines' in reported)) {
    // Everything that can fail has run: what is written now is written whole.
    writeOutput(io, reported.output);
    return reported.failure === undefined ? 0 : fail(reported.failure, io, json, words);
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
function fail(error: unknown, io: Io, json: boolean, words: Messages): 1 | 2 {
  if (json) {
    // JSON is read by programs: its messages are in English, whatever the language.
    const message = en.internalError((error as Error).message);
    const object: ErrorObject = error instanceof BackpropError ? errorObject(error) : { error: { status: 1, kind: 'internal', message } };
    const stack = io.env.BACKPROP_DEBUG === '1' ? `${(error as Error).stack}\n` : '';
    complain(io, `${stack}${printable(JSON.stringify(object), true)}\n`);
    return error instanceof BackpropError ? error.status : 1;
  }
  const lines =
    error instanceof BackpropError
      ? [`${words.error} ${error.said(words)}`, ...(error.excerpt?.split('\n') ?? [])]
      : [`${words.error} ${words.internalError((error as Error).message)}`];
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
      throw new OutputError(text('cannotWrite', reason(error)));
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
