import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { expression, NAMES, values } from './arbitraries.js';
import { runInProcess } from './io.js';
import { wrongSquare } from './wrong.js';
import { RUNS, TIMEOUT } from './runs.js';
import { expectValid } from './schema.js';
import { batch as libraryBatch } from '../src/batch.js';
import { parseExpression } from '../src/parse/expression.js';
import { MAX_VIEW_NODES } from '../src/render/limit.js';

const RECEIPT = ['apple=100x2', 'orange=150x3', 'tax=1.1'];

/** Runs a batch in-process and gives its status and output lines, each checked against the schema. */
async function batch(argv: string[], stdin: string, files: Record<string, string> = {}) {
  const run = await runInProcess(argv, { stdin, files });
  const lines = run.stdout === '' ? [] : run.stdout.trimEnd().split('\n');
  for (const line of lines) expectValid('batchLine', line);
  return { ...run, lines: lines.map((line) => JSON.parse(line)) };
}

describe('--batch', () => {
  test('one document per line of input values; names a line leaves out keep the command line’s values', async () => {
    const run = await batch([...RECEIPT, '--batch'], '{"apple": 120}\n{"tax": 1.08}\n{}\n');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.lines.map((line) => [line.value, line.gradients.apple, line.inputs.apple, line.inputs.tax])).toEqual([
      [759, 2.2, 120, 1.1],
      [702, 2.16, 100, 1.08],
      [715, 2.2, 100, 1.1],
    ]);
    // Each line is the --json document, on one line.
    const single = await runInProcess([...RECEIPT, '--json']);
    expect(run.stdout.split('\n')[2]).toBe(JSON.stringify(JSON.parse(single.stdout)));
  });

  test('an input the command line leaves out is given by the lines', async () => {
    const run = await batch(['loss = (w*x - t)^2', 'x=2', 't=3', '--batch'], '{"w": 0}\n{"w": 1.5}\n{"x": 1}\n');
    expect(run.lines.slice(0, 2).map((line) => [line.value, line.gradients.w])).toEqual([
      [9, -12],
      [0, 0],
    ]);
    expect(run.lines[2]).toEqual({
      line: 3,
      error: {
        status: 2,
        kind: 'input',
        code: 'line-no-value',
        message: `'w' has no value: give it in each line ({"w": 2}) or on the command line (w=2)`,
        name: 'w',
      },
    });
    expect(run.status).toBe(1);
  });

  test('a bad line gives an error line and the run goes on; status 1', async () => {
    const input = ['{"x": 2}', 'not json', '[1]', '{"z": 1}', '{"x": "2"}', '{"x": 1e999}', '', '{"x": 0}', '{"x": 3}'].join('\n');
    const run = await batch(['log(x) * y', 'y=2', '--batch'], `${input}\n`);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.lines).toHaveLength(9);
    expect(run.lines[0].value).toBeCloseTo(2 * Math.log(2), 14);
    const errors = run.lines.slice(1, 8).map(({ line, error }) => [line, error.kind, error.code, error.name, error.message]);
    expect(errors).toEqual([
      [2, 'input', 'not-json', undefined, `the line is not JSON: at column 1, expected a value, found 'n'; give an object of input values, e.g. {"x": 2}`],
      [3, 'input', 'not-object', undefined, 'the line is [1], not an object: give an object of input values, e.g. {"x": 2}'],
      [4, 'input', 'unknown-name', 'z', "the program has no input 'z' (its inputs: x, y)"],
      [5, 'input', 'not-finite-number', 'x', `'x' is "2": give a finite number`],
      [6, 'input', 'too-large', 'x', `'x' is too large (the largest number is about 1.8e308)`],
      [7, 'input', 'empty-line', undefined, 'the line is empty: give an object of input values, e.g. {"x": 2}, or {} for none'],
      [8, 'math', 'computed-infinite', undefined, 'log(x) is infinite: log(0) = -Infinity'],
    ]);
    expect(run.lines[8].value).toBeCloseTo(2 * Math.log(3), 14);
  });

  test('a huge line or name is repeated in its error only in part, cut with …', async () => {
    const long = 'a'.repeat(1_000_000);
    const input = [`[${'1,'.repeat(500_000)}1]`, `{"${long}": 1}`, `{"x": "${long}"}`].join('\n');
    const run = await batch(['x * 2', 'x=1', '--batch'], `${input}\n`);
    expect(run.lines.map(({ error }) => error.message)).toEqual([
      'the line is [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1…, not an object: give an object of input values, e.g. {"x": 2}',
      `the program has no input '${'a'.repeat(40)}…' (its inputs: x)`,
      `'x' is "${'a'.repeat(39)}…: give a finite number`,
    ]);
  });

  test('--fail-fast stops at the first bad line', async () => {
    const run = await batch(['x*y', 'y=2', '--batch', '--fail-fast'], '{"x": 1}\n{"x": true}\n{"x": 3}\n');
    expect(run.status).toBe(1);
    expect(run.lines.map((line) => line.value ?? line.line)).toEqual([2, 2]);
  });

  test('--batch FILE reads the lines from a file, and a .csv file by its header', async () => {
    const files = { 'values.jsonl': '{"x": 3}\n', 'values.csv': 'x, "y"\r\n1,2\r\n,5\r\n4,z\r\n1\r\n' };
    expect((await batch(['x*y', 'y=2', '--batch', 'values.jsonl'], '')).lines).toEqual([]);
    expect((await batch(['x*y', 'y=2', '--batch', 'values.jsonl'], '', files)).lines[0].value).toBe(6);
    const run = await batch(['x*y', 'x=10', 'y=1', '--batch', 'values.csv'], '', files);
    expect(run.status).toBe(1);
    expect(run.lines.slice(0, 2).map((line) => line.value)).toEqual([2, 50]);
    expect(run.lines.slice(2)).toEqual([
      { line: 4, error: { status: 2, kind: 'input', code: 'csv-not-number', message: "'y' is 'z': give a number", name: 'y' } },
      { line: 5, error: { status: 2, kind: 'input', code: 'csv-row', message: 'the row has 1 value where the header names 2' } },
    ]);
  });

  test('a CSV header naming no input fails the run before any line', async () => {
    const run = await batch(['x*y', 'x=1', 'y=1', '--batch', 'values.csv'], '', { 'values.csv': 'x,w\n1,2\n' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.stderr)).toEqual({
      error: {
        status: 2,
        kind: 'input',
        code: 'unknown-name',
        message: "the CSV header names 'w', which is not an input of the program (its inputs: x, y)",
        name: 'w',
        csv_line: 1,
      },
    });
  });

  test('a NAME=VALUE after --batch is an input, not a file', async () => {
    const run = await batch(['x*y', '--batch', 'x=2', 'y=3'], '{"y": 4}\n');
    expect(run.lines[0].value).toBe(8);
  });

  test('--precision, --steps, --graph and --check go into each line', async () => {
    const run = await batch(['sigmoid(x)', '--batch', '--precision', '3', '--steps', '--graph', '--check'], '{"x": 1}\n');
    expect(run.status).toBe(0);
    expect(run.lines[0].value).toBe(0.731);
    expect(Object.keys(run.lines[0])).toEqual(['output', 'value', 'inputs', 'gradients', 'intermediates', 'exact', 'steps', 'graph', 'check']);
    const coarse = await batch(['sigmoid(x * 1000000)', '--batch', '--check'], '{"x": 0.0000001}\n');
    expect(coarse.lines[0].check.inputs.x.verdict).toBe('inconclusive');
    // No layer of backprop's own disagrees: one with a wrong backward, built by hand.
    const answers: string[] = [];
    for await (const answer of libraryBatch(wrongSquare(1), lines('{"x": 2}'), { check: true })) answers.push(answer);
    expect(JSON.parse(answers[0])).toMatchObject({ line: 1, error: { status: 1, kind: 'check', code: 'check-disagrees', name: 'x' } });
  });

  test.each([
    [['x', '-f', '-', '--batch'], /^-f - and --batch both read standard input/],
    [['x', 'x=1', '--fail-fast', '--json'], /^--fail-fast goes with --batch/],
    [['x', 'x=1', '--batch', '--format', 'dot'], /^--batch writes a JSON document per line: it does not go with --format dot$/],
    [['x', 'x=1', '--batch', 'missing.jsonl'], /^cannot read 'missing.jsonl': no such file$/],
    [['x*(y', '--batch'], /^this '\(' is never closed/],
  ])('%j is an input error, written as a JSON object', async (argv, message) => {
    const run = await runInProcess(argv, { stdin: '{}\n' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expectValid('errorObject', run.stderr);
    expect(JSON.parse(run.stderr).error.message).toMatch(message);
  });

  test('a line that is not JSON is told where it goes wrong and what was found, in backprop’s words', async () => {
    const input = ['{"x": }', '{"x": 1', '{"x" 1}', "{'x': 1}", '{"x": 1}}', '{"x": "a\\q"}', '{"x": [1, 2,]}'].join('\n');
    const run = await batch(['x * 2', 'x=1', '--batch'], `${input}\n`);
    expect(run.lines.map(({ error }) => error.message.replace(/; give an object.*$/, ''))).toEqual([
      "the line is not JSON: at column 7, expected a value, found '}'",
      "the line is not JSON: at column 8, expected ',' or '}', found the end of the line",
      "the line is not JSON: at column 6, expected ':', found '1'",
      "the line is not JSON: at column 2, expected a name in double quotes, found '''",
      "the line is not JSON: at column 9, expected the end of the line, found '}'",
      "the line is not JSON: at column 9, expected an escape such as \\n or \\u00e9, found '\\'",
      "the line is not JSON: at column 13, expected a value, found ']'",
    ]);
  });

  test('a line nested thousands deep is refused as a line, and the lines after it are answered', async () => {
    const deep = (n: number) => `{"x": ${'['.repeat(n)}${']'.repeat(n)}}`;
    const objects = `{"x": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    const run = await batch(['x * 2', 'x=1', '--batch'], `${deep(20_000)}\n${objects}\n{"x": 3}\n`);
    expect(run.lines.map((line) => line.error?.code ?? line.value)).toEqual(['not-array', 'not-finite-number', 6]);
  });

  test('a line’s id and keys that start with _ are echoed first in its answer, or in its error', async () => {
    const run = await batch(['x * 2', '--batch'], '{"id": 7, "x": 1}\n{"_request": {"n": [1, "a"]}, "id": "b", "x": "?"}\n');
    expect(run.stdout.split('\n')[0]).toMatch(/^\{"id":7,"output":"result","value":2,/);
    expect(run.lines[1]).toEqual({ line: 2, _request: { n: [1, 'a'] }, id: 'b', error: expect.objectContaining({ code: 'not-finite-number' }) });
  });

  test('keys are names as the program’s are: é composed or as e and an accent is one name', async () => {
    const run = await batch(['café * 2', 'café=1', '--batch'], '{"cafe\u0301": 4}\n');
    expect(run.lines[0].value).toBe(8);
  });

  test('a byte order mark before the first JSON line is skipped, as it is before a CSV header', async () => {
    const run = await batch(['x * 2', '--batch'], '\uFEFF{"x": 4}\n');
    expect(run.lines[0].value).toBe(8);
  });

  test('CSV as RFC 4180 writes it: quoted values with commas and line breaks, doubled quotes, empty rows skipped', async () => {
    const files = { 'rows.csv': 'x,"y"\n"1,5",2\n\n"3",\n"4\n",1\n"2""",1\n' };
    const run = await batch(['x*y', 'y=10', '--batch', 'rows.csv'], '', files);
    expect(run.lines.map((line) => line.value ?? [line.line, line.error.message])).toEqual([
      [2, "'x' is '1,5': give a number"],
      30,
      [5, "'x' is '4\n': give a number"],
      [7, `'x' is '2"': give a number`],
    ]);
  });

  test('--csv reads standard input as CSV; a quoted value never closed is told at the end', async () => {
    const run = await batch(['x*y', '--batch', '--csv'], 'x,y\n2,3\n"4,5\n');
    expect(run.lines).toEqual([expect.objectContaining({ value: 6 }), { line: 3, error: expect.objectContaining({ code: 'csv-open-quote' }) }]);
    expect(run.status).toBe(1);
    expect((await runInProcess(['x', '--csv', 'x=1'])).stderr).toBe('error: --csv goes with --batch: give both, or neither\n');
  });

  test('--check in a batch does not time the methods: the same line gives the same document', async () => {
    const run = await batch(['sigmoid(x)', '--batch', '--check'], '{"x": 1}\n{"x": 1}\n');
    expect(run.lines[0].check.backprop).toEqual({ forward_passes: 1, backward_passes: 1 });
    expect(run.lines[1]).toEqual(run.lines[0]);
  });

  test(`each line is what one process per evaluation prints, and a valid batch line (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(expression, fc.array(values, { minLength: 1, maxLength: 4 }), async ({ text }, lines) => {
        const used = NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
        const objects = lines.map((numbers) => Object.fromEntries(used.map((name) => [name, numbers[NAMES.indexOf(name)]])));
        const run = await batch(['-e', text, '--batch'], objects.map((object) => `${JSON.stringify(object)}\n`).join(''));
        expect(run.lines).toHaveLength(lines.length);
        for (const [i, object] of objects.entries()) {
          const single = await runInProcess(['-e', text, '--json', ...Object.entries(object).map(([name, value]) => `${name}=${value}`)]);
          if (single.status === 0) expect(run.lines[i]).toEqual(JSON.parse(single.stdout));
          else expect(run.lines[i]).toEqual({ line: i + 1, error: JSON.parse(single.stderr).error });
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  }, TIMEOUT);
});

describe('--batch is bounded as the views are', () => {
  // A chain of negations one node longer than a view of every node takes.
  const chain = `y = ${'-'.repeat(MAX_VIEW_NODES)}x`;

  test.each([['--steps'], ['--graph']])('--batch %s refuses a graph too large for the view before reading a line', async (view) => {
    const run = await runInProcess(['-f', 'chain.txt', '--batch', view], { stdin: '{"x": 1}\n', files: { 'chain.txt': chain } });
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: '' });
    expect(JSON.parse(run.stderr).error).toMatchObject({ code: 'view-too-large', message: expect.stringContaining(`${view} shows every node`) });
    expect(() => libraryBatch(parseExpression(chain, ['x=1']), lines(), { steps: true })).toThrow(/shows every node/);
  });

  test('--batch --check refuses a graph whose check would take minutes before reading a line', async () => {
    const wide = `y = ${Array.from({ length: 5000 }, (_, i) => `x${i}`).join(' * ')}`;
    const run = await runInProcess(['-e', wide, '--batch', '--check'], { stdin: '{}\n' });
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: '' });
    expect(JSON.parse(run.stderr).error.code).toBe('check-too-long');
  });

  test('a line whose --steps or --graph would print more than BACKPROP_VIEW_MB is answered with an error, and the run goes on', async () => {
    const name = 'n'.repeat(20_000);
    const program = `${name} = 1.01\ny = ${Array(16).fill(name).join(' * ')}\nz = y * x`;
    for (const view of ['--steps', '--graph']) {
      const run = await runInProcess(['-f', 'p.txt', '--batch', view], { stdin: '{"x": 1}\n{}\n', files: { 'p.txt': program }, env: { BACKPROP_VIEW_MB: '1' } });
      const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(run.status).toBe(1);
      expect(lines.map((line) => line.error?.code)).toEqual(['option-too-long', 'line-no-value']);
      expect(lines[0].error.message).toMatch(new RegExp(`^${view} would print more than 1 MB for this program`));
    }
  });

  test('a name given twice in a line counts once, with its last value, as JSON reads an object', async () => {
    const run = await batch(['x * y', 'y=2', '--batch'], '{"x": "two", "y": 5, "x": 3}\n{"x": 1, "z": 0, "x": 1e999}\n');
    expect(run.lines[0].value).toBe(15);
    expect(run.lines[1].error).toMatchObject({ code: 'too-large', name: 'x' });
  });
});
test('two batches over one program share no values, however their lines interleave', async () => {
  const program = parseExpression('y = x * w', ['w=1'], { unbound: true });
  const first = libraryBatch(program, lines('{"x": 100, "w": 5}', '{"x": 1}'));
  const second = libraryBatch(program, lines('{"x": 0}'));
  const value = async (run: AsyncGenerator<string, 0 | 1>) => JSON.parse((await run.next()).value as string).value;
  expect([await value(first), await value(second), await value(first)]).toEqual([500, 0, 1]);
});

/** Lines of --batch input, as the library reads them. */
async function* lines(...given: string[]) {
  yield* given;
}
