import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
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
    expect(run.stderr).toBe("오류: 옵션 '--lang <language>'의 값 'fr'이(가) 잘못됨. 고를 수 있는 값: en, ko, ja. (backprop --help 참고)\n");
    const unknown = await cli([...RECEIPT, '--lnag', 'ja'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe("エラー: 未知のオプション '--lnag' (--lang のこと?) (backprop --help を参照)\n");
  });

  test('JSON keys and values and the exit status do not change with the language', async () => {
    for (const args of [RECEIPT, NEURON, ['x^2', 'x=3', '--nudge', 'x=+1', '--steps']]) {
      const english = await cli([...args, '--json']);
      for (const language of ['ko', 'ja']) expect(await cli([...args, '--json', '--lang', language])).toEqual(english);
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
    const noted = await cli(['apple=100x2', 'shipping=5', '--lang', language]);
    expect(noted.status).toBe(0);
    expect(noted.stderr).toBe(
      language === 'ko'
        ? "참고: 'shipping=5'은(는) 합계에 5을(를) 곱함; 금액을 더하거나 빼려면 부호를 붙이세요 (shipping=+5 또는 shipping=-5)\n"
        : "注意: 'shipping=5' は合計に 5 を掛ける; 金額を足したり引いたりするなら符号を付ける (shipping=+5 か shipping=-5)\n",
    );
    const refused = await cli(['apple=100x2', 'tax=10%', '--lang', language]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(language === 'ko' ? /^오류: 'tax=10%': 퍼센트에 부호를 붙이세요: / : /^エラー: 'tax=10%': パーセントに符号を付ける: /);
  });

  test('a math error in its words, with the same status', async () => {
    const run = await cli(['log(x)', 'x=0', '--lang', language]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(language === 'ko' ? '오류: log(x): 무한대: log(0) = -Infinity\n' : 'エラー: log(x) は無限大: log(0) = -Infinity\n');
  });

  test('an error points its caret under the column after a Hangul name', async () => {
    const run = await cli(['y = 사과 * 배', '사과=3', '--lang', language]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const [message, line, caret] = run.stderr.split('\n');
    expect(message).toBe(
      language === 'ko'
        ? "오류: '배': 값이 없음: 명령줄에서 값을 주거나 (배=2) 식에서 정의하세요 (배 = 2) (1행 10열)"
        : "エラー: '배' に値がない: コマンドラインで与える (배=2) か、式で定義する (배 = 2) (1 行 10 列)",
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
