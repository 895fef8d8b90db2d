import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, test } from 'vitest';
import { renderHtml, sliderRange } from '../../src/render/html.js';
import { runInProcess } from '../io.js';
import { examples } from '../views.js';

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
  expect(JSON.parse(document.querySelector('#backprop-data')!.textContent!).digits).toBe(3);
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
  [100, { min: 0, max: 200, step: 1 }],
  [1.1, { min: 0, max: 2.2, step: 0.01 }],
  [0, { min: -5, max: 5, step: 0.1 }],
  [-1, { min: -2, max: 0, step: 0.01 }],
  [3e6, { min: 0, max: 6e6, step: 10_000 }],
])('a slider for %d spans %o', (value, range) => {
  expect(sliderRange(value)).toEqual(range);
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
