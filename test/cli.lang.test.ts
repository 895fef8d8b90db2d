import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { FUNCTIONS } from '../src/operations.js';
import { runInProcess as cli } from './io.js';

const RECEIPT = ['apple=100x2', 'orange=150x3', 'tax=1.1'];
const NEURON = ['z = w*x + b; y = sigmoid(z)', 'w=2', 'x=0.5', 'b=-1'];
/** The numbers of a text, in order: a translation says the same ones. */
const numbers = (text: string) => text.match(/\d+(\.\d+)?(e[-+]?\d+)?/g);
/** A table's lines are all as wide as its borders, whatever letters are in its cells. */
const tableLines = (text: string) => text.split('\n').filter((line) => /^[│┌├└].*[│┐┤┘]$/.test(line));

describe('the language: --lang, else LC_ALL, LC_MESSAGES or LANG, else English', () => {
  test.each([
    [{ LANG: 'ko_KR.UTF-8' }, [], '입력'],
    [{ LANG: 'ko_KR.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8' }, [], '入力'],
    [{ LANG: 'ko_KR.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8', LC_ALL: 'en_US.UTF-8' }, [], 'input'],
    [{ LANG: 'ja_JP.UTF-8', LC_ALL: '' }, [], '入力'],
    [{ LANG: 'fr_FR.UTF-8' }, [], 'input'],
    [{ LANG: 'C.UTF-8' }, ['--lang', 'ko'], '입력'],
    [{ LC_ALL: 'ko_KR.UTF-8' }, ['--lang=en'], 'input'],
    [{ LC_ALL: 'ko_KR.UTF-8' }, ['--lang=ko', '--lang', 'ja'], '入力'],
  ])('%j %j', async (env, options, heading) => {
    const run = await cli([...RECEIPT, ...options], { env });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[2]).toMatch(new RegExp(`^│ ${heading} +│`));
  });

  test('a language backprop does not speak is an input error, said in the locale’s', async () => {
    const run = await cli([...RECEIPT, '--lang', 'fr'], { env: { LANG: 'ko_KR.UTF-8' } });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("오류: 옵션 '--lang <언어>'의 값 'fr'이 잘못됨. 고를 수 있는 값: en, ko, ja. (backprop --help 참고)\n");
    const unknown = await cli([...RECEIPT, '--lnag', 'ja'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe("エラー: 未知のオプション '--lnag' (--lang のことですか?) (backprop --help を参照)\n");
  });

  test('JSON keys and values and the exit status do not change with the language', async () => {
    for (const args of [RECEIPT, NEURON, ['x^2', 'x=3', '--nudge', 'x=+1', '--steps']]) {
      const english = await cli([...args, '--json']);
      for (const language of ['ko', 'ja']) expect(await cli([...args, '--json', '--lang', language])).toEqual(english);
    }
  });

  test('nor do the messages JSON carries: errors, why a gradient is no number, a batch line’s error', async () => {
    const stdin = Buffer.from('{"x": 1}\n{"x": "a"}\nnot json\n');
    for (const args of [['log(x)', 'x=0'], ['y = x^n', 'x=-2', 'n=3'], ['-f', 'missing.txt'], ['x=1', '--precision', '0'], ['x=1', '--format', 'pdf'], ['x=1', '--nope'], ['x*y', 'y=2', '--batch']]) {
      const english = await cli([...args, '--json'], { stdin });
      expect(english.stderr + english.stdout).toMatch(/"message"|"gradient_errors"/);
      for (const language of ['ko', 'ja']) expect(await cli([...args, '--json', '--lang', language], { stdin }), args.join(' ')).toEqual(english);
    }
  });
});

describe.each(['ko', 'ja'])('--lang %s', (language) => {
  const words = language === 'ko' ? { input: '입력', value: '값', forward: '순전파', backward: '역전파 (연쇄법칙: 상류 기울기 × 국소적 미분)' } : { input: '入力', value: '値', forward: '順伝播', backward: '逆伝播 (連鎖律: 上流の勾配 × 局所的な微分)' };
  const both = async (args: string[]) => [await cli(args), await cli([...args, '--lang', language])];

  test.each([
    ['the receipt', RECEIPT],
    ['the neuron', NEURON],
  ])('%s: the table and --steps in its words, with the same numbers, aligned', async (_, args) => {
    for (const view of [[], ['--all'], ['--steps'], ['--graph', '--all']]) {
      const [english, translated] = await both([...args, ...view]);
      expect(translated.status).toBe(0);
      expect(numbers(translated.stdout)).toEqual(numbers(english.stdout));
      const table = tableLines(translated.stdout);
      expect(new Set(table.map((line) => stringWidth(line))).size).toBe(1);
      expect(translated.stdout).toContain(`${words.value} │`);
    }
    const steps = (await cli([...args, '--steps', '--lang', language])).stdout;
    expect(steps.split('\n')[0]).toBe(words.forward);
    expect(steps).toContain(`${words.backward}`);
  });

  test('the receipt’s table, as printed', async () => {
    const { stdout } = await cli([...RECEIPT, '--lang', language]);
    const [input, value] = [words.input, words.value];
    expect(stdout).toBe(`price = 715
┌────────────┬─────┬──────────────┐
│ ${input}       │  ${value} │ ∂price/∂${input} │
├────────────┼─────┼──────────────┤
│ apple      │ 100 │          2.2 │
│ apple_num  │   2 │          110 │
│ orange     │ 150 │          3.3 │
│ orange_num │   3 │          165 │
│ tax        │ 1.1 │          650 │
└────────────┴─────┴──────────────┘
`);
  });

  test.each([
    ['the receipt', RECEIPT],
    ['the neuron', NEURON],
  ])('%s: --check’s verdicts and its costs, lined up', async (_, args) => {
    const { status, stdout } = await cli([...args, '--check', '--lang', language]);
    expect(status).toBe(0);
    expect(new Set(tableLines(stdout).map((line) => stringWidth(line))).size).toBe(1);
    expect(stdout).toContain(language === 'ko' ? '│ 일치 ' : '│ 一致 ');
    const costs = stdout.split('\n').filter((line) => / ms([,、]|$)/.test(line));
    expect(costs).toHaveLength(2);
    // The costs start in one column, after labels of different widths.
    const starts = costs.map((line) => stringWidth(line.slice(0, line.indexOf(words.forward))));
    expect(starts[0]).toBe(starts[1]);
  });

  test('--nudge and --train in its words', async () => {
    const nudged = await cli(['x^2', 'x=3', '--nudge', 'x=+1', '--lang', language]);
    expect(nudged.stdout).toContain(language === 'ko' ? '예측 Δresult' : '予測 Δresult');
    expect(new Set(tableLines(nudged.stdout).map((line) => stringWidth(line))).size).toBeLessThanOrEqual(2);
    const trained = await cli(['loss = (w*2 + b - 5)^2', 'w=0', 'b=0', '--train', '--lang', language]);
    expect(trained.status).toBe(0);
    expect(trained.stdout.split('\n')[0]).toMatch(language === 'ko' ? /^loss에 대한 경사 하강법, 학습률 0\.05: / : /^loss の勾配降下法、学習率 0\.05: /);
  });

  test('a note and a receipt’s error in its words', async () => {
    const noted = await cli(['apple=100x2', 'shipping=5', '--lang', language], { env: { COLUMNS: '200' } });
    expect(noted.status).toBe(0);
    expect(noted.stderr).toBe(
      language === 'ko'
        ? "참고: 'shipping=5'는 합계에 5를 곱함; 금액을 더하거나 빼려면 부호를 붙이세요 (shipping=+5 또는 shipping=-5)\n"
        : "注意: 'shipping=5' は合計に 5 を掛ける; 金額を足したり引いたりするなら符号を付けてください (shipping=+5 か shipping=-5)\n",
    );
    const refused = await cli(['apple=100x2', 'tax=10%', '--lang', language]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(language === 'ko' ? /^오류: 'tax=10%': 퍼센트에 부호를 붙이세요: / : /^エラー: 'tax=10%': パーセントに符号を付けてください: /);
  });

  test('a math error in its words, with the same status', async () => {
    const run = await cli(['log(x)', 'x=0', '--lang', language]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(language === 'ko' ? '오류: log(x): 무한대: log(0) = -Infinity\n' : 'エラー: log(x) は無限大: log(0) = -Infinity\n');
  });

  test('an expression cut short names the operator and what came instead', async () => {
    const run = await cli(['-f', 'p.txt', 'x=1', '--lang', language], { files: { 'p.txt': 'y = 2*x\nz = y +\n' } });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      language === 'ko'
        ? "오류: '+' 뒤에는 수, 이름 또는 '('가 와야 하는데 나온 것은 식의 끝 (3행 1열)"
        : "エラー: '+' の後には数、名前か '(' が必要だが、式の終わり が来た (3 行 1 列)",
    );
  });

  test('an error points its caret under the column after a Hangul name', async () => {
    const run = await cli(['y = 사과 * 배', '사과=3', '--lang', language]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const [message, line, caret] = run.stderr.split('\n');
    expect(message).toBe(
      language === 'ko'
        ? "오류: '배': 값이 없음: 명령줄에서 값을 지정하거나 (배=2) 식에서 정의하세요 (배 = 2) (1행 10열)"
        : "エラー: '배' に値がない: コマンドラインで指定する (배=2) か、式で定義してください (배 = 2) (1 行 10 列)",
    );
    expect(line).toBe('  y = 사과 * 배');
    expect(caret).toBe(`${' '.repeat(stringWidth('  y = 사과 * '))}^`);
  });

  test('--help in its words, every option named as in English, within 80 columns', async () => {
    const [english, translated] = await both(['--help']);
    const options = (help: string) => help.match(/--[a-z-]+/g)!.sort();
    expect(options(translated.stdout)).toEqual(options(english.stdout));
    expect(translated.stdout).toContain(language === 'ko' ? '\n옵션:\n' : '\nオプション:\n');
    for (const line of translated.stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });
});

/** Words of a grammar, a tool or a file format: the same in every language. */
const KEPT = new Set([...FUNCTIONS.keys(), 'backprop', 'echo', 'jq', 'npm', 'root', 'node', 'modules', 'readme', 'md', 'txt', 'csv', 'json', 'table', 'svg', 'dot', 'mermaid', 'html', 'graphviz', 'expr', 'mib', 'mb', 'ms', 'infinity', 'nan', 'flowchart', 'lr', 'title', 'en', 'ko', 'ja', 'axis', 'zeros', 'ones', 'rand', 'randn', 'seed', 'x', 'w', 't', 'b', 'reverse', 'forward', 'both']);

/**
 * The English words of a line, once what stays as typed is left out: quoted text (the user's
 * words), options, NAME=VALUE words, numbers and formulas (a word with a digit, _, =, ∂, / or a
 * bracket), a character's Unicode name in capitals, and the words of KEPT.
 */
function englishWords(line: string): string[] {
  const rest = line.replace(/'[^']*'|"[^"]*"/g, ' ').replace(/\S*[-=_\d/∂()[\]{}<>.]\S*/g, ' ');
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => word !== word.toUpperCase() && !KEPT.has(word.toLowerCase()));
}

/**
 * The lines of a run of `args`, stdout's (unless it is JSON, SVG or HTML) and stderr's, with
 * English left in them; the names the arguments give (not options, nor files) are not English.
 */
function leaks(args: string[], { stdout, stderr }: { stdout: string; stderr: string }): string[] {
  const names = new Set(['price', 'result', ...args.filter((arg) => !/^-|\./.test(arg)).flatMap((arg) => arg.match(/[A-Za-z]+/g) ?? [])]);
  const human = /^\s*[{<]/.test(stdout) ? '' : stdout;
  return `${human}\n${stderr}`.split('\n').filter((line) => englishWords(line).filter((word) => !names.has(word)).length >= 2);
}

const WORLD = {
  files: { 'empty.txt': '', 'values.csv': 'x,w\n1,2\n' },
  unreadable: { locked: 'EACCES', folder: 'EISDIR', loop: 'ELOOP', 'a/b': 'ENOTDIR' },
};
/** A sum of 1100 inputs: too large a picture, a tree cut short. */
const WIDE = [`y = ${Array.from({ length: 1100 }, (_, i) => `x${i}`).join(' + ')}`, ...Array.from({ length: 1100 }, (_, i) => `x${i}=1`)];
/** Commands that succeed, warn or fail, each way a message can come about. */
const COMMANDS: [string[], { stdin?: Buffer; outputError?: string }?][] = [
  [RECEIPT], [[...RECEIPT, '--all', '--steps', '--graph']], [[...RECEIPT, '--check']], [[...RECEIPT, '--nudge', 'apple=+1', '--nudge', 'tax=+10%']],
  [[...NEURON, '--expand', '--steps', '--graph', '--all']], [[...NEURON, '--format', 'mermaid']], [[...NEURON, '--format', 'dot']], [['--help']],
  [['loss = (w*2 + b - 5)^2', 'w=0', 'b=0', '--train']], [['loss = (w*2 + b - 5)^2', 'w=0', 'b=0', '--train', '--epochs', '3']],
  [['apple=100x2', 'shipping=5']], [['apple=0x2', 'tax=1.1']], [['x', 'x=3', '--steps']], [['y = 2*3', '--steps']],
  // A gradient that is no number, in every view.
  [['y = x^n', 'x=-2', 'n=3', '--steps', '--graph']], [['y = x^n', 'x=-2', 'n=3', '--check', '--nudge', 'x=+1']], [['y = x^n', 'x=-2', 'n=3', '--format', 'mermaid']],
  [['(x^0.25)^2', 'x=0']], [['x^0.5 + y^0.5', 'x=0', 'y=0']], [['y = x^0.5 * 2', 'x=0']], [['1e200 * (x * 1e200)', 'x=1e-300']],
  [['x * 1e308 + x * 1e308', 'x=1e-300']], [['1/x', 'x=1e-300']],
  // Higher derivatives, the Hessian, forward mode.
  [['x^2*y + y^3', 'x=1', 'y=2', '--order', '2']], [['tanh(x)', 'x=1', '--order', '2', '--steps']], [['x*y*z', 'x=1', 'y=2', 'z=3', '--order', '3']],
[['loss = (w - 2)^4 + (w - 2)^2', 'w=0', '--train', '--newton', '--compare']], [['loss = 3*w', 'w=1', '--train', '--newton']],
    [[...RECEIPT, '--mode', 'both']], [['x*x + x*y', 'x=3', 'y=1', '--mode', 'forward', '--steps']], [['sum(w * w)', 'w=[1, 2]', '--mode', 'forward']],
  // Math.
  [['log(x)', 'x=0']], [['1/x', 'x=0']], [['sqrt(x)', 'x=-1']], [['loss = x^2', 'x=1', '--train', '--rate', '10']], [['x^2', 'x=3', '--nudge', 'x=+1e308']],
  // Files, standard input and output.
  [['-f', 'missing.txt']], [['-f', 'locked']], [['-f', 'folder']], [['-f', 'loop']], [['-f', 'a/b']], [['-f', 'empty.txt']], [['-f', '-']],
  [['-f', '-'], { stdin: Buffer.from('caf\xe9', 'latin1') }], [['-e', 'x', '-f', 'empty.txt']], [['x*y', 'y=2', '--batch', 'missing.csv']], [['x*y', 'y=2', '--batch', 'values.csv', '--json']],
  [RECEIPT, { outputError: 'ENOSPC' }], [RECEIPT, { outputError: 'EFBIG' }], [RECEIPT, { outputError: 'EIO' }], [RECEIPT, { outputError: 'ECONNRESET' }],
  // Options.
  [['--precision', '0', 'x=1']], [['x=1', '--precision']], [['x=1', '-e']], [['x^2', 'x=1', '--train', '--rate', '-1']], [['x^2', 'x=1', '--train', '--epochs', '0']],
  [['x^2', 'x=1', '--train', '--tolerance', '-1']], [['x^2', 'x=3', '--nudge', 'x=1']], [['x^2', 'x=3', '--nudge', 'y=+1']], [['x^2', 'x=3', '--nudge', 'x=+1e999']],
  [['x=1', '--format', 'xyz']], [['x=1', '--nope']], [['x=1', "--it's"]], [['x=1', '--lnag', 'ko']], [['-x^2', 'x=1']], [['x^2', 'x=1', '--rate', '0.1']],
  [['x^2', 'x=1', '--train', 'a b']], [['x^2', 'x=1', '--train', 'x,x']], [['x^2', 'x=1', '--train', 'z']], [['y = 2*3', '--train']],
  [['x^2', 'x=1', '--train', '--steps']], [['x^2', 'x=1', '--train', '--all']], [['x^2', 'x=1', '--train', '--format', 'dot']], [['x^2', 'x=1', '--fail-fast']],
  [['x^2', '-f', '-', '--batch']], [['x^2', 'x=1', '--json', '--format', 'dot']], [['x^2', 'x=1', '--steps', '--format', 'svg']],
  [['x^2', 'x=1', '--batch', '--format', 'dot']], [['x^2', 'x=1', '--batch', '--train']],
  [[...WIDE, '--format', 'svg']], [[...WIDE, '--graph']],
  [[Array.from({ length: 8000 }, (_, i) => `x${i}`).join('+'), ...Array.from({ length: 8000 }, (_, i) => `x${i}=1`), '--check']],
  // The program's words.
  [[]], [['tax=1.1']], [['apple']], [['apple=100x2', 'tax=10%']], [['apple=abc']], [['apple=Infinity']], [['apple=1e999x2']], [['apple=100x2', 'apple_num=2']],
  [['apple', '=', '100x2']], [['apple=100x2 tax=1.1']], [['apple100x2']], [['y = x', 'x=sqrt(2)']], [['-e', 'x', 'y']], [['x*2', 'y']], [['x*2', 'y*3']],
  [['apple=x2']], [['a\u200db=1']], [['x = 1']],
  // Expressions.
  [['x $ 2', 'x=1']], [['x ☃ 2', 'x=1']], [['a\u200db', 'a=1']], [['y = 2; 3; z = 4']], [['# nothing']], [['result = 2; 3']], [['foo(x)', 'x=1']],
  [['exp', 'x=1']], [['* 2']], [['x + * 2', 'x=1']], [['x, y', 'x=1', 'y=1']], [['exp(x, y)', 'x=1', 'y=1']], [['x)', 'x=1']], [['max(x)', 'x=1']],
  [['(x', 'x=1']], [['x y', 'x=1', 'y=1']], [['2x', 'x=1']], [[`${'('.repeat(10_001)}x${')'.repeat(10_001)}`, 'x=1']], [['exp = 2']],
  [['y = x; x = 1']], [['x = 1; x = 2']], [['x*y', 'x=1', 'x=2', 'y=1']], [['x*y', 'z=1']], [['y = 2*x', 'x=1', 'y=1']], [['x*y']], [['1e999 * x', 'x=1']],
];

describe.each(['ko', 'ja'])('--lang %s: no English is left', (language) => {
  test('in any line of any run', async () => {
    for (const [args, world] of COMMANDS) {
      const run = await cli([...args, '--lang', language], { ...WORLD, ...world });
      expect(leaks(args, run), args.join(' ').slice(0, 200)).toEqual([]);
    }
  });
});

test('the English that would be left is found: every failing command’s error in English has some', async () => {
  for (const [args, world] of COMMANDS) {
    const run = await cli(args, { ...WORLD, ...world });
    if (run.status !== 0 && !/^\s*\{/.test(run.stderr)) expect(leaks(args, run), args.join(' ').slice(0, 200)).not.toEqual([]);
  }
});
