import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { renderSvg } from '../../src/render/svg.js';
import { type Browser, hasChromium, launch, NO_CHROMIUM, type Opened } from '../browser.js';
import { runInProcess } from '../io.js';
import { AFFINE, hostile, HOSTILE } from '../views.js';

const RECEIPT = ['apple=100x2', 'orange=150x3', 'tax=1.1'];

async function html(argv: string[]): Promise<string> {
  const run = await runInProcess([...argv, '--format', 'html']);
  expect(run.stderr).toBe('');
  return run.stdout;
}

if (!hasChromium) console.warn(`The live page's browser tests are ${NO_CHROMIUM}`);

describe.skipIf(!hasChromium)(`the page in Chromium${hasChromium ? '' : ` (${NO_CHROMIUM})`}`, { timeout: 60_000 }, () => {
  let browser: Browser;
  let receipt: Opened;
  beforeAll(async () => {
    browser = await launch();
    receipt = await browser.open(await html(RECEIPT));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const text = (opened: Opened, selector: string) => opened.page.locator(selector).textContent();
  // The texts of the picture --format svg draws, and of the page's, each space a space:
  // Graphviz writes a second in a row as a no-break space (and a minus as &#45;), the page a space.
  const svgTexts = async (argv: string[]) => {
    const svg = (await runInProcess([...argv, '--format', 'svg'])).stdout;
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([, text]) => text.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))));
    return texts.map((text) => text.replace(/\u00a0/g, ' '));
  };
  const drawnTexts = async (opened: Opened) => (await opened.page.locator('figure svg text').allTextContents()).map((text) => text.replace(/\u00a0/g, ' '));

  test('shows the receipt’s price and gradients as the table prints them', async () => {
    expect(await text(receipt, '[data-output]')).toBe('715');
    const grads = { apple: '2.2', apple_num: '110', orange: '3.3', orange_num: '165', tax: '650' };
    for (const [name, grad] of Object.entries(grads)) expect(await text(receipt, `[data-grad="${name}"]`)).toBe(grad);
  });

  test('apple at 120 in the number field: price 759, ∂price/∂tax 690, every gradient again', async () => {
    await receipt.page.fill('input[type="number"][data-input="apple"]', '120');
    expect(await text(receipt, '[data-output]')).toBe('759');
    expect(await text(receipt, '[data-grad="tax"]')).toBe('690');
    expect(await text(receipt, '[data-grad="apple_num"]')).toBe('132');
    expect(await receipt.page.inputValue('input[type="range"][data-input="apple"]')).toBe('120');
    await receipt.page.fill('input[type="number"][data-input="apple"]', '100');
    expect(await text(receipt, '[data-output]')).toBe('715');
  });

  test('the picture is --format svg’s drawing with the new numbers written in', async () => {
    const drawn = () => drawnTexts(receipt);
    expect(await drawn()).toEqual(await svgTexts(RECEIPT));
    await receipt.page.fill('input[type="number"][data-input="apple"]', '120');
    expect(await drawn()).toEqual(await svgTexts(['apple=120x2', 'orange=150x3', 'tax=1.1']));
    expect(await drawn()).toContain('690');
    await receipt.page.fill('input[type="number"][data-input="apple"]', '100');
    expect(await drawn()).toEqual(await svgTexts(RECEIPT));
  });

  test('pointing at, tapping or focusing a node of the picture shows its steps', async () => {
    const { page } = receipt;
    await page.locator('[data-output]').click();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('apple');
    expect(await text(receipt, '#steps')).toContain('∂price/∂apple = 1.1 × apple_num = 2.2');
    // The picture is one stop of the tab order; the arrow keys go from node to node.
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('apple_num');
    expect(await text(receipt, '#steps')).toContain('∂price/∂apple_num = 1.1 × apple = 110');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('price');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-input'))).toBe('apple');
    await page.locator('figure [aria-label="all_price"]').focus();
    await page.locator('tr[data-node="0"]').hover();
    expect(await text(receipt, '#steps')).toContain('∂price/∂apple = 1.1 × apple_num = 2.2');
    await page.keyboard.press('Enter');
    let steps = await text(receipt, '#steps');
    expect(steps).toContain('(3) all_price = apple_price + orange_price = 200 + 450 = 650');
    expect(steps).toContain('∂price/∂all_price = 1 × tax = 1.1');
    await page.locator('figure text', { hasText: /^650$/ }).click();
    steps = await text(receipt, '#steps');
    expect(steps).toContain('∂price/∂tax = 1 × all_price = 650');
  });

  test('with the keyboard alone: Tab to a slider, arrow keys move it and the numbers follow', async () => {
    const { page } = receipt;
    await page.focus('input[type="number"][data-input="tax"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-input'))).toBe('tax');
    await page.keyboard.press('ArrowRight');
    expect(await page.inputValue('input[type="number"][data-input="tax"]')).toBe('1.11');
    expect(await text(receipt, '[data-output]')).toBe('721.5');
    expect(await text(receipt, '[data-grad="apple"]')).toBe('2.22');
    await page.keyboard.press('ArrowLeft');
    expect(await text(receipt, '[data-output]')).toBe('715');
  });

  test('focusing an input shows its --steps lines: the chain-rule product that reaches it', async () => {
    await receipt.page.focus('input[type="range"][data-input="tax"]');
    const steps = await text(receipt, '#steps');
    expect(steps).toContain('(4) price = all_price × tax = 650 × 1.1 = 715');
    expect(steps).toContain('∂price/∂tax = 1 × all_price = 650');
    expect(steps).not.toContain('apple_price = apple × apple_num');
  });

  test('every control has a name a screen reader says', async () => {
    const { page } = receipt;
    for (const name of ['apple', 'apple_num', 'orange', 'orange_num', 'tax']) {
      await expect(page.getByRole('spinbutton', { name, exact: true }).count()).resolves.toBe(1);
      await expect(page.getByRole('slider', { name: `${name}, slider`, exact: true }).count()).resolves.toBe(1);
    }
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('input')].filter((input) => input.labels?.length === 0 && !input.hasAttribute('aria-label')).length,
    );
    expect(unnamed).toBe(0);
  });

  test('axe-core finds nothing against WCAG 2 A and AA, nor its best practices', async () => {
    const opened = await browser.open(await html([...RECEIPT, '--all']));
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // Run as the browser's own tools run a script: the page's policy lets no other script in.
    await opened.page.evaluate(axe);
    const { violations, incomplete, passes } = await opened.page.evaluate(() =>
      (window as unknown as { axe: { run(options: object): Promise<Record<string, { id: string }[]>> } }).axe.run({
        runOnly: ['wcag2a', 'wcag2aa', 'best-practice'],
      }),
    );
    expect(violations.map(({ id }) => id)).toEqual([]);
    // Only the colors of the picture's texts are left undecided, drawn as they are over its background.
    expect(incomplete.map(({ id }) => id)).toEqual(['color-contrast']);
    expect(passes.map(({ id }) => id)).toContain('label');
    expect(opened.requests).toEqual([]);
  });

  test('arrays: a cell of b or W changed, the output, the gradients and the picture are what the command line gives for those values', async () => {
    const opened = await browser.open(await html(AFFINE));
    const { page } = opened;
    const shown = () => page.evaluate(() => [...document.querySelectorAll('[data-output], [data-grad]')].map((element) => element.textContent));
    const drawn = () => drawnTexts(opened);
    // The command line's page and picture for these values: its table's numbers and its picture's texts.
    const printed = async (argv: string[]) => {
      const cli = await browser.open(await html(argv));
      const numbers = await cli.page.evaluate(() => [...document.querySelectorAll('[data-output], [data-grad]')].map((element) => element.textContent));
      await cli.page.close();
      return { numbers, texts: await svgTexts(argv) };
    };
    await page.fill('input[data-input="b"][data-index="1"]', '2');
    const withB = AFFINE.map((word) => (word.startsWith('b=') ? 'b=[0,2,0]' : word));
    expect({ numbers: await shown(), texts: await drawn() }).toEqual(await printed(withB));
    expect(await text(opened, '[data-output]')).toBe('51');
    expect(await text(opened, '[data-grad="G"]')).toBe('[[1 4 0]\n [3 6 0]]');
    await page.fill('input[data-input="W"][data-index="0"]', '3');
    const withW = withB.map((word) => (word.startsWith('W=') ? 'W=[[3,0,0],[0,1,0]]' : word));
    expect({ numbers: await shown(), texts: await drawn() }).toEqual(await printed(withW));
    expect(await text(opened, '[data-output]')).toBe('77');
    expect(await text(opened, '[data-grad="X"]')).toBe('[[ 3 2]\n [12 5]]');
    expect(await drawn()).toContain('[[ 3  8 0]');
    expect(opened.errors).toEqual([]);
  });

  test('arrays: the total gradient of an array used twice, and an array written in the program, are drawn anew', async () => {
    const program = ['y = sum(x * [1, 2]) + sum(x * x)', 'x=[3,4]'];
    const opened = await browser.open(await html(program));
    await opened.page.fill('input[data-input="x"][data-index="1"]', '-5');
    const drawn = await drawnTexts(opened);
    expect(drawn).toEqual(await svgTexts(['y = sum(x * [1, 2]) + sum(x * x)', 'x=[3,-5]']));
    expect(drawn).toContain('[7 -8]');
    expect(opened.errors).toEqual([]);
  });

  test('arrays: an emptied cell says it needs a number, and the numbers stay', async () => {
    const opened = await browser.open(await html(AFFINE));
    const cell = opened.page.locator('input[data-input="b"][data-index="0"]');
    await cell.fill('1');
    expect(await text(opened, '[data-output]')).toBe('42');
    await cell.fill('');
    expect(await cell.getAttribute('aria-invalid')).toBe('');
    expect(await opened.page.locator('#needs-2').textContent()).toBe('type a number');
    expect(await text(opened, '[data-output]')).toBe('42');
    await cell.fill('0');
    expect(await cell.getAttribute('aria-invalid')).toBeNull();
    expect(await text(opened, '[data-output]')).toBe('37');
    expect(opened.errors).toEqual([]);
  });

  test('arrays: every cell has a name a screen reader says, and axe-core finds nothing', async () => {
    const opened = await browser.open(await html(['A = affine(X, W, b); L = sum(A * G)', ...AFFINE.slice(1), '--all']));
    const { page } = opened;
    await expect(page.getByRole('spinbutton', { name: 'W, row 2, column 3', exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('spinbutton', { name: 'b, element 1', exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('group', { name: 'W', exact: true }).count()).resolves.toBe(1);
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axe);
    const { violations } = await page.evaluate(() =>
      (window as unknown as { axe: { run(options: object): Promise<Record<string, { id: string }[]>> } }).axe.run({
        runOnly: ['wcag2a', 'wcag2aa', 'best-practice'],
      }),
    );
    expect(violations.map(({ id }) => id)).toEqual([]);
    expect(opened.requests).toEqual([]);
  });

  test('the page made no network request and raised no error', () => {
    expect(receipt.requests).toEqual([]);
    expect(receipt.errors).toEqual([]);
  });

  test('a screenshot can be taken', async () => {
    const png = await receipt.page.screenshot({ fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
  });

  test('a value the math cannot take is named on the page, and the page recovers', async () => {
    const opened = await browser.open(await html(['y = log(x)', 'x=2']));
    await opened.page.fill('input[type="number"][data-input="x"]', '0');
    expect(await text(opened, '#failure')).toMatch(/^error: y is infinite/);
    await opened.page.fill('input[type="number"][data-input="x"]', '1');
    expect(await opened.page.locator('#failure').isHidden()).toBe(true);
    expect(await text(opened, '[data-output]')).toBe('0');
    expect(await text(opened, '[data-grad="x"]')).toBe('1');
    expect(opened.errors).toEqual([]);
  });

  test('the page says it in its language: a failure, and a gradient that is no number', async () => {
    const korean = await browser.open(await html(['y = log(x)', 'x=2', '--lang', 'ko']));
    await korean.page.fill('input[type="number"][data-input="x"]', '0');
    expect(await text(korean, '#failure')).toBe('오류: y: 무한대: log(0) = -Infinity');
    const japanese = await browser.open(await html(['y = x^n', 'x=2', 'n=3', '--lang', 'ja']));
    await japanese.page.fill('input[type="number"][data-input="x"]', '-2');
    expect(await text(japanese, '[data-grad="n"]')).toBe('未定義');
    expect([...korean.errors, ...japanese.errors]).toEqual([]);
  });

  test('a name from the library that once made a link is text: clicking it in the picture or in the page runs nothing', async () => {
    const svg = await browser.open(await renderSvg(hostile(), 6), 'svg');
    const page = await browser.open(await renderHtml(hostile(), { digits: 12, all: true }));
    for (const opened of [svg, page]) {
      const name = opened.page.locator('svg text', { hasText: HOSTILE.a });
      await expect(name.count()).resolves.toBe(1);
      await name.click();
      await opened.page.locator('svg text', { hasText: HOSTILE.b }).click();
      expect(await opened.page.locator('svg a, img').count()).toBe(0);
      expect(opened.dialogs).toEqual([]);
      expect(opened.errors).toEqual([]);
    }
    expect(await page.page.title()).toBe(`backprop: ${HOSTILE.output}`);
    expect(await page.page.locator('label').allTextContents()).toEqual([HOSTILE.a, HOSTILE.b, 'c\\N & #quot; ]"] \\n']);
    // The page's own script still runs: a change is computed and shown.
    await page.page.fill(`input[type="number"][data-input="${HOSTILE.a.replace(/"/g, '\\"')}"]`, '5');
    expect(await text(page, '[data-output]')).toBe('19');
  });

  test('the policy lets the page run only its own script and style: anything written into it does not run', async () => {
    const page = await html(RECEIPT);
    const tampered = page.replace(
      '</main>',
      `<script>document.title = 'ran'</script><p id="clickable" onclick="document.title = 'clicked'">x</p><style>main { padding: 7px }</style></main>`,
    );
    const opened = await browser.open(tampered);
    await opened.page.locator('#clickable').click();
    expect(await opened.page.title()).toBe('backprop: price');
    expect(await opened.page.evaluate(() => getComputedStyle(document.querySelector('main')!).paddingTop)).not.toBe('7px');
    // Its own style and script do run: main has its padding of 1rem, and a change is shown.
    expect(await opened.page.evaluate(() => getComputedStyle(document.querySelector('main')!).paddingTop)).toBe('16px');
    await opened.page.fill('input[type="number"][data-input="apple"]', '120');
    expect(await text(opened, '[data-output]')).toBe('759');
    expect(opened.errors).toEqual([]);
  });

  test('a value typed at an end of the slider (or past it) widens the slider, which then moves both ways from it', async () => {
    const opened = await browser.open(await html(RECEIPT));
    const field = 'input[type="number"][data-input="apple"]';
    const range = async () => {
      const slider = opened.page.locator('input[type="range"][data-input="apple"]');
      return Promise.all(['min', 'max', 'step'].map((name) => slider.getAttribute(name)).concat(slider.inputValue()));
    };
    expect(await range()).toEqual(['0', '200', '1', '100']);
    await opened.page.fill(field, '150');
    expect(await range()).toEqual(['0', '200', '1', '150']);
    await opened.page.fill(field, '200');
    expect(await range()).toEqual(['0', '400', '1', '200']);
    await opened.page.fill(field, '1000');
    expect(await range()).toEqual(['0', '2000', '10', '1000']);
    expect(await text(opened, '[data-output]')).toBe('2695');
    await opened.page.focus('input[type="range"][data-input="apple"]');
    await opened.page.keyboard.press('ArrowRight');
    expect(await opened.page.inputValue(field)).toBe('1010');
  });

  test('an emptied field says it needs a number, in the page’s language, and the numbers stay', async () => {
    for (const [language, said] of [['en', 'type a number'], ['ko', '숫자를 입력하세요'], ['ja', '数値を入力してください']]) {
      const opened = await browser.open(await html([...RECEIPT, '--lang', language]));
      const field = opened.page.locator('input[type="number"][data-input="apple"]');
      await field.fill('');
      expect(await opened.page.locator('#needs-0').textContent()).toBe(said);
      expect(await field.getAttribute('aria-invalid')).toBe('');
      expect(await field.getAttribute('aria-describedby')).toBe('needs-0');
      expect(await text(opened, '[data-output]')).toBe('715');
      await field.fill('120');
      expect(await opened.page.locator('#needs-0').textContent()).toBe('');
      expect(await field.getAttribute('aria-invalid')).toBeNull();
      expect(await text(opened, '[data-output]')).toBe('759');
    }
  });

  test('the picture fills the window’s width, for a projector, and no more than the screen’s height', async () => {
    const opened = await browser.open(await html(RECEIPT));
    for (const width of [1000, 1600, 2400]) {
      await opened.page.setViewportSize({ width, height: 900 });
      const [window, svgWidth, svgHeight, drawn] = await opened.page.evaluate(() => {
        const svg = document.querySelector('figure svg')!;
        const box = svg.getBoundingClientRect();
        const graph = svg.querySelector('g')!.getBoundingClientRect();
        return [document.documentElement.clientWidth, box.width, box.height, graph.width];
      });
      // All of it but the margins at each side, the body's 8px and the page's 1rem.
      expect(svgWidth).toBe(window - 48);
      expect(svgHeight).toBeLessThanOrEqual(0.8 * 900 + 1);
      // Drawn larger than Graphviz drew it (706 pt, 941 px) where the window has room.
      expect(drawn).toBeGreaterThan(width >= 1600 ? 1300 : 900);
    }
  });

  test('the picture shows six significant digits, the table twelve, as the command line does', async () => {
    const opened = await browser.open(await html(['y = x/3', 'x=1']));
    await opened.page.fill('input[type="number"][data-input="x"]', '2');
    expect(await text(opened, '[data-output]')).toBe('0.666666666667');
    expect(await opened.page.locator('figure svg text').allTextContents()).toContain('0.666667');
    expect(await opened.page.locator('figure svg text').allTextContents()).not.toContain('0.666666666667');
  });

  test('a graph of a thousand nodes gives the same numbers as the command line after a change', async () => {
    const program = `loss = (${Array.from({ length: 200 }, (_, i) => `w${i}*sigmoid(x${i})`).join(' + ')})^2`;
    const values = (x7: number) => Array.from({ length: 200 }, (_, i) => [`w${i}=${(i % 7) - 3}`, `x${i}=${i === 7 ? x7 : (i % 5) / 4}`]).flat();
    const opened = await browser.open(await html([program, ...values(0.5)]));
    // Two frames: the page has then seen which part of the picture is in sight.
    await opened.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await opened.page.fill('input[type="number"][data-input="x7"]', '-1.5');
    const cli = JSON.parse((await runInProcess([program, ...values(-1.5), '--json', '--precision', '12'])).stdout);
    expect(await text(opened, '[data-output]')).toBe(String(cli.value));
    const shown = await opened.page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('[data-grad]')].map((cell) => [cell.getAttribute('data-grad'), cell.textContent])),
    );
    expect(shown).toEqual(Object.fromEntries(Object.entries(cli.gradients).map(([name, grad]) => [name, String(grad)])));

    // The picture is far larger than the screen: its numbers out of sight are written as they come into sight.
    const svg = (await runInProcess([program, ...values(-1.5), '--format', 'svg'])).stdout;
    const compared = await opened.page.evaluate(async (svg) => {
      const texts = (group: Element) => [...group.querySelectorAll('text')].map((text) => text.textContent).join(' | ');
      const title = (group: Element) => group.querySelector('title')!.textContent!;
      const drawn = new DOMParser().parseFromString(svg, 'image/svg+xml').querySelectorAll('g.node');
      const expected = new Map([...drawn].map((group) => [title(group), texts(group)]));
      // Every 25th group of numbers on an edge (eK_P), from the first to the last.
      const groups = [...document.querySelectorAll('figure svg g.node')].filter((group) => title(group).startsWith('e'));
      const wrong: string[] = [];
      const sample = groups.filter((_, i) => i % 25 === 0 || i === groups.length - 1);
      for (const group of sample) {
        group.scrollIntoView();
        // The browser tells the page what came into sight a frame or a few after the scroll.
        for (let frame = 0; frame < 30 && texts(group) !== expected.get(title(group)); frame++) await new Promise(requestAnimationFrame);
        if (texts(group) !== expected.get(title(group))) wrong.push(`${title(group)}: ${texts(group)} ≠ ${expected.get(title(group))}`);
      }
      return { sampled: sample.length, wrong };
    }, svg);
    expect(compared.sampled).toBeGreaterThan(30);
    expect(compared.wrong).toEqual([]);
    expect(opened.errors).toEqual([]);
  });
});
