import { createHash } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, test } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { runInProcess } from '../io.js';
import { readme } from '../readme.js';
import { AFFINE, examples, hostile, HOSTILE, net } from '../views.js';

/**
 * The page read by an HTML parser, with the one kind of query these tests make: a tag, an
 * #id and [attribute] or [attribute="value"] conditions, all of which must hold.
 */
function parseHTML(html: string) {
  const elements = [...new DOMParser().parseFromString(html, 'text/html').getElementsByTagName('*')];
  const matches = (selector: string) => {
    const [, tag, id] = /^([\w-]*)(?:#([\w-]+))?/.exec(selector)!;
    const conditions = [...selector.matchAll(/\[([\w-]+)(?:="([^"]*)")?\]/g)];
    return (element: Element) =>
      (tag === '' || element.tagName.toLowerCase() === tag) &&
      (id === undefined || element.getAttribute('id') === id) &&
      conditions.every(([, name, value]) => (value === undefined ? element.hasAttribute(name) : element.getAttribute(name) === value));
  };
  const querySelectorAll = (selector: string) => elements.filter(matches(selector));
  return { document: { querySelectorAll, querySelector: (selector: string) => querySelectorAll(selector)[0] as Element | undefined } };
}


const RECEIPT = ['apple=100x2', 'orange=150x3', 'tax=1.1'];

describe('the receipt’s page', async () => {
  const run = await runInProcess([...RECEIPT, '--format', 'html']);
  const { document } = parseHTML(run.stdout);
  const cell = (selector: string) => document.querySelector(selector)?.textContent;

  test('is written whole, status 0, under 1 MB', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^<!doctype html>\n[^]*<\/html>\n$/);
    expect(Buffer.byteLength(run.stdout)).toBeLessThan(1_000_000);
  });

  test('shows the output and every gradient as the table prints them', () => {
    expect(cell('[data-output]')).toBe('715');
    const grads = { apple: '2.2', apple_num: '110', orange: '3.3', orange_num: '165', tax: '650' };
    for (const [name, grad] of Object.entries(grads)) expect(cell(`[data-grad="${name}"]`)).toBe(grad);
  });

  test('each input: a labelled number field and a slider around its value', () => {
    const field = document.querySelector('input[type="number"][data-input="apple"]')!;
    expect(field.getAttribute('value')).toBe('100');
    expect(document.querySelector(`label[for="${field.getAttribute('id')}"]`)?.textContent).toBe('apple');
    const slider = document.querySelector('input[type="range"][data-input="apple"]')!;
    expect(['min', 'max', 'step', 'value'].map((name) => slider.getAttribute(name))).toEqual(['0', '200', '1', '100']);
    expect(slider.getAttribute('aria-label')).toBe('apple, slider');
    expect(document.querySelectorAll('input')).toHaveLength(10);
  });

  test('asks for nothing from elsewhere, and forbids it', () => {
    expect(run.stdout).not.toMatch(/\b(src|href)=|\burl\(|@import/);
    const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(policy).toMatch(/^default-src 'none';/);
    expect(policy).not.toMatch(/https?:|connect-src|img-src|font-src/);
  });

  test('runs its own script and style and nothing else: the policy names them by their hashes', () => {
    const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const script = document.querySelectorAll('script').find((element) => !element.hasAttribute('type'))!.textContent!;
    const style = document.querySelector('style')!.textContent!;
    expect(policy).toBe(`default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(style)}; base-uri 'none'; form-action 'none'`);
    expect(policy).not.toContain('unsafe');
  });

  test('draws the graph as --format svg draws it', async () => {
    const svg = (await runInProcess([...RECEIPT, '--format', 'svg'])).stdout;
    expect(svg).toMatch(/^<\?xml[^]*<svg /);
    expect(run.stdout).toContain(`<figure class="picture" role="group" aria-label="the computational graph">\n${svg.slice(svg.indexOf('<svg'))}`);
  });

  test('carries the graph and the engine’s script inline', () => {
    const data = JSON.parse(cell('#backprop-data')!);
    expect(data).toMatchObject({ output: 8, outputName: 'price', digits: 12 });
    expect(data.nodes[8]).toEqual({ operation: 'mul', args: [7, 4], name: 'price' });
    expect(document.querySelectorAll('script')[1].textContent!.length).toBeGreaterThan(1000);
  });
});

test('--all lists the intermediates too, with their values', async () => {
  const page = await renderHtml(examples.receipt(), { digits: 12, all: true });
  const { document } = parseHTML(page);
  expect(document.querySelector('[data-value="all_price"]')?.textContent).toBe('650');
  expect(document.querySelector('[data-grad="all_price"]')?.textContent).toBe('1.1');
  expect(document.querySelectorAll('input')).toHaveLength(10);
});

test('a graph too large to draw gets a page with its table and no picture', async () => {
  const words = Array.from({ length: 520 }, (_, i) => `item${i}=1x${i}`);
  const run = await runInProcess([...words, '--format', 'html']);
  expect(run.status).toBe(0);
  const { document } = parseHTML(run.stdout);
  expect(document.querySelector('figure')?.textContent?.trim()).toBe('The graph has 2079 nodes, too many to draw (at most 2000).');
  expect(document.querySelectorAll('input[type="range"]')).toHaveLength(1040);
});

test('--precision sets the digits shown', async () => {
  const run = await runInProcess(['y = x/3', 'x=1', '--format', 'html', '--precision', '3']);
  const { document } = parseHTML(run.stdout);
  expect(document.querySelector('[data-output]')?.textContent).toBe('0.333');
  expect(JSON.parse(document.querySelector('#backprop-data')!.textContent!)).toMatchObject({ digits: 3, pictureDigits: 3 });
  expect(document.querySelectorAll('text').map((text) => text.textContent)).toContain('0.333');
});

test('by default the table shows 12 significant digits and the picture 6, as --format svg draws it', async () => {
  const run = await runInProcess(['y = x/3', 'x=1', '--format', 'html']);
  const { document } = parseHTML(run.stdout);
  expect(document.querySelector('[data-output]')?.textContent).toBe('0.333333333333');
  expect(JSON.parse(document.querySelector('#backprop-data')!.textContent!)).toMatchObject({ digits: 12, pictureDigits: 6 });
  const svg = (await runInProcess(['y = x/3', 'x=1', '--format', 'svg'])).stdout;
  expect(run.stdout).toContain(svg.slice(svg.indexOf('<svg')));
  expect(svg).toContain('>0.333333</text>');
});

test('a name from the library is text on the page, in its picture, its table and its title', async () => {
  const page = await renderHtml(hostile(), { digits: 12, all: true });
  const { document } = parseHTML(page);
  expect(document.querySelectorAll('script')).toHaveLength(2);
  expect(document.querySelectorAll('img')).toHaveLength(0);
  expect(document.querySelectorAll('a')).toHaveLength(0);
  expect(page.slice(page.indexOf('<svg'), page.indexOf('</svg>'))).not.toMatch(/href|<a /);
  expect(document.querySelector('title')?.textContent).toBe(`backprop: ${HOSTILE.output}`);
  expect(document.querySelectorAll('label').map((label) => label.textContent)).toEqual([HOSTILE.a, HOSTILE.b, 'c\\N & #quot; ]"] \\n']);
  expect(document.querySelectorAll('th[scope="row"]').at(-1)?.textContent).toBe(HOSTILE.product);
  // Kept whole where a tool looks for it.
  expect(document.querySelectorAll('[data-grad]').map((cell) => cell.getAttribute('data-grad'))).toContain(HOSTILE.a);
  expect(document.querySelectorAll('text').map((text) => text.textContent)).toContain(HOSTILE.a);
});

test('a long name is cut where the page shows it, as in its picture, and kept whole in its data', async () => {
  const name = 'n'.repeat(100_000);
  const run = await runInProcess(['-f', 'p.txt', '--format', 'html'], { files: { 'p.txt': `${name} = 2\ny = ${name} * 3\n` } });
  expect(run.status).toBe(0);
  const { document } = parseHTML(run.stdout);
  expect(document.querySelector('label')?.textContent).toBe(`${'n'.repeat(40)}…`);
  expect(document.querySelector('input[type="range"]')?.getAttribute('aria-label')).toBe(`${'n'.repeat(40)}…, slider`);
  expect(document.querySelector('input[type="range"]')?.getAttribute('data-input')).toBe(name);
  expect(JSON.parse(document.querySelector('#backprop-data')!.textContent!).nodes[0]).toEqual({ input: name, value: 2 });
});

test('a page past BACKPROP_VIEW_MB is refused with status 2, before its first byte', async () => {
  const names = Array.from({ length: 20 }, (_, i) => `${'n'.repeat(20_000)}${i}`);
  const program = `${names.map((name, i) => `${name} = ${i}`).join('\n')}\ny = ${names.join(' + ')}\n`;
  const run = await runInProcess(['-f', 'p.txt', '--format', 'html'], { files: { 'p.txt': program }, env: { BACKPROP_VIEW_MB: '1' } });
  expect(run).toEqual({
    status: 2,
    stdout: '',
    stderr:
      'error: --format html would print more than 1 MB for this program (long names on many lines): shorten the names, leave --format html out, or raise the limit with BACKPROP_VIEW_MB\n',
  });
});

test('the README gives the receipt’s page its size, to within 5%', async () => {
  const [, stated] = /script are all inline \((\d+) KiB for the receipt\)/.exec(readme)!;
  const size = Buffer.byteLength((await runInProcess([...RECEIPT, '--format', 'html'])).stdout) / 1024;
  expect(Math.abs(size - Number(stated)) / size).toBeLessThan(0.05);
});

test('text in the page’s data cannot end its script', async () => {
  const page = await renderHtml(examples.receipt(), { digits: 12, all: false });
  expect(page.match(/<\/script/g)).toHaveLength(2);
});

test('--steps, --graph and --check print text: not with --format html', async () => {
  for (const view of ['--steps', '--graph', '--check']) {
    const run = await runInProcess([...RECEIPT, '--format', 'html', view]);
    expect(run).toEqual({ status: 2, stdout: '', stderr: `error: ${view} shows text or JSON: it does not go with --format html\n` });
  }
});

test.each([
  ['ko', '각 입력과 그 값, ∂price/∂입력', '연쇄법칙', '아래는 역전파로 돌아오는 ∂price/∂값'],
  ['ja', '各入力とその値、∂price/∂入力', '連鎖律', '下は逆伝播で戻る ∂price/∂値'],
])('--lang %s puts the page, its picture and the steps its script writes in that language', async (language, caption, steps, legend) => {
  const { status, stdout } = await runInProcess(['apple=100x2', 'orange=150x3', 'tax=1.1', '--format', 'html', '--lang', language]);
  expect(status).toBe(0);
  expect(stdout).toContain(`<html lang="${language}">`);
  expect(stdout).toContain(caption);
  expect(stdout).toContain(`>${steps}</h2>`);
  expect(stdout).toContain(`"language":"${language}"`);
  expect(stdout).toContain(legend);
});

describe('a page of arrays: the book’s Affine layer', async () => {
  const run = await runInProcess([...AFFINE, '--format', 'html', '--all']);
  const { document } = parseHTML(run.stdout);

  test('a small array is a number field a cell, each labelled by its name, row and column, and no slider', () => {
    expect(run.status).toBe(0);
    const cells = document.querySelectorAll('input[data-input="W"]');
    expect(cells.map((cell) => cell.getAttribute('value'))).toEqual(['1', '0', '0', '0', '1', '0']);
    expect(cells.map((cell) => cell.getAttribute('data-index'))).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(cells[5].getAttribute('aria-label')).toBe('W, row 2, column 3');
    expect(cells.every((cell) => cell.getAttribute('type') === 'number')).toBe(true);
    expect(document.querySelector('input[data-input="b"][data-index="2"]')?.getAttribute('aria-label')).toBe('b, element 3');
    expect(document.querySelectorAll('input[type="range"]')).toHaveLength(0);
    // The row's name labels the group of its cells.
    const group = document.querySelector('div[role="group"][aria-labelledby="name-1"]');
    expect(group).toBeDefined();
    expect(document.querySelector('th#name-1')?.textContent).toBe('W');
  });

  test('the gradients, and with --all the values, as NumPy prints them', async () => {
    expect(document.querySelector('[data-output]')?.textContent).toBe('37');
    expect(document.querySelector('pre[data-grad="W"]')?.textContent).toBe('[[13 17 21]\n [18 24 30]]');
    expect(document.querySelector('pre[data-grad="b"]')?.textContent).toBe('[5 7 9]');
    const named = parseHTML((await runInProcess(['A = affine(X, W, b); L = sum(A * G)', ...AFFINE.slice(1), '--format', 'html', '--all'])).stdout);
    expect(named.document.querySelector('pre[data-value="A"]')?.textContent).toBe('[[1 2 0]\n [3 4 0]]');
    expect(named.document.querySelector('pre[data-grad="A"]')?.textContent).toBe('[[1 2 3]\n [4 5 6]]');
  });

  test('carries the arrays in its data, as nested lists', () => {
    const data = JSON.parse(document.querySelector('#backprop-data')!.textContent!);
    expect(data.nodes[1]).toEqual({ input: 'W', value: [[1, 0, 0], [0, 1, 0]] });
    expect(data.nodes[3]).toEqual({ operation: 'affine', args: [0, 1, 2] });
  });
});

test('an array larger than 6×6 is shown by its shape, and cannot be changed on the page', async () => {
  const page = await renderHtml(net(), { digits: 12, all: false });
  const { document } = parseHTML(page);
  expect(document.querySelectorAll('input')).toHaveLength(0);
  const row = document.querySelectorAll('tr[data-node]')[1];
  expect(row.textContent).toContain('(784×50): too large to change here (at most 6×6)');
  expect(document.querySelector('pre[data-grad="W1"]')?.textContent).toBe('(784×50)');
  expect(JSON.parse(document.querySelector('#backprop-data')!.textContent!).nodes[1].value).toHaveLength(784);
});

test.each([
  ['ko', 'W, 2행 3열', 'b, 3번째 원소', '여기서 바꾸기에는 너무 큼 (최대 6×6)'],
  ['ja', 'W、2行3列', 'b、3番目の要素', 'ここで変えるには大きすぎる (最大 6×6)'],
])('--lang %s names the cells in that language', async (language, cell, element, tooLarge) => {
  const { stdout } = await runInProcess([...AFFINE, '--format', 'html', '--lang', language]);
  const { document } = parseHTML(stdout);
  expect(document.querySelector('input[data-input="W"][data-index="5"]')?.getAttribute('aria-label')).toBe(cell);
  expect(document.querySelector('input[data-input="b"][data-index="2"]')?.getAttribute('aria-label')).toBe(element);
  const large = await runInProcess(['y = sum(x)', 'x=[1,2,3,4,5,6,7]', '--format', 'html', '--lang', language]);
  expect(large.stdout).toContain(`(7): ${tooLarge}`);
});
