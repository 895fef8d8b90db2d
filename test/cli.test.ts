import { readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { runInProcess as cli } from './io.js';
import type { Run } from './run.js';
import { RECEIPT_TABLE } from './views.js';

const RECEIPT = ['apple=100x2', 'orange=150x3', 'tax=1.1'];

/** Every failure: one error line (plus a source excerpt for parse errors), nothing on stdout. */
function expectFailure(run: Run, status: 1 | 2, message: RegExp) {
  expect(run.status).toBe(status);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^error: /);
  expect(run.stderr.split('\n')[0]).toMatch(message);
  expect(run.stderr.match(/^error:/gm)).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

/** The same failure under --json: one JSON error object on stderr, nothing on stdout. */
function expectJsonFailure(run: Run, status: 1 | 2, message: RegExp) {
  expect(run.status).toBe(status);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  const { error } = JSON.parse(run.stderr);
  expect(error.status).toBe(status);
  expect(error.kind).toBe(status === 2 ? 'input' : 'math');
  expect(`error: ${error.message}`).toMatch(message);
}

describe('receipts', () => {
  test('the book’s receipt prints the book’s numbers, with no escape code', async () => {
    const run = await cli(RECEIPT);
    expect(run).toEqual({ status: 0, stdout: RECEIPT_TABLE, stderr: '' });
    expect(run.stdout).not.toContain('\x1b');
  });

  test('the book’s buy_apple', async () => {
    expect(JSON.parse((await cli(['apple=100x2', 'tax=1.1', '--json'])).stdout)).toMatchObject({
      value: 220,
      gradients: { apple: 2.2, apple_num: 110, tax: 200 },
    });
  });

  test('--json is one document with the book’s numbers, noise-free', async () => {
    const run = await cli([...RECEIPT, '--json']);
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document).toEqual({
      output: 'price',
      value: 715,
      inputs: { apple: 100, apple_num: 2, orange: 150, orange_num: 3, tax: 1.1 },
      gradients: { apple: 2.2, apple_num: 110, orange: 3.3, orange_num: 165, tax: 650 },
      intermediates: {
        apple_price: { value: 200, grad: 1.1 },
        orange_price: { value: 450, grad: 1.1 },
        all_price: { value: 650, grad: 1.1 },
      },
      exact: { value: true, gradients: true, intermediates: true },
    });
    expect(run.stdout).not.toContain('3.3000000000000003');
    expect((await cli([...RECEIPT, '--format', 'json'])).stdout).toBe(run.stdout);
  });

  test('--all and --precision', async () => {
    const run = await cli(['apple=100x2', 'orange=150x3', 'tax=1.1', 'shipping=+5', '--all', '--precision', '2']);
    expect(run.stdout).toMatch(/^price = 720$/m);
    expect(run.stdout).toMatch(/│ after_tax\s+│\s+720 │\s+1 │/);
    expect(run.stdout).toMatch(/│ orange\s+│\s+150 │\s+3\.3 │/);
  });
});

describe('expressions', () => {
  const design =
    'apple_price = apple*apple_num; orange_price = orange*orange_num; all_price = apple_price + orange_price; price = all_price*tax';

  test('the receipt written as an expression gives the receipt’s numbers and, with --all, the intermediates', async () => {
    const receipt = JSON.parse((await cli([...RECEIPT, '--json'])).stdout);
    const expression = JSON.parse((await cli([design, ...RECEIPT, '--json', '--all'])).stdout);
    expect(expression).toEqual(receipt);
    const table = (await cli([design, ...RECEIPT, '--all'])).stdout;
    for (const name of ['apple_price', 'orange_price', 'all_price']) expect(table).toMatch(new RegExp(`│ ${name}\\s+│ .* │\\s+1\\.1 │`));
  });

  test('from -e, -f FILE and -f - (standard input), statements on lines with comments', async () => {
    const program = '# fan-out\nx = 3\ny = x*x + x  # 12\n';
    const files = { 'program.txt': program };
    const expected = { output: 'y', value: 12, gradients: { x: 7 } };
    expect(JSON.parse((await cli(['-e', program, '--json'])).stdout)).toMatchObject(expected);
    expect(JSON.parse((await cli(['-f', 'program.txt', '--json'], { files })).stdout)).toMatchObject(expected);
    expect(JSON.parse((await cli(['-f', '-', '--json'], { stdin: program })).stdout)).toMatchObject(expected);
    expect(JSON.parse((await cli(['-f', 'program.txt', 'x=5', '--json'], { files })).stdout)).toMatchObject({ value: 30, gradients: { x: 11 } });
  });

  test('every operation, forward and backward', async () => {
    const run = await cli(['y = exp(a) + log(b) - relu(c) * sigmoid(d) / tanh(e) ^ 2 ** 1 + -a', 'a=1', 'b=2', 'c=3', 'd=0', 'e=1', '--json']);
    const { value, gradients } = JSON.parse(run.stdout);
    const e = Math.E;
    expect(value).toBeCloseTo(e + Math.log(2) - (3 * 0.5) / Math.tanh(1) ** 2 - 1, 12);
    expect(gradients.a).toBeCloseTo(e - 1, 12);
    expect(gradients.b).toBeCloseTo(0.5, 12);
    expect(gradients.c).toBeCloseTo(-0.5 / Math.tanh(1) ** 2, 12);
    expect(gradients.d).toBeCloseTo(-3 * 0.25 / Math.tanh(1) ** 2, 12);
    expect(gradients.e).toBeCloseTo(2 * 1.5 * (1 - Math.tanh(1) ** 2) / Math.tanh(1) ** 3, 12);
  });

  test('an expression starting with - goes after -e', async () => {
    expect(JSON.parse((await cli(['-e', '-x^2', 'x=3', '--json'])).stdout)).toMatchObject({ value: -9, gradients: { x: -6 } });
  });
});

describe('color', () => {
  test.each([
    [{ FORCE_COLOR: '1' }, [], true],
    [{ FORCE_COLOR: '0' }, [], false],
    [{}, ['--color'], true],
    [{ NO_COLOR: '1' }, ['--color'], true],
    [{ FORCE_COLOR: '1' }, ['--no-color'], false],
  ])('piped, with %j and %j: color %s', async (env, flags, colored) => {
    const run = await cli([...RECEIPT, ...flags], { env });
    expect(run.stdout.includes('\x1b')).toBe(colored);
  });

  test.each([
    [{}, true],
    [{ NO_COLOR: '1' }, false],
    [{ NO_COLOR: '0' }, false],
    // An empty NO_COLOR is as good as none, as no-color.org asks.
    [{ NO_COLOR: '' }, true],
    [{ TERM: 'dumb' }, false],
  ])('on a terminal, with %j: color %s', async (env, colored) => {
    const run = await cli(RECEIPT, { env, terminal: true, columns: 80 });
    expect(run.stdout.includes('\x1b')).toBe(colored);
  });
});

describe('errors: one line, the right status, nothing on stdout', () => {
  test.each([
    [['apple=abc'], 2, /^error: 'abc' has no value/],
    [['apple=1OOx2'], 2, /^error: 'apple=1OOx2': '1OOx2' is not a number/],
    [['apple=100x2', 'tax=10%'], 2, /^error: 'tax=10%': give the percent its sign: tax=\+10% adds 10%, tax=-10% takes 10% off$/],
    [['tax=1.1'], 2, /^error: a receipt needs at least one item/],
    [[], 2, /^error: nothing to compute/],
    [['x*(y', 'x=1', 'y=2'], 2, /^error: this '\(' is never closed: add '\)' \(line 1, column 3\)$/],
    [['x*y', 'x=1'], 2, /^error: 'y' has no value: bind it on the command line \(y=2\)/],
    [['x*y', 'x=1', 'y=2', 'z=3'], 2, /^error: 'z=3': the expression has no input 'z'/],
    [['x*y', 'x=1', 'y=2', 'stray'], 2, /^error: 'x\*y' and 'stray': give one expression/],
    [['apple', '=', '100x2'], 2, /^error: 'apple = 100x2' is one value split by spaces: write apple=100x2/],
    [['-x^2', 'x=3'], 2, /^error: unknown option '-x\^2': an expression that starts with - goes after -e or -- \(backprop -e "-x\^2" …, backprop -- "-x\^2" …\)$/],
    [['-e', 'x', '-f', 'f'], 2, /^error: give the expression once/],
    [['-f', '/nonexistent/program'], 2, /^error: cannot read '\/nonexistent\/program': no such file$/],
    [['--nope'], 2, /^error: unknown option '--nope'/],
    [['--format', 'pdf', ...RECEIPT], 2, /^error: option '--format <form>' argument 'pdf' is invalid/],
    [['--precision', '0', ...RECEIPT], 2, /^error: option '--precision <digits>' argument '0' is invalid/],
    [[...RECEIPT, '--precision'], 2, /^error: option '--precision <digits>' argument missing/],
    [['x', 'x=NaN'], 2, /^error: 'x=NaN': inputs must be finite numbers$/],
    [['apple=1e400x1'], 2, /^error: 'apple=1e400x1': 1e400 is too large/],
    [['1/x', 'x=0'], 1, /^error: 1 ÷ x is infinite: 1 ÷ 0 = Infinity$/],
    [['log(x)', 'x=-1'], 1, /^error: log\(x\) is not a number: log\(-1\) = NaN$/],
    [['apple=1e308x10'], 1, /^error: price is infinite: 1e\+308 × 10 = Infinity$/],
  ])('%j', async (args, status, message) => {
    expectJsonFailure(await cli(['--json', ...args]), status as 1 | 2, message);
    expectFailure(await cli(args), status as 1 | 2, message);
  });

  test('--json with any other --format is a contradiction, table included', async () => {
    for (const format of ['dot', 'table', 'mermaid']) {
      expectJsonFailure(await cli([...RECEIPT, '--json', '--format', format]), 2, new RegExp(`^error: --json is --format json: it does not go with --format ${format}$`));
    }
    expect((await cli([...RECEIPT, '--json', '--format', 'json'])).status).toBe(0);
  });

  test('a * the shell replaced with the file names is named, with the fix', async () => {
    const run = await cli(['2', 'README.md', 'src', 'x', 'x=3'], { files: { 'README.md': '' } });
    expectFailure(run, 2, /^error: 'README\.md' is a file here: the shell replaced an unquoted \* with the names of the files; put the expression in quotes/);
  });

  test('a receipt word that looks like an amount, or a free item, gets a note on stderr, status 0', async () => {
    const run = await cli(['apple=100x2', 'shipping=5']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^price = 1000$/m);
    // Within the screen, as everything meant for a person is: 80 columns unless it is wider.
    expect(run.stderr).toBe("note: 'shipping=5' multiplies the total by 5; to add or take off an amount, give\n    its sign (shipping=+5 or shipping=-5)\n");
    expect((await cli(['apple=100x2', 'shipping=5'], { env: { COLUMNS: '120' } })).stderr).toBe(
      "note: 'shipping=5' multiplies the total by 5; to add or take off an amount, give its sign (shipping=+5 or shipping=-5)\n",
    );
    expect((await cli(['apple=00x2', 'tax=1.1', '--json'])).stderr).toMatch(/^note: 'apple=00x2' has price 0; if you typed a \$/);
    expect((await cli([...RECEIPT, 'shipping=+5', 'discount=-15%'])).stderr).toBe('');
  });

  test('a parse error shows the line with a caret under the column', async () => {
    const run = await cli(['-e', 'x = 1\ny = x +* 2']);
    expectFailure(run, 2, /^error: expected a number, a name or '\(' after '\+', found '\*' \(line 2, column 8\)$/);
    expect(run.stderr).toBe("error: expected a number, a name or '(' after '+', found '*' (line 2, column 8)\n  y = x +* 2\n         ^\n");
  });

  test('empty or closed standard input is a clear error', async () => {
    expectFailure(await cli(['-f', '-'], { stdin: '# only a comment\n' }), 2, /^error: the expression is empty/);
    expectFailure(await cli(['-f', '-'], { stdin: '' }), 2, /^error: standard input is empty: pipe the program in/);
  });

  test('BACKPROP_DEBUG=1 adds the stack', async () => {
    expect((await cli(['1/x', 'x=0'], { env: { BACKPROP_DEBUG: '1' } })).stderr).toMatch(/^\s+at /m);
  });
});

describe('nothing the user typed reaches the terminal unescaped', () => {
  const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
  const ESC = '\x1b]0;owned\x07\x1b[2J';
  test.each([
    ['a program file', ['-f', '-'], `x = )  # ${ESC}\n`, "  x = )  # \\x1b]0;owned\\x07\\x1b[2J\n      ^\n"],
    ['-e', ['-e', `x = ${ESC}`], '', "\\x1b"],
    ['an expression', [`x ${ESC}`, 'x=1'], '', "\\x1b"],
    ['a receipt word', [`apple=1${ESC}x2`], '', "\\x1b"],
    ['a binding', ['x', `x=1${ESC}`], '', "\\x1b"],
    ['an unknown option', [`--${ESC}`], '', "\\x1b"],
    ['a -f path', ['-f', `/nonexistent/${ESC}`], '', "\\x1b"],
    ['a --precision value', ['--precision', ESC, 'x', 'x=1'], '', "\\x1b"],
    ['a --format value', ['--format', `dot\u202e${ESC}`, 'x', 'x=1'], '', "\\u202e"],
    ['a bidi override', ['x\u202e', 'x=1'], '', "\\u202e"],
  ])('%s', async (_, argv, stdin, shown) => {
    const run = await cli(argv, { stdin });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(shown);
    expect(run.stderr).not.toMatch(CONTROL);
    expect(run.stderr.match(/^error:/gm)).toHaveLength(1);
  });

  test.each(['0x10', '1e1', '0b11', '5.0', ' 5', '+5', '18', ''])('--precision %j is refused: only a plain whole number from 1 to 17', async (digits) => {
    const run = await cli(['--precision', digits, ...RECEIPT]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`error: option '--precision <digits>' argument '${digits}' is invalid. give a whole number from 1 to 17. (see backprop --help)\n`);
  });

  test('under --json the error object escapes them as JSON does, and reads back the same', async () => {
    const run = await cli(['--json', 'x\u202e\x9b', 'x=1']);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/[\u202e\x9b]/);
    expect(run.stderr).toContain("'\\u202e' (U+202E RIGHT-TO-LEFT OVERRIDE)");
    expect(JSON.parse(run.stderr).error.message).toContain("'\u202e' (U+202E RIGHT-TO-LEFT OVERRIDE)");
  });

  test('an error is one line, then at most the source line and its caret', async () => {
    const run = await cli(['-e', '--all', 'a = 1\nb = a']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("error: 'a = 1\\nb = a': the expression came with -e or -f, so give only inputs as NAME=VALUE (x=2)\n");
  });

  test('a tab in the source line shows as one blank, so the caret stays under the column', async () => {
    const run = await cli(['-e', '\ty = x +* 2', 'x=1']);
    expect(run.stderr.split('\n').slice(1)).toEqual(['   y = x +* 2', '          ^', '']);
  });
});

describe('program text', () => {
  test('a leading byte order mark (a Windows editor’s) is no part of the first name', async () => {
    const run = await cli(['-f', '-', '--json'], { stdin: '\ufeffx = 2\r\ny = x*x\r\n' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ inputs: { x: 2 }, gradients: { x: 4 } });
  });

  test('café composed and café decomposed are one name (NFC), in the program and in bindings', async () => {
    const run = await cli(['caf\u00e9 * 2', 'cafe\u0301=3', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).gradients).toEqual({ 'caf\u00e9': 2 });
    expect((await cli(['y = cafe\u0301 + caf\u00e9', 'caf\u00e9=1', '--json'])).stdout).toContain('"y"');
  });

  test.each([
    [['a\u200db * 2', 'a\u200db=1'], "error: '\\u200d' (U+200D ZERO WIDTH JOINER) cannot be part of a name: a name is letters, digits and _ (line 1, column 2)"],
    [['a＋b', 'a=1'], "error: '＋' (U+FF0B FULLWIDTH PLUS SIGN) cannot be part of a name: a name is letters, digits and _ (line 1, column 2)"],
    [['x\u3164=1x2'], "error: 'x\u3164=1x2': '\u3164' (U+3164 HANGUL FILLER) cannot be part of a name: a name is letters, digits and _"],
  ])('%j: a name holds letters, marks, digits and _ only', async (argv, message) => {
    const run = await cli(argv);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(message);
  });

  test('an argument that is not UTF-8 is refused, naming it and the byte, in a comment too', async () => {
    const latin1 = (word: string) => Buffer.from(word, 'latin1');
    const argv = ['-e', 'x * 2 # caf\ufffd', 'x=1'];
    const run = await cli(argv, { argumentBytes: [latin1('-e'), latin1('x * 2 # caf\u00e9'), latin1('x=1')] });
    expectFailure(run, 2, /^error: the argument 'x \* 2 # caf\ufffd' is not UTF-8: byte 11 \(0xe9\) is not part of a character; give it in UTF-8/);
    const json = await cli([...argv, '--json'], { argumentBytes: [latin1('-e'), latin1('x * 2 # caf\u00e9'), latin1('x=1'), latin1('--json')] });
    expect(JSON.parse(json.stderr).error).toMatchObject({ status: 2, kind: 'input', code: 'argument-not-utf8' });
    // A replacement character typed as such is UTF-8, and a character like any other.
    expect((await cli(argv)).stderr).toBe('');
  });
});

describe('a gradient that is no number', () => {
  test('is printed marked in the whole table, the others beside it, with one error line and status 1', async () => {
    const run = await cli(['y = x^n', 'x=-2', 'n=3']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/│ x\s+│\s+-2 │\s+12 │\n│ n\s+│\s+3 │\s+undefined │/);
    expect(run.stderr).toBe('error: ∂y/∂n is undefined: y has no derivative with respect to n at (-2) ^ 3\n');
  });

  test('even where a power of a negative base underflows to 0', async () => {
    const run = await cli(['-e', 'x^y', 'x=-0.5', 'y=2000', '--json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).gradients).toEqual({ x: 0, y: null });
    expect(JSON.parse(run.stdout).gradient_errors.y).toBe('∂result/∂y is undefined: x ^ y has no derivative with respect to y at (-0.5) ^ 2000');
  });

  test('is null in JSON, with the reason, in a document that parses', async () => {
    const run = await cli(['(x^0.25)^2 + y', 'x=0', 'y=1', '--json', '--steps', '--graph']);
    expect(run.status).toBe(1);
    const document = JSON.parse(run.stdout);
    expect(document.gradients).toEqual({ x: null, y: 1 });
    const reason = '∂result/∂x is undefined: the chain rule meets 0 × ∞ at x ^ 0.25 (0 ^ 0.25)';
    expect(document.gradient_errors).toEqual({ x: reason });
    expect(JSON.parse(run.stderr)).toEqual({ error: { status: 1, kind: 'math', code: 'zero-times-infinity', message: reason, name: 'x' } });
  });

  test.each([
    ['(x^0.25)^2', 'x=0'],
    ['x^x', 'x=0'],
    ['0^x', 'x=0'],
    ['x^0.5', 'x=0'],
  ])('%s at %s is never printed as 0', async (source, binding) => {
    for (const flags of [[], ['--json'], ['--steps'], ['--graph'], ['--format', 'dot'], ['--check']]) {
      const run = await cli([source, binding, ...flags]);
      expect(run.status).toBe(1);
      const message = flags[0] === '--json' ? `error: ${JSON.parse(run.stderr).error.message}` : run.stderr;
      expect(message).toMatch(/^error: ∂result\/∂x is (undefined|∞|-∞): /);
      if (flags[0] === '--json') expect(JSON.parse(run.stdout).gradients.x).toBeNull();
    }
  });

  test('a value rounded past the largest number still prints as a number: every JSON document parses', async () => {
    const run = await cli(['x*2', 'x=8.988465674311579e307', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ value: 1.79769313486231e308, gradients: { x: 2 } });
  });
});

describe('numbers at the edges', () => {
  test.each([
    [['x * 10', 'x=1e308'], 1, /^error: x × 10 is infinite: 1e\+308 × 10 = Infinity$/],
    [['1/x', 'x=0'], 1, /^error: 1 ÷ x is infinite: 1 ÷ 0 = Infinity$/],
    [['log(x)', 'x=0'], 1, /^error: log\(x\) is infinite: log\(0\) = -Infinity$/],
    [['log(x)', 'x=-1'], 1, /^error: log\(x\) is not a number: log\(-1\) = NaN$/],
    [['0^x', 'x=-1'], 1, /^error: 0 \^ x is infinite: 0 \^ \(-1\) = Infinity$/],
    [['x', 'x=NaN'], 2, /^error: 'x=NaN': inputs must be finite numbers$/],
    [['x', 'x=Infinity'], 2, /^error: 'x=Infinity': inputs must be finite numbers$/],
    [['x * Infinity', 'x=1'], 2, /^error: 'Infinity' has no value/],
    [['1e999 * x', 'x=1'], 2, /^error: 1e999 is too large/],
  ])('%j', async (args, status, message) => {
    expectFailure(await cli(args), status as 1 | 2, message);
  });

  test('huge and tiny values print readably, and -0 prints as 0', async () => {
    const run = await cli(['y = x * 1e20 + z * 1e-9 - w * 0', 'x=3', 'z=4', 'w=-1', '--all']);
    expect(run.stdout).toMatch(/^y = 3e\+20$/m);
    expect(run.stdout).toMatch(/│ x\s+│\s+3 │\s+1e\+20 │/);
    expect(JSON.parse((await cli(['x * 1e20', 'x=3', '--json'])).stdout).value).toBe(3e20);
    expect(run.stdout).toMatch(/│ z\s+│\s+4 │\s+1e-9 │/);
    expect(run.stdout).toMatch(/│ w\s+│\s+-1 │\s+0 │/);
    expect((await cli(['x * 0', 'x=-1', '--json'])).stdout).toContain('"value": 0,');
    expect((await cli(['x * 0', 'x=-1'])).stdout).toMatch(/^result = 0$/m);
  });
});

describe('teaching views', () => {
  test('--steps, --graph and --check print before the table, in that order', async () => {
    const run = await cli([...RECEIPT, '--steps', '--graph', '--check']);
    expect(run.status).toBe(0);
    const forward = run.stdout.indexOf('(1) apple_price = apple × apple_num = 100 × 2 = 200');
    // At 80 columns, the width of a pipe, each share on its own line.
    const backward = run.stdout.indexOf('(4) price = all_price × tax:\n    ∂price/∂all_price = 1 × tax = 1.1\n    ∂price/∂tax = 1 × all_price = 650');
    const tree = run.stdout.indexOf('└── tax = 1.1  ∂ 650');
    const table = run.stdout.indexOf('price = 715\n┌');
    expect([forward, backward, tree, table].every((at, i, all) => at >= 0 && (i === 0 || at > all[i - 1]))).toBe(true);
    expect(run.stdout).toMatch(/│ orange\s+│\s+150 │\s+3\.3 │\s+3\.(3|29)\d* │\s+[\d.e-]+ │ agrees │/);
    expect(run.stdout).toMatch(/^backprop: {2}1 forward \+ 1 backward pass, [\d.e-]+ ms$/m);
    expect(run.stdout).toMatch(/^numerical: 10 forward passes \(2 per input\), [\d.e-]+ ms/m);
    expect(run.stdout).not.toContain('\x1b');
  });

  test('they compose with --json, --all and --precision', async () => {
    const document = JSON.parse((await cli([...RECEIPT, '--steps', '--graph', '--check', '--json', '--precision', '3'])).stdout);
    expect(document.steps[0]).toEqual({
      pass: 'forward',
      step: 1,
      node: 'apple_price',
      operation: 'mul',
      expression: 'apple × apple_num',
      arguments: [100, 2],
      value: 200,
    });
    expect(document.graph).toHaveLength(9);
    expect(document.check.inputs.tax).toMatchObject({ backprop: 650, numerical: 650, verdict: 'agrees' });
    const table = (await cli([...RECEIPT, '--check', '--all', '--precision', '2'])).stdout;
    expect(table).toMatch(/│ all_price\s+│\s+650 │\s+1\.1 │\s+│\s+│\s+│/);
  });

  test('--no-color wins over FORCE_COLOR in every view', async () => {
    const run = await cli([...RECEIPT, '--steps', '--graph', '--check', '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(run.stdout).not.toContain('\x1b');
    expect((await cli([...RECEIPT, '--steps', '--graph'], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\x1b[');
  });

  test('--check calls a gradient its step is too coarse to judge inconclusive, not wrong, and succeeds', async () => {
    const run = await cli(['sigmoid(x * 1000000) + y', 'x=0.0000001', 'y=1', '--check']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/│ x .* │ h too coarse to tell │\n│ y .* │ agrees +│/);
    expect(run.stdout).toMatch(/^numerical: 4 forward passes/m);
    expect(run.stderr).toBe('');
    const json = await cli(['sigmoid(x * 1000000) + y', 'x=0.0000001', 'y=1', '--check', '--json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).check.inputs).toMatchObject({ x: { verdict: 'inconclusive' }, y: { verdict: 'agrees' } });
  });

  test('--check times each method over at least 10 ms, and reports the median of one run', async () => {
    const { check } = JSON.parse((await cli([...RECEIPT, '--check', '--json'])).stdout);
    // The median of many runs: backprop's one forward and one backward pass beat ten forward passes.
    expect(check.backprop.milliseconds).toBeGreaterThan(0);
    expect(check.numerical.milliseconds).toBeGreaterThan(check.backprop.milliseconds);
  });

  test('--check names a kink and still succeeds', async () => {
    const run = await cli(['relu(x) * 2', 'x=0', '--check']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/│ x .* │ kink \(1\) │\n└.*┘\n\(1\) relu\(x\) is exactly at its kink, where it has no derivative/);
  });

  test('--check names each kink once, under the table, and marks its rows by its number', async () => {
    const neuron = await cli(['relu(w1*x1 + w2*x2 + b)', 'w1=0.5', 'x1=1', 'w2=-0.3', 'x2=2', 'b=0.1', '--check']);
    expect(neuron.stdout.match(/│ kink \(1\) │/g)).toHaveLength(5);
    // Exactly at the kink: named once, with what that means.
    expect(neuron.stdout.split('\n').filter((line) => line.includes('relu('))).toEqual(['(1) relu(w1 × x1 + w2 × x2 + b) is exactly at its kink, where it has no']);
    expect(Math.max(...neuron.stdout.split('\n').map((line) => [...line].length))).toBeLessThanOrEqual(80);
    const kinks = await cli(['abs(y) + relu(x) * z', 'x=0', 'y=0', 'z=1', '--check']);
    expect(kinks.stdout).toMatch(/│ y .* │ kink \(1\) │\n│ x .* │ kink \(2\) │\n│ z .* │ agrees   │\n/);
    expect(kinks.stdout).toMatch(/\n\(1\) abs\(y\) is exactly at its kink[^]*\n\(2\) relu\(x\) is exactly at its kink/);
    // A step that crosses a kink the value is not at: the kink alone is named.
    const near = await cli(['relu(x) * 2', 'x=0.00001', '--check']);
    expect(near.stdout).toContain('\n(1) kink at relu(x)\n');
  });

  test('--expand shows the book’s stages of sigmoid, with the fused layer’s gradient', async () => {
    const expanded = await cli(['y = sigmoid(x)', 'x=1', '--expand', '--steps']);
    expect(expanded.status).toBe(0);
    expect(expanded.stdout).toContain('(4) y = 1 ÷ (exp(x × -1) + 1) = 1 ÷ 1.36787944117 = 0.73105857863\n');
    expect(expanded.stdout).toContain('(1) x × -1: ∂y/∂x = -0.196611933241 × (-1) = 0.196611933241\n');
    const fused = await cli(['y = sigmoid(x)', 'x=1', '--json']);
    const json = await cli(['y = sigmoid(x)', 'x=1', '--expand', '--json', '--graph']);
    const { graph, gradients } = JSON.parse(json.stdout);
    expect(gradients).toEqual(JSON.parse(fused.stdout).gradients);
    expect(graph.map((node: { operation?: string }) => node.operation).filter(Boolean)).toEqual(['mul', 'exp', 'add', 'div']);
  });

  test('--format svg, --format dot and --format mermaid draw the graph', async () => {
    expect((await cli([...RECEIPT, '--format', 'svg'])).stdout).toMatch(/^<\?xml [^]*<svg [^]*<\/svg>\n$/);
    expect((await cli([...RECEIPT, '--format', 'dot'])).stdout).toMatch(/^digraph backprop \{\n[^]*e_out:e -> out \[tailclip=false\];\n\}\n$/);
    expect((await cli([...RECEIPT, '--format', 'mermaid'])).stdout).toMatch(/^---\ntitle: "∂ = ∂price\/∂node"\n---\nflowchart LR\n[^]*n4 --> n8\n$/);
    expectFailure(await cli([...RECEIPT, '--format', 'dot', '--steps']), 2, /^error: --steps shows text or JSON: it does not go with --format dot$/);
    expectFailure(await cli([...RECEIPT, '--format', 'svg', '--check']), 2, /^error: --check shows text or JSON: it does not go with --format svg$/);
  });
});

describe('training', () => {
  const LINE = 'loss = (w*1 + b - 3)^2 + (w*2 + b - 5)^2 + (w*3 + b - 7)^2';

  test('--train fits the line: the table, then the chart', async () => {
    const run = await cli([LINE, 'w=0', 'b=0', '--train', 'w,b']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^gradient descent on loss, rate 0\.05: 200 epochs \(--epochs\)\n┌/);
    expect(run.stdout).toMatch(/│ w +│ +0 │ +2\.00002860972 │/);
    expect(run.stdout).toMatch(/│ b +│ +0 │ +0\.999934963378 │/);
    expect(run.stdout).toContain('loss by epoch (log scale)\n');
  });

  test('--json gives the trained values and the history; --rate, --epochs and --tolerance are used', async () => {
    const run = await cli([LINE, 'w=0', 'b=0', '--train', '--json', '--rate', '0.01', '--epochs', '5000', '--tolerance', '1e-10']);
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document).toMatchObject({ output: 'loss', rate: 0.01, stopped: 'tolerance', tolerance: 1e-10, value: { start: 83 } });
    expect(document.trained.w.final).toBeCloseTo(2, 3);
    expect(document.trained.b.final).toBeCloseTo(1, 3);
    expect(document.history).toHaveLength(document.epochs + 1);
    expect(document.epochs).toBeLessThan(5000);
  });

  test('divergence: status 1, the epoch named, nothing on stdout', async () => {
    const run = await cli(['y = x^2', 'x=1', '--train', '--rate', '1.5', '--epochs', '2000']);
    expect(run).toEqual({ status: 1, stdout: '', stderr: 'error: training diverged at epoch 512: y is Infinity (try a smaller --rate than 1.5)\n' });
  });

  test.each([
    [['--rate', '0.1'], "error: --rate goes with --train: add --train"],
    [['--train', '--steps'], 'error: --steps does not go with --train, which shows the training instead'],
    [['--train', '--all'], 'error: --all does not go with --train, which shows the training instead'],
    [['--train', '--format', 'dot'], 'error: --train shows text or JSON: it does not go with --format dot'],
    [['--train', '--format', 'svg'], 'error: --train shows text or JSON: it does not go with --format svg'],
    [['--train', 'z'], "error: --train: 'z' is not an input of the program (its inputs: w, b)"],
    [['--train', '--rate', '-1'], "error: option '--rate <number>' argument '-1' is invalid. give a positive number, e.g. 0.05. (see backprop --help)"],
    [['--train', '--epochs', '0'], "error: option '--epochs <n>' argument '0' is invalid. give a whole number from 1 to 1000000. (see backprop --help)"],
  ])('%j is an input error', async (options, message) => {
    const run = await cli([LINE, 'w=0', 'b=0', ...options]);
    expect(run).toEqual({ status: 2, stdout: '', stderr: `${message}\n` });
  });

  test('--train before the expression takes it for names, and says where to put it', async () => {
    const run = await cli(['--train', LINE, 'w=0', 'b=0']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: --train '.*': give input names separated by commas \(--train w,b\), or put --train last to train them all\n$/);
  });

  test('on a terminal, a progress line on standard error, cleared before the table', async () => {
    const run = await cli([LINE, 'w=0', 'b=0', '--train', '--no-color'], { terminal: true });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^\r\x1b\[Kepoch 1 of 200: loss = 36\.59(\r\x1b\[Kepoch \d+ of 200: loss = [\d.e-]+)*\r\x1b\[K$/);
    expect((await cli([LINE, 'w=0', 'b=0', '--train'])).stderr).toBe('');
  });

  test('a progress line stays on one row of the terminal, cut with … where it would not', async () => {
    const name = '손실'.repeat(30);
    const run = await cli([`${name} = (w - 3)^2`, 'w=0', '--train', '--no-color'], { terminal: true, columns: 40 });
    expect(run.status).toBe(0);
    const lines = run.stderr.split('\r\x1b[K').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
    expect(lines[0]).toMatch(/^epoch 1 of 200: [손실]+…$/);
  });
});

test('commander is given only the options the words name, and reads them as with all of them', async () => {
  // --opt=value, a value after --, one of a pair (--no-color), a value that starts with -.
  expect(await cli(['--precision=4', ...RECEIPT, '--json'])).toEqual(await cli(['--json', '--precision', '4', ...RECEIPT]));
  expect((await cli(['--', 'x*2', 'x=3'])).stdout).toContain('result = 6');
  expect((await cli([...RECEIPT, '--no-color'], { terminal: true, columns: 80 })).stdout).not.toContain('\x1b');
  expect((await cli(['-e', '-x', 'x=3', '--json'])).stdout).toContain('"value": -3');
  expect((await cli(['--jsno', ...RECEIPT])).stderr).toBe("error: unknown option '--jsno' (Did you mean --json?) (see backprop --help)\n");
});

describe('help and version', () => {
  test('--help opens with examples and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Examples:\n {2}backprop apple=100x2 orange=150x3 tax=1\.1 /);
    expect(run.stdout).toContain('--json | jq');
    expect(run.stdout).toContain('Usage: backprop');
    expect(await cli(['help'])).toEqual(run);
  });

  test('--help fits 80 columns, lists the operators and functions, and says where to read more', async () => {
    const { stdout } = await cli(['--help']);
    for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(stdout).toMatch(/^ {2}operators {2}\+ - \* \/ and \^ or \*\* \(power\)/m);
    expect(stdout).toMatch(/^ {2}functions {2}exp log .*\brelu sigmoid tanh\b/m);
    expect(stdout).toMatch(/^ {2}NAME=\+P%, NAME=-P% +a percent more or less/m);
    expect(stdout.trimEnd().split('\n').slice(-2).join(' ')).toMatch(/^More: README\.md in the installed package/);
  });

  test('--help points at the README where npm puts this package, by its own name', async () => {
    const { name } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    // The public registry's `backprop` is an unrelated package: npx or npm install of that name runs someone else's code.
    expect(name).not.toBe('backprop');
    for (const lang of ['en', 'ko', 'ja']) {
      const { stdout } = await cli(['--help', '--lang', lang]);
      expect(stdout, lang).toContain(`$(npm root -g)/${name}/README.md`);
      expect(stdout, lang).toContain(`node_modules/${name}/README.md`);
      expect(stdout.match(/\/backprop[\w-]*\/README\.md/g)?.every((path) => path === `/${name}/README.md`), lang).toBe(true);
    }
  });

  test('--version prints the package’s version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(await cli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    expect((await cli(['-V'])).stdout).toBe(`${version}\n`);
    expectFailure(await cli(['-Vxyz']), 2, /^error: unknown option '-xyz'/);
  });
});

describe('the screen’s width', () => {
  const STEP_4 = '(4) price = all_price × tax: ∂price/∂all_price = 1 × tax = 1.1, ∂price/∂tax = 1 × all_price = 650\n';
  const steps = [...RECEIPT, '--steps', '--no-color'];

  test('is the terminal’s, else COLUMNS, else 80', async () => {
    expect((await cli(steps, { terminal: true, columns: 120 })).stdout).toContain(STEP_4);
    expect((await cli(steps, { terminal: true, columns: 80, env: { COLUMNS: '120' } })).stdout).toContain('(4) price = all_price × tax:\n    ∂price/∂all_price');
    expect((await cli(steps, { env: { COLUMNS: '120' } })).stdout).toContain(STEP_4);
    for (const COLUMNS of [undefined, '', 'wide', '0', '-5']) {
      const run = await cli(steps, { env: COLUMNS === undefined ? {} : { COLUMNS } });
      expect(run.stdout).toContain('(4) price = all_price × tax:\n    ∂price/∂all_price = 1 × tax = 1.1\n');
      for (const line of run.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    }
  });
});

describe('messages that say what was meant', () => {
  test('a receipt word that lost its number is named as such', async () => {
    const run = await cli(['apple=100x2', 'tax=']);
    expect([run.status, run.stderr]).toEqual([2, "error: 'tax=' has no value after its =: give a number (tax=1.1), an amount (tax=+5) or a percent (tax=+10%)\n"]);
  });

  test('-v, as other programs spell it, is -V here', async () => {
    expect((await cli(['-v'])).stderr).toBe("error: unknown option '-v' (Did you mean -V, --version?) (see backprop --help)\n");
  });

  test('a program of numbers only shows its value and says there is nothing to differentiate', async () => {
    const run = await cli(['2*3']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('result = 6\nno inputs to differentiate with respect to: the program is numbers only (give it\none, as x=2 in backprop "x*3" x=2)\n');
    expect(JSON.parse((await cli(['2*3', '--json'])).stdout)).toMatchObject({ value: 6, inputs: {}, gradients: {} });
  });
});
