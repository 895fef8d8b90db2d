import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { expect, test } from 'vitest';
import type { Layer } from '../../src/layers.js';
import { drawnSymbol } from '../../src/notation.js';
import { formatNumber } from '../../src/numbers.js';
import { parseExpression } from '../../src/parse/expression.js';
import { parseReceipt } from '../../src/parse/receipt.js';
import { FONTS } from '../../src/render/dot.js';
import { MAX_DRAWN_NODES, renderSvg } from '../../src/render/svg.js';
import type { Result } from '../../src/result.js';
import { evaluate } from '../../src/result.js';
import { affine, examples, hostile, HOSTILE, net } from '../views.js';
import { runInProcess } from '../io.js';

/** The SVG read by a strict XML parser, which throws on anything malformed. */
function parse(svg: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
}

/** The elements within `root` of a tag, and with `.class` of that class: `g.node`, `text`. */
function all(root: Document | Element, selector: string): Element[] {
  const [tag, kind] = selector.split('.');
  return [...root.getElementsByTagName(tag)].filter((element) => kind === undefined || element.getAttribute('class') === kind);
}

function first(root: Document | Element, selector: string): Element | null {
  return all(root, selector)[0] ?? null;
}

interface EdgeNumbers {
  value: string;
  grad?: string;
}

/**
 * The numbers on each edge as the picture shows them, by edge: above the rule the value (after
 * the name of a named intermediate), below it in red the gradient.
 */
function edgesInPicture(document: Document): Map<string, EdgeNumbers> {
  const edges = new Map<string, EdgeNumbers>();
  for (const group of all(document, 'g.node')) {
    const id = first(group, 'title')!.textContent!;
    if (!id.startsWith('e')) continue;
    const texts = all(group, 'text');
    const red = texts.filter((text) => text.getAttribute('fill') === 'red');
    const black = texts.filter((text) => !text.hasAttribute('fill') && text.textContent!.trim() !== '');
    expect(red.length).toBeLessThanOrEqual(1);
    const value = black.at(-1)!.textContent!.replace(/^= /, '');
    edges.set(id, red.length === 0 ? { value } : { value, grad: red[0].textContent! });
  }
  return edges;
}

/** What each edge must carry: the argument's value, and the share of the gradient sent back to it. */
function edgesExpected({ graph, output, value }: Result): Map<string, EdgeNumbers> {
  const number = (x: number) => formatNumber(x, 12);
  const edges = new Map<string, EdgeNumbers>();
  for (let node = 0; node < graph.size; node++) {
    const layer = graph.layer(node) as Layer | undefined;
    if (layer === undefined) continue;
    // What the layer sends back from this node: its forward run again on the node's arguments, then its backward.
    layer.forward(...(graph.args(node).map((arg) => graph.value(arg)) as [number, number]));
    const shares = layer.backward(graph.grad(node));
    graph.args(node).forEach((arg, position) => {
      const numbers = { value: number(graph.value(arg)), grad: number(shares[position]) };
      edges.set(`e${node}_${position}`, graph.isConstant(arg) ? { value: numbers.value } : numbers);
    });
  }
  edges.set('e_out', { value: number(value), grad: '1' });
  expect(graph.value(output)).toBe(value);
  return edges;
}

const pictures = {
  ...examples,
  neuron: () => evaluate(parseExpression('z = w*x + b; y = sigmoid(z)', ['w=2', 'x=0.5', 'b=-1'])),
};

test.each(Object.entries(pictures))('%s: every value and gradient is on its edge, the gradient in red', async (_, example) => {
  const result = example();
  const document = parse(await renderSvg(result, 12));
  expect(document.documentElement?.tagName).toBe('svg');
  expect(edgesInPicture(document)).toEqual(edgesExpected(result));
});

test.each(Object.entries(pictures))('%s: each operation a circle with its symbol, each input a plain label', async (_, example) => {
  const result = example();
  const { graph, outputName } = result;
  const document = parse(await renderSvg(result, 12));
  const nodes = new Map(all(document, 'g.node').map((group) => [first(group, 'title')!.textContent!, group]));
  for (let node = 0; node < graph.size; node++) {
    const group = nodes.get(`n${node}`)!;
    const layer = graph.layer(node);
    if (layer === undefined) {
      expect(first(group, 'ellipse')).toBeNull();
      const text = graph.isConstant(node) ? formatNumber(graph.value(node), 12) : graph.name(node);
      expect(first(group, 'text')!.textContent).toBe(text);
    } else {
      const circle = first(group, 'ellipse')!;
      expect(circle.getAttribute('rx')).toBe(circle.getAttribute('ry'));
      expect(first(group, 'text')!.textContent).toBe(drawnSymbol(graph.operation(node)!));
    }
  }
  expect(first(nodes.get('out')!, 'text')!.textContent).toBe(outputName);
});

test('the book’s receipt, left to right: inputs left of their operation, the output rightmost', async () => {
  const document = parse(await renderSvg(examples.receipt(), 12));
  const x = (id: string) =>
    Number(first(all(document, 'g.node').find((group) => first(group, 'title')!.textContent === id)!, 'text')!.getAttribute('x'));
  expect(x('n0')).toBeLessThan(x('n5'));
  expect(x('n5')).toBeLessThan(x('n7'));
  expect(x('n7')).toBeLessThan(x('n8'));
  expect(x('n8')).toBeLessThan(x('out'));
});

test('a value used twice shows its total gradient beside its name; each edge carries its own share', async () => {
  const document = parse(await renderSvg(examples.fanOut(), 12));
  const input = all(document, 'g.node').find((group) => first(group, 'title')!.textContent === 'n0')!;
  expect(all(input, 'text').map((text) => text.textContent)).toEqual(['x', '∂ 7']);
  const shares = [...edgesInPicture(document).entries()].filter(([id]) => id !== 'e_out' && id !== 'e2_0').map(([, { grad }]) => grad);
  expect(shares.sort()).toEqual(['1', '3', '3']);
});

test('Hangul and kana are drawn, in a font list with CJK fonts', async () => {
  const svg = await renderSvg(evaluate(parseReceipt(['사과=100x2', 'りんご=150x3', 'tax=1.1'])), 12);
  const document = parse(svg);
  const texts = all(document, 'text');
  expect(texts.map((text) => text.textContent)).toEqual(expect.arrayContaining(['사과', 'りんご_num']));
  for (const text of texts) expect(text.getAttribute('font-family')).toBe(FONTS);
  expect(FONTS).toMatch(/CJK KR.*CJK JP/);
});

test('a graph too large to look at is refused, pointing to DOT', async () => {
  const items = Array.from({ length: MAX_DRAWN_NODES / 2 }, (_, i) => `item${i}=1x1`);
  await expect(renderSvg(evaluate(parseReceipt(items)), 12)).rejects.toThrow(/too many to draw .*use --format dot/);
});

test('a name from the library is drawn as the text it is: no link, no markup, no escape of Graphviz', async () => {
  const document = parse(await renderSvg(hostile(), 6));
  expect(all(document, 'a')).toEqual([]);
  expect(all(document, 'script')).toEqual([]);
  const texts = all(document, 'text').map((text) => text.textContent);
  for (const name of [HOSTILE.a, HOSTILE.b, HOSTILE.product, HOSTILE.output]) expect(texts).toContain(name);
  // A line break is shown as an escape, as an error message shows it.
  expect(texts).toContain('c\\N & #quot; ]"] \\n');
});

test('a name of a megabyte is drawn cut, as an error message cuts it: Graphviz would take seconds over it', async () => {
  const name = 'n'.repeat(2 ** 20);
  const run = await runInProcess(['-f', 'p.txt', '--format', 'svg'], { files: { 'p.txt': `${name} = 2\ny = ${name} * 3\n` } });
  expect(run.status).toBe(0);
  const texts = all(parse(run.stdout), 'text').map((text) => text.textContent);
  expect(texts).toContain(`${'n'.repeat(40)}…`);
});

test('six significant digits by default, as many as --precision says', async () => {
  const svg = async (...argv: string[]) => {
    const run = await runInProcess(['y = sigmoid(x)', 'x=1', '--expand', '--format', 'svg', ...argv]);
    return all(parse(run.stdout), 'text').map((text) => text.textContent);
  };
  expect(await svg()).toEqual(expect.arrayContaining(['0.196612', '-0.534447', '0.367879']));
  expect(await svg('--precision', '12')).toEqual(expect.arrayContaining(['0.196611933241', '-0.534446645389']));
});

test('arrays: the shape above each arrow, NumPy’s rows in a fixed-width font, the gradient’s rows in red below', async () => {
  const document = parse(await renderSvg(affine(), 6));
  const group = all(document, 'g.node').find((node) => first(node, 'title')!.textContent === 'e3_1')!;
  const texts = all(group, 'text');
  // Graphviz writes a second space in a row as a no-break space.
  expect(texts.map((text) => text.textContent!.replace(/\u00a0/g, ' '))).toEqual(['(2×3)', '[[1 0 0]', ' [0 1 0]]', '[[13 17 21]', ' [18 24 30]]']);
  expect(texts.map((text) => text.getAttribute('font-family'))).toEqual([FONTS, ...Array(4).fill('Courier,monospace')]);
  expect(texts.map((text) => text.getAttribute('fill'))).toEqual([null, null, null, 'red', 'red']);
  // The rows start at one x, so that their columns line up.
  expect(new Set(texts.slice(1, 3).map((text) => text.getAttribute('x'))).size).toBe(1);
});

test('the book’s two-layer net draws quickly, a shape on each arrow', async () => {
  const started = performance.now();
  const svg = await renderSvg(net(), 6);
  expect(performance.now() - started).toBeLessThan(5000);
  const texts = all(parse(svg), 'text').map((text) => text.textContent);
  expect(texts.length).toBeLessThan(50);
  expect(texts).toEqual(expect.arrayContaining(['(10×784)', '(784×50)', '(50)', '(10×10)']));
});
