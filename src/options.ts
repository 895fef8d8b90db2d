import { Command, CommanderError, Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import stringWidth from 'string-width';
import { ABSOLUTE, RELATIVE } from './check.js';
import { InputError } from './errors.js';
import { LANGUAGES, languageOf, text, type Language, type Messages, type Said } from './messages/index.js';
import { parseNudge, type NudgeRequest } from './nudge.js';
import { DIGITS, FULL_DIGITS, isDigits, MOST_DIGITS } from './numbers.js';
import { MOST_ORDER } from './higher.js';
import { FUNCTIONS } from './operations.js';
import { NAME } from './parse/lexer.js';
import { isBinding } from './parse/word.js';
import { wrapText } from './render/wrap.js';
import type { Format, Mode, ReportOptions } from './report.js';
import { EPOCHS, RATE, TOLERANCE, TRAINING_RULES, type TrainOptions } from './train.js';

/**
 * The command line's options: how each is written and read, its default, and which go
 * together. cli.ts gives the words and the environment; what comes back is a Request that
 * the rest of backprop can act on without asking again.
 */

/** The width of a screen that is not a terminal (a pipe, a file), in columns. */
const SCREEN_WIDTH = 80;
const FORMATS: readonly Format[] = ['table', 'json', 'svg', 'dot', 'mermaid', 'html'];
const MODES: readonly Mode[] = ['reverse', 'forward', 'both'];
const NAME_ONLY = new RegExp(`^${NAME}$`);

/** What a run is asked for, once the command line is read and checked. */
export interface Request extends Omit<ReportOptions, 'progress' | 'batch' | 'messages'> {
  /** The words that are not options: the receipt's, or the expression and its inputs as NAME=VALUE. */
  args: string[];
  /** The program from -e, or the path of -f (- for standard input). */
  expr?: string;
  file?: string;
  /** Build composites from primitive nodes. */
  expand: boolean;
  /** Compute in IEEE doubles throughout rather than exactly where the math is. */
  float: boolean;
  /** The seed of rand and randn's numbers; one is drawn and told if none is given. */
  seed?: number;
  /** --data: the data to give the program as its inputs x and t; MNIST's from the folder given. */
  data?: { name: 'spiral' } | { name: 'mnist'; folder: string };
  /** --batch's lines: where they are read from, whether they are CSV, and --fail-fast. */
  lines?: { path: string; csv: boolean; failFast: boolean };
  /** Whether errors are JSON objects: under --json, --format json and --batch. */
  json: boolean;
  /** Whether to show the progress of --train or --check: only where both outputs are a terminal. */
  progress: boolean;
}

/** What of the process the options read: its environment, and whether its output is a terminal. */
export interface Surroundings {
  env: Record<string, string | undefined>;
  terminal: boolean;
  errorTerminal?: boolean;
  columns?: number;
}

/** What commander gives, before the rules of what goes with what. */
interface Given {
  expr?: string;
  file?: string;
  json?: boolean;
  format?: Format;
  all?: boolean;
  full?: boolean;
  precision?: number;
  steps?: boolean;
  graph?: boolean;
  expand?: boolean;
  float?: boolean;
  seed?: number;
  data?: 'spiral' | 'mnist';
  check?: boolean;
  nudge?: NudgeRequest[];
  order?: number;
  mode?: Mode;
  train?: string | true;
  newton?: boolean;
  compare?: boolean;
  rate?: number;
  epochs?: number;
  tolerance?: number;
  batch?: string | true;
  failFast?: boolean;
  csv?: boolean;
  color?: boolean;
  version?: boolean;
}

/**
 * Reads the command line. Gives undefined when it was all a request for the help or the
 * version, which `say` has been given to print; throws an InputError for words that are not
 * a valid command line.
 */
export function readCommandLine(words: string[], messages: Messages, world: Surroundings, say: (output: string) => void): Request | undefined {
  const { argv, folder } = dataFolder(words);
  const wanted = named(argv);
  // Words that name no option are all words: there is nothing for commander to parse.
  if (wanted?.size === 0 && !argv.includes('--')) return settle({}, argv, world, folder);
  const cli = command(messages, wanted)
    .exitOverride()
    .configureOutput({
      writeOut: say,
      writeErr: say,
      // Thrown and told as backprop's own errors are.
      outputError: () => {},
    });
  try {
    cli.parse(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return undefined;
    // Commander's messages start with "error:"; keep each on one line.
    const message = error.message.replace(/^error: /, '').trimEnd().replace(/\n(?=\(Did you mean)/, ' ');
    throw new InputError(text('withHint', commanderMessage(message, messages), hint(message)));
  }
  const given = cli.opts<Given>();
  if (given.version) {
    say(`${pkg.version}\n`);
    return undefined;
  }
  if (cli.args.length === 1 && cli.args[0] === 'help') {
    cli.outputHelp();
    return undefined;
  }
  return settle(given, cli.args, world, folder);
}

/**
 * The folder of --data mnist DIR, taken out of the words: an option's value is one word to
 * commander, and this one has two. Words after -- are left alone.
 */
function dataFolder(argv: string[]): { argv: string[]; folder?: string } {
  const words = beforeDashes(argv);
  const at = words.findIndex((word, i) => (word === '--data' && words[i + 1] === 'mnist') || word === '--data=mnist');
  if (at < 0) return { argv };
  const next = at + (words[at] === '--data' ? 2 : 1);
  const folder = words[next];
  if (folder === undefined || folder.startsWith('-') || isBinding(folder)) throw new InputError(text('dataFolder'));
  return { argv: [...argv.slice(0, next), ...argv.slice(next + 1)], folder };
}

/** The options as a Request: each rule about which options go together is here. */
function settle(given: Given, words: string[], world: Surroundings, folder?: string): Request {
  if (given.expr !== undefined && given.file !== undefined) throw new InputError(text('exprAndFile'));
  if (given.json && given.format !== undefined && given.format !== 'json') throw new InputError(text('jsonWithFormat', given.format));
  const format: Format = given.json ? 'json' : (given.format ?? 'table');
  const views = (['steps', 'graph', 'check', 'nudge'] as const).filter((view) => given[view] !== undefined && given[view] !== false);
  const mode = given.mode === undefined || given.mode === 'reverse' ? undefined : given.mode;
  if (mode !== undefined && given.order !== undefined && given.order > 1) throw new InputError(text('modeWithOrder', mode));
  if (mode !== undefined && (format === 'dot' || format === 'mermaid' || format === 'svg' || format === 'html')) throw new InputError(text('textOrJson', 'mode', format));
  if ((format === 'dot' || format === 'mermaid' || format === 'svg' || format === 'html') && views.length > 0) {
    throw new InputError(text('textOrJson', views[0], format));
  }
  const train = training(given, format, views);
  const { lines, args } = batchLines(given, words, format);
  return {
    args,
    expr: given.expr,
    file: given.file,
    expand: given.expand === true,
    float: given.float === true,
    seed: given.seed,
    data: given.data === 'mnist' ? { name: 'mnist', folder: folder! } : given.data === 'spiral' ? { name: 'spiral' } : undefined,
    lines,
    json: format === 'json' || lines !== undefined,
    format,
    all: given.all === true,
    full: given.full === true,
    precision: given.precision,
    steps: given.steps === true,
    graph: given.graph === true,
    check: given.check === true,
    nudge: given.nudge,
    ...(given.order === undefined || given.order === 1 ? {} : { order: given.order }),
    ...(given.mode === undefined || given.mode === 'reverse' ? {} : { mode: given.mode }),
    train,
    progress: world.terminal && world.errorTerminal === true,
    color: useColor(given.color, world),
    width: screenWidth(world),
    viewLimit: viewLimit(world),
  };
}

/** What --train and its options ask for; they are an error without --train, and it goes with no view. */
function training(given: Given, format: Format, views: string[]): TrainOptions | undefined {
  if (given.compare && !given.newton) throw new InputError(text('goesWithNewton', 'compare'));
  if (given.train === undefined) {
    const stray = (['rate', 'epochs', 'tolerance', 'newton'] as const).find((option) => given[option] !== undefined);
    if (stray !== undefined) throw new InputError(text('goesWithTrain', stray));
    return undefined;
  }
  const refused = views[0] ?? (given.all ? 'all' : given.order !== undefined ? 'order' : given.mode !== undefined ? 'mode' : undefined);
  if (refused !== undefined) throw new InputError(text('notWithTrain', refused));
  if (format !== 'table' && format !== 'json') throw new InputError(text('textOrJson', 'train', format));
  const inputs = given.train === true ? undefined : given.train.split(',').map((name) => name.trim());
  if (inputs?.some((name) => !NAME_ONLY.test(name))) throw new InputError(text('trainNames', String(given.train)));
  return { inputs, rate: given.rate, epochs: given.epochs, tolerance: given.tolerance, newton: given.newton === true, compare: given.compare === true };
}

/** Where --batch reads its lines, and the command line's words once a NAME=VALUE after it is given back. */
function batchLines(given: Given, words: string[], format: Format): { lines?: Request['lines']; args: string[] } {
  const { batch, file } = given;
  if (batch === undefined) {
    const stray = given.failFast ? 'fail-fast' : given.csv ? 'csv' : undefined;
    if (stray !== undefined) throw new InputError(text('goesWithBatch', stray));
    return { args: words };
  }
  if (given.format !== undefined && format !== 'json') throw new InputError(text('batchWithFormat', format));
  const other = given.train !== undefined ? 'train' : given.nudge !== undefined ? 'nudge' : given.data !== undefined ? 'data' : given.order !== undefined ? 'order' : given.mode !== undefined ? 'mode' : undefined;
  if (other !== undefined) throw new InputError(text('notWithBatch', other));
  // --batch takes an optional file, so it would swallow a NAME=VALUE that follows it.
  const swallowed = batch !== true && isBinding(batch);
  const path = batch === true || swallowed ? '-' : batch;
  if (path === '-' && file === '-') throw new InputError(text('stdinTwice'));
  return { lines: { path, csv: given.csv === true || path.endsWith('.csv'), failFast: given.failFast === true }, args: swallowed ? [batch, ...words] : words };
}

/**
 * Color only on a terminal, unless said otherwise: --color/--no-color first, then
 * FORCE_COLOR, then NO_COLOR (any value but the empty one, which no-color.org leaves unset)
 * and TERM=dumb.
 */
function useColor(flag: boolean | undefined, { env, terminal }: Surroundings): boolean {
  const { FORCE_COLOR, NO_COLOR, TERM } = env;
  if (flag !== undefined) return flag;
  if (FORCE_COLOR !== undefined) return FORCE_COLOR !== '0' && FORCE_COLOR !== 'false';
  if ((NO_COLOR !== undefined && NO_COLOR !== '') || TERM === 'dumb') return false;
  return terminal;
}

/** BACKPROP_VIEW_MB, a whole number of megabytes, as bytes: the most a view of every node may print. */
function viewLimit({ env }: Surroundings): number | undefined {
  return wholeNumber(env.BACKPROP_VIEW_MB) ? Number(env.BACKPROP_VIEW_MB) * 2 ** 20 : undefined;
}

/** The screen's width in columns: the terminal's, else COLUMNS (as a shell sets it), else 80. */
function screenWidth({ columns, env }: Surroundings): number {
  if (columns !== undefined && columns > 0) return columns;
  return wholeNumber(env.COLUMNS) ? Number(env.COLUMNS) : SCREEN_WIDTH;
}

/** Whether a variable's value is a whole number above 0. */
function wholeNumber(value: string | undefined): boolean {
  return /^\d+$/.test(value ?? '') && Number(value) > 0;
}

/**
 * The language of the words printed: --lang's, read from the words themselves (an error in
 * parsing them is said in it too), else the locale's (LC_ALL, then LC_MESSAGES, then LANG,
 * the first that is set), else English.
 */
export function language(argv: string[], env: Surroundings['env']): Language {
  const words = beforeDashes(argv);
  const at = words.findLastIndex((word) => word === '--lang' || word.startsWith('--lang='));
  const asked = at < 0 ? undefined : words[at] === '--lang' ? words[at + 1] : words[at].slice('--lang='.length);
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return LANGUAGES.find((code) => code === asked) ?? languageOf(locale) ?? 'en';
}

/**
 * Whether errors are to be JSON objects, read from the words themselves: it is needed even
 * when the command line is too wrong to be read. Once it is read, Request.json says.
 */
export function asksForJson(argv: string[]): boolean {
  const words = beforeDashes(argv);
  return words.some(
    (word, i) => word === '--json' || word === '--batch' || word.startsWith('--batch=') || word === '--format=json' || (word === '--format' && words[i + 1] === 'json'),
  );
}

/** The words before a `--`, which are options; after it they are words. */
function beforeDashes(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end < 0 ? argv : argv.slice(0, end);
}

/**
 * The options, in the order --help lists them: the words that name each (both of a pair that
 * sets one value, as --color and --no-color do), and how to make it in the reader's words.
 */
const OPTIONS: [names: string[], make: (messages: Messages) => Option | Option[]][] = [
  [['-e', '--expr'], (m) => new Option(`-e, --expr <${m.textValue}>`, m.exprOption)],
  [['-f', '--file'], (m) => new Option(`-f, --file <${m.pathValue}>`, m.fileOption)],
  [['--json'], (m) => new Option('--json', m.jsonOption)],
  [['--format'], (m) => new Option(`--format <${m.formValue}>`, m.formatOption).choices(FORMATS)],
  [['--all'], (m) => new Option('--all', m.allOption)],
  [['--full'], (m) => new Option('--full', m.fullOption)],
  [['--precision'], (m) => valued(`--precision <${m.digitsValue}>`, m.precisionOption(DIGITS, FULL_DIGITS), digits, m)],
  [['--steps'], (m) => new Option('--steps', m.stepsOption)],
  [['--graph'], (m) => new Option('--graph', m.graphOption)],
  [['--expand'], (m) => new Option('--expand', m.expandOption(m.and([...FUNCTIONS.values()].filter(({ layer }) => 'expand' in layer && layer.expand !== undefined).map((op) => op.symbol))))],
  [['--float'], (m) => new Option('--float', m.floatOption)],
  [['--seed'], (m) => valued('--seed <n>', m.seedOption, seed, m)],
  [['--data'], (m) => new Option(`--data <${m.dataValue}>`, m.dataOption).choices(['spiral', 'mnist'])],
  [['--check'], (m) => new Option('--check', m.checkOption(ABSOLUTE, RELATIVE))],
  [['--nudge'], (m) => valued('--nudge <NAME=+D>', m.nudgeOption, nudges, m)],
  [['--order'], (m) => valued('--order <n>', m.orderOption(MOST_ORDER), order, m)],
  [['--mode'], (m) => new Option(`--mode <${m.modeValue}>`, m.modeOption).choices(MODES)],
  [['--train'], (m) => new Option(`--train [${m.inputsValue}]`, m.trainOption)],
  [['--newton'], (m) => new Option('--newton', m.newtonOption)],
  [['--compare'], (m) => new Option('--compare', m.compareOption)],
  [['--rate'], (m) => valued(`--rate <${m.numberValue}>`, m.rateOption(RATE), trainingOption('rate'), m)],
  [['--epochs'], (m) => valued('--epochs <n>', m.epochsOption(EPOCHS), trainingOption('epochs'), m)],
  [['--tolerance'], (m) => valued(`--tolerance <${m.numberValue}>`, m.toleranceOption(TOLERANCE), trainingOption('tolerance'), m)],
  [['--batch'], (m) => new Option(`--batch [${m.fileValue}]`, m.batchOption)],
  [['--fail-fast'], (m) => new Option('--fail-fast', m.failFastOption)],
  [['--csv'], (m) => new Option('--csv', m.csvOption)],
  [['--lang'], (m) => new Option(`--lang <${m.languageValue}>`, m.langOption).choices(LANGUAGES)],
  [['--color', '--no-color'], (m) => [new Option('--color', m.colorOption), new Option('--no-color', m.noColorOption)]],
  // Not commander's .version(): that prints at the first -V of "-Vxyz" and ignores the rest.
  [['-V', '--version'], (m) => new Option('-V, --version', m.versionOption)],
];
const NAMES = new Set(OPTIONS.flatMap(([names]) => names));

/**
 * The options the words name, or undefined for all of them: the book's receipt names none,
 * and --json one. For any other word that starts with - (a misspelt option, -Vxyz, a value
 * such as -1) or a request for help, commander is given every option, to parse, suggest and
 * list as it always has.
 */
function named(argv: readonly string[]): Set<string> | undefined {
  const words = beforeDashes(argv);
  const flags = words.filter((word) => word.startsWith('-') && word !== '-').map((word) => word.replace(/=[^]*$/, ''));
  if (words.includes('help') || flags.some((flag) => !NAMES.has(flag))) return undefined;
  return new Set(flags);
}

/** Commander, given the options that the words name (all of them when undefined). */
function command(messages: Messages, wanted: Set<string> | undefined): Command {
  const cli = new Command()
    .name('backprop')
    .usage(messages.usage)
    .description(messages.description)
    .argument(`[${messages.wordsName}...]`, messages.wordsArgument);
  for (const [names, make] of OPTIONS) {
    if (wanted === undefined || names.some((name) => wanted.has(name))) for (const option of [make(messages)].flat()) cli.addOption(option);
  }
  return cli
    .helpOption('-h, --help', messages.helpOption)
    .configureHelp({
      helpWidth: SCREEN_WIDTH,
      // Hangul and kanji take two columns: measured so, and broken between any two of them.
      displayWidth: (shown) => stringWidth(shown),
      boxWrap: (shown, width) => wrapText(shown, width),
      styleTitle: (title) => titles(messages)[title] ?? title,
      optionDescription: (option) =>
        option.argChoices === undefined
          ? option.description
          : `${option.description} (${messages.choices}: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(', ')})`,
    })
    .addHelpText('beforeAll', messages.examples)
    .addHelpText('after', () => reference(messages));
}

/** What --help says after the options: the words, the expressions, the exit status. */
function reference(messages: Messages): string {
  const functions = [...FUNCTIONS.values()].filter(({ layer, notation }) => notation.form === 'call' && !('arrays' in layer));
  const pairs = functions.filter((op) => op.arity === 2).map((op) => `${op.symbol}(a, b)`);
  return messages.reference(hanging(functions.map((op) => op.symbol)), pairs.join(', '), hanging(ARRAY_WORDS), pkg.name);
}

/** What --help says of arrays: how they are written, made and computed with. */
const ARRAY_WORDS = [
  '[1, 2],', '[[1, 2], [3, 4]];', 'X @ W', '(dot),', 'X.T', '(transpose),', 'sum(x[, axis]),', 'mean(x[, axis]),', 'softmax,',
  'cross_entropy(y, t),', 'affine(X, W, b),', 'softmax_with_loss(x, t),', 'detach(x)', '(data);', 'zeros(2, 3),', 'ones,', 'rand,', 'randn', '(--seed)',
];

/** Words on lines that fit the help's 80 columns after its column of headings, the lines after the first indented under it. */
function hanging(words: string[], indent = 13): string {
  const lines = [''];
  for (const word of words) {
    const last = lines.length - 1;
    if (lines[last] !== '' && indent + stringWidth(`${lines[last]} ${word}`) > SCREEN_WIDTH) lines.push(word);
    else lines[last] = lines[last] === '' ? word : `${lines[last]} ${word}`;
  }
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** Commander's headings in the help, in the reader's words. */
function titles(messages: Messages): Record<string, string> {
  return { 'Usage:': messages.usageTitle, 'Arguments:': messages.argumentsTitle, 'Options:': messages.optionsTitle };
}

/**
 * An option whose value `parse` reads, refusing it with an InputError that says why. Commander
 * passes on an error that is not its own, so the refusal is put in words here, in the form of
 * commander's own (invalidArgument), and said in the reader's language.
 */
function valued<T>(flags: string, description: string, parse: (value: string, previous?: T) => T, messages: Messages): Option {
  return new Option(flags, description).argParser((value: string, previous?: T) => {
    try {
      return parse(value, previous);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(text('withHint', text('invalidArgument', flagsOf(flags, messages), value, text('sentence', error.what)), text('seeHelp')));
    }
  });
}

/** --nudge, given again and again: each adds to the list, which is not copied each time. */
function nudges(value: string, previous: NudgeRequest[] = []): NudgeRequest[] {
  previous.push(parseNudge(value));
  return previous;
}

/** --rate, --epochs or --tolerance, held to the rule that train() holds it to; --epochs only in plain digits. */
function trainingOption(option: keyof typeof TRAINING_RULES): (value: string) => number {
  return (value) => {
    const x = Number(value);
    const { holds, rule } = TRAINING_RULES[option];
    if (!holds(x) || (option === 'epochs' && !/^\d+$/.test(value))) throw new InputError(rule);
    return x;
  };
}

/** --seed: a whole number that fits 32 bits, as the generator's seed does. */
function seed(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 0xffffffff) throw new InputError(text('wholeNumber', 0, 0xffffffff));
  return n;
}

/** --order: a whole number from 1 (the gradient, as without it) to MOST_ORDER. */
function order(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MOST_ORDER) throw new InputError(text('wholeNumber', 1, MOST_ORDER));
  return n;
}

/** --precision: only plain digits, as Number() would also take 0x10, 1e1, 0b11 or 5.0. */
function digits(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !isDigits(n)) throw new InputError(text('wholeNumber', 1, MOST_DIGITS));
  return n;
}

/** What to add to one of commander's messages: how to give an expression that starts with -. */
function hint(message: string): Said {
  const option = /unknown option '(-[^-][^']*)'$/.exec(message)?.[1];
  return option === undefined || option === '-v' ? text('seeHelp') : text('dashExpression', option);
}

/** One of commander's messages as a message of backprop's own, to be said in the reader's language. */
function commanderMessage(message: string, messages: Messages): Said {
  const unknown = /^unknown option '([^]*)'(?: \(Did you mean (.*)\?\))?$/.exec(message);
  // Commander suggests long options only: -v, as other programs spell it, is -V here.
  const meant = unknown?.[2] ?? (unknown?.[1] === '-v' ? '-V, --version' : undefined);
  if (unknown !== null) return meant === undefined ? text('unknownOption', unknown[1]) : text('unknownOptionMeant', unknown[1], meant);
  const missing = /^option '([^']*)' argument missing$/.exec(message);
  if (missing !== null) return text('optionMissing', flagsOf(missing[1], messages));
  const invalid = /^option '([^']*)' argument '([^]*)' is invalid\. ([^]*)$/.exec(message);
  if (invalid === null) return message;
  const choices = /^Allowed choices are (.*)\.$/.exec(invalid[3]);
  return text('invalidArgument', flagsOf(invalid[1], messages), invalid[2], choices === null ? invalid[3] : text('choose', choices[1]));
}

/** The words that name an option's value, as the help and the messages write it: `--precision <digits>`. */
const VALUE_WORDS = ['textValue', 'pathValue', 'formValue', 'digitsValue', 'numberValue', 'languageValue', 'modeValue'] as const;

/**
 * An option's flags, written with its value in the reader's words, as a message to be said in
 * any language: JSON names it in English.
 */
function flagsOf(flags: string, messages: Messages): Said {
  const [, option, value] = /^(.*) <([^>]*)>$/.exec(flags) ?? [];
  const word = VALUE_WORDS.find((key) => messages[key] === value);
  return word === undefined ? flags : text('optionFlags', option, text(word));
}

