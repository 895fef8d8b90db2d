import fc from 'fast-check';
import stringWidth from 'string-width';
import { expect, test } from 'vitest';
import { PLAIN } from '../../src/render/paint.js';
import { check } from '../../src/check.js';
import { BackpropError, MathError } from '../../src/errors.js';
import { CATALOGUES } from '../../src/messages/all.js';
import { LANGUAGES, type Messages } from '../../src/messages/index.js';
import { nudge } from '../../src/nudge.js';
import { parseExpression } from '../../src/parse/expression.js';
import { renderNudges } from '../../src/render/nudges.js';
import { renderTable } from '../../src/render/table.js';
import { renderText } from '../../src/render/text.js';
import { renderTraining } from '../../src/render/training.js';
import { evaluate, type Result } from '../../src/result.js';
import { trace } from '../../src/trace.js';
import { train } from '../../src/train.js';
import { expression, NAMES } from '../arbitraries.js';
import { RUNS, TIMEOUT } from '../runs.js';

/**
 * Everything printed for a person fits the screen, in every language, at any width from 40 to
 * 200 columns, wherever the content allows it. What it allows: a line is broken between words
 * (and between kanji or kana) and nowhere else, so a word wider than the screen less its
 * indentation cannot fit: a long name, or a formula written with no space, as --steps and the
 * tree write an unnamed operation (∂y/∂(−softplus(learning_rt)), deep in the tree). Such a line
 * is the only one allowed past the edge: one word after its indentation or tree branches. The
 * tables are held strictly: their cells (names of at most 12 columns here, numbers of at most
 * 22, headings of at most 30) always fit a table of 40 columns, in a box or row by row.
 */
// A failure is told, shrunk as far as it got, before the test's own time runs out.
const LIMIT = TIMEOUT - 5000;
const widest = (text: string) => Math.max(...text.split('\n').map((line) => stringWidth(line)));
/** Every line within `width` columns; with `unbreakable`, but for one that is a single word after its indentation or branches. */
const expectFits = (text: string, width: number, unbreakable = false) => {
  for (const line of text.split('\n')) {
    if (unbreakable && /^[│├└─ ]*\S+$/.test(line)) continue;
    expect(stringWidth(line), `${width} columns:\n${line}\nin\n${text}`).toBeLessThanOrEqual(width);
  }
};

/** Names of up to 12 columns: ASCII, Hangul (two columns a letter) and kanji. */
const name = fc.oneof(
  fc.constantFrom('w', 'x1', 'bias', 'apple_num', 'learning_rt', 'weight_of_it'),
  fc.array(fc.constantFrom(...'사과귤세금가격무게'), { minLength: 1, maxLength: 6 }).map((letters) => letters.join('')),
  fc.array(fc.constantFrom(...'勾配重入力出値'), { minLength: 1, maxLength: 6 }).map((letters) => letters.join('')),
);

/** A program of the random expressions, its inputs and output renamed, with values for them. */
const program = fc
  .record({
    expression,
    names: fc.uniqueArray(name, { minLength: NAMES.length + 1, maxLength: NAMES.length + 1 }),
    values: fc.array(fc.integer({ min: -30, max: 30 }), { minLength: NAMES.length, maxLength: NAMES.length }),
  })
  .map(({ expression, names, values }) => {
    // Single letters only: the function names around them are longer words.
    const renamed = expression.text.replace(/\b[a-g]\b/g, (letter) => names[NAMES.indexOf(letter)] ?? letter);
    const used = NAMES.filter((letter) => new RegExp(`\\b${letter}\\b`).test(expression.text));
    return {
      source: `${names[NAMES.length]} = ${renamed}`,
      bindings: used.map((letter) => `${names[NAMES.indexOf(letter)]}=${values[NAMES.indexOf(letter)] / 10}`),
    };
  });

/** The program evaluated, or undefined where its math fails (log of a negative number, …). */
function evaluated({ source, bindings }: { source: string; bindings: string[] }): Result | undefined {
  try {
    return evaluate(parseExpression(source, bindings));
  } catch (error) {
    if (error instanceof MathError) return undefined;
    throw error;
  }
}

/** --check as the command line makes it, with times (the command line always has them). */
function checked(result: Result) {
  const made = check(result, { timed: false });
  made.backprop.milliseconds = 0.0123;
  made.numerical.milliseconds = 1.23;
  return made;
}

const views = fc.record({
  all: fc.boolean(),
  steps: fc.boolean(),
  tree: fc.boolean(),
  check: fc.boolean(),
  nudges: fc.array(fc.tuple(fc.nat(), fc.integer({ min: -20, max: 20 }), fc.boolean()), { maxLength: 3 }),
  digits: fc.option(fc.integer({ min: 1, max: 17 }), { nil: undefined }),
});
type ViewOptions = typeof views extends fc.Arbitrary<infer T> ? T : never;
const language = fc.constantFrom(...LANGUAGES);

/** What renderText prints for these views, or undefined where a nudge leaves the function's domain. */
function text(result: Result, view: ViewOptions, width: number, words: Messages): string | undefined {
  const { graph, inputs } = result;
  const requests = inputs.length === 0 ? [] : view.nudges.map(([which, tenths, percent]) => ({ name: graph.name(inputs[which % inputs.length])!, change: tenths / 10 || 0.1, percent }));
  let nudges;
  try {
    nudges = requests.length === 0 ? undefined : nudge(result, requests);
  } catch (error) {
    if (error instanceof MathError) return undefined;
    throw error;
  }
  const steps = view.steps ? trace(result) : undefined;
  const check = view.check ? checked(result) : undefined;
  return [...renderText(result, { paint: PLAIN, all: view.all, tree: view.tree, digits: view.digits, width, words, nudges, steps, check })].join('');
}

test(`the table, --all, --check, --nudge, --steps and --graph fit any width from 40 to 200, in every language (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(program, views, fc.integer({ min: 40, max: 200 }), language, (source, view, width, lang) => {
      const result = evaluated(source);
      fc.pre(result !== undefined);
      const printed = text(result!, view, width, CATALOGUES[lang]);
      fc.pre(printed !== undefined);
      expectFits(printed!, width, true);
    }),
    { numRuns: RUNS, interruptAfterTimeLimit: LIMIT },
  );
}, TIMEOUT);

test(`the tables fit strictly, at any width and at their edge: exactly as wide as they are, and narrower (${RUNS} cases)`, () => {
  // The edge is where a mistake in the widths' arithmetic shows.
  fc.assert(
    fc.property(program, views, language, fc.integer({ min: 40, max: 200 }), fc.integer({ min: -3, max: 0 }), (source, view, lang, width, edge) => {
      const result = evaluated(source);
      fc.pre(result !== undefined);
      const words = CATALOGUES[lang];
      const check = view.check ? checked(result!) : undefined;
      const table = (width: number) => [...renderTable(result!, PLAIN, view.digits, view.all, check, words, width)].join('');
      const tableEdge = Math.max(40, widest(table(Infinity)) + edge);
      for (const at of [width, tableEdge]) expectFits(table(at), at);
      if (result!.inputs.length === 0) return;
      let nudges;
      try {
        nudges = nudge(result!, [{ name: result!.graph.name(result!.inputs[0])!, change: 1, percent: false }]);
      } catch (error) {
        if (!(error instanceof MathError)) throw error;
        return;
      }
      const nudged = (width: number) => renderNudges(result!, nudges, PLAIN, view.digits, width, words);
      // The note under the table is a line of words, fitted on its own.
      const nudgeEdge = Math.max(40, widest(nudged(Infinity).split('\n').slice(0, -2).join('\n')) + edge);
      for (const at of [width, nudgeEdge]) expectFits(nudged(at), at);
    }),
    { numRuns: RUNS, interruptAfterTimeLimit: LIMIT },
  );
}, TIMEOUT);

test(`--train's table and chart fit any width from 40 to 200, in every language (${RUNS / 10} cases)`, () => {
  fc.assert(
    fc.property(program, fc.integer({ min: 1, max: 300 }), fc.integer({ min: 40, max: 200 }), language, (source, epochs, width, lang) => {
      let training;
      try {
        training = train(parseExpression(source.source, source.bindings), { epochs, rate: 0.01 });
      } catch (error) {
        // It diverged, or has nothing to train.
        if (!(error instanceof BackpropError)) throw error;
        return fc.pre(false);
      }
      expectFits(renderTraining(training, { paint: PLAIN, width, words: CATALOGUES[lang] }), width);
    }),
    { numRuns: Math.ceil(RUNS / 10), interruptAfterTimeLimit: LIMIT },
  );
}, TIMEOUT);

test('a name wider than the screen is all that passes its edge: alone on its line, unbroken', () => {
  for (const long of ['n'.repeat(60), '가'.repeat(30)]) {
    const source = { source: `y = ${long} * 3 + log(${long})`, bindings: [`${long}=2`] };
    const result = evaluated(source)!;
    const view = { all: true, steps: true, tree: true, check: true, nudges: [[0, 1, false]] as [number, number, boolean][], digits: undefined };
    const trained = train(parseExpression(source.source, source.bindings), { epochs: 5, rate: 0.01 });
    for (const lang of LANGUAGES) {
      const printed = text(result, view, 40, CATALOGUES[lang])!;
      const training = renderTraining(trained, { paint: PLAIN, width: 40, words: CATALOGUES[lang] });
      const over = `${printed}\n${training}`.split('\n').filter((line) => stringWidth(line) > 40);
      expect(over.length).toBeGreaterThan(0);
      for (const line of over) expect(line.replace(/^[│├└─ ]+/, ''), line).toMatch(new RegExp(`^\\S*${long}\\S*$`));
    }
  }
});
