import { spawnSync } from 'node:child_process';
import { fromDot } from 'ts-graphviz';
import { expect, test } from 'vitest';
import type { Layer } from '../../src/layers.js';
import { drawnSymbol } from '../../src/notation.js';
import { parseExpression } from '../../src/parse/expression.js';
import { parseReceipt } from '../../src/parse/receipt.js';
import { FONTS, renderDot } from '../../src/render/dot.js';
import { evaluate } from '../../src/result.js';
import { runInProcess } from '../io.js';
import { affine, examples, hostile, HOSTILE, net } from '../views.js';

const hasGraphviz = spawnSync('dot', ['-V']).status === 0;

test.each(Object.entries(examples))('%s: DOT that parses, in the book’s style, edges in data direction', (_, example) => {
  const result = example();
  const { graph: g } = result;
  const graph = fromDot(renderDot(result, 12));
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const attribute = (id: string, name: string) => String(nodes.get(id)!.attributes.get(name as 'label'));
  const edges = graph.edges.map((edge) => edge.targets.map((target) => ('id' in target ? target.id : '')).join('->'));
  for (let id = 0; id < g.size; id++) {
    const layer = g.layer(id) as Layer | undefined;
    if (layer === undefined) {
      expect(attribute(`n${id}`, 'shape')).toBe('plaintext');
      continue;
    }
    expect(attribute(`n${id}`, 'shape')).toBe('circle');
    expect(attribute(`n${id}`, 'label')).toBe(drawnSymbol(g.operation(id)!));
    // What the layer sends back from this node: its forward run again on the node's arguments, then its backward.
    layer.forward(...(g.args(id).map((arg) => g.value(arg)) as [number, number]));
    const shares = layer.backward(g.grad(id));
    g.args(id).forEach((arg, position) => {
      // Each argument reaches its operation through the node that carries the edge's numbers.
      const numbers = `e${id}_${position}`;
      expect(edges).toContain(`n${arg}->${numbers}`);
      expect(edges).toContain(`${numbers}->n${id}`);
      const label = attribute(numbers, 'label');
      expect(label).toContain(`${Number(g.value(arg).toPrecision(12))}</TD>`);
      if (!g.isConstant(arg)) {
        expect(label).toContain(`<HR/><TR><TD COLSPAN="2"><FONT COLOR="red">${Number(shares[position].toPrecision(12))}</FONT>`);
      }
    });
  }
  expect(edges).toContain(`n${result.output}->e_out`);
  expect(edges).toContain('e_out->out');
});

test('the book’s receipt as DOT', () => {
  const dot = renderDot(examples.receipt(), 12);
  expect(dot).toContain(`  node [fontname="${FONTS}"];\n`);
  expect(dot).toContain(
    '  n8 [label="×", shape=circle, fontsize=20, margin=0.02];\n' +
      '  e8_0 [shape=plain, label=<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2"><TR><TD><FONT COLOR="gray40">all_price</FONT></TD><TD>= 650</TD></TR>' +
      '<HR/><TR><TD COLSPAN="2"><FONT COLOR="red">1.1</FONT></TD></TR></TABLE>>];\n' +
      '  n7 -> e8_0:w [arrowhead=none, headclip=false];\n' +
      '  e8_0:e -> n8 [tailclip=false];\n',
  );
  expect(dot).toContain('  out [label="price", shape=plaintext];\n');
  expect(dot).not.toMatch(/width=|WIDTH=/);
});

test('a name beyond ASCII is given its width, which Graphviz without fonts would not measure', () => {
  const dot = renderDot(evaluate(parseReceipt(['사과=100x2', 'tax=1.1'])), 12);
  // Two wide characters are as wide as four Latin ones.
  expect(dot).toContain('  n0 [label="사과", shape=plaintext, width=0.58];\n');
  expect(dot).toContain('<TD WIDTH="92"><FONT COLOR="gray40">사과_price</FONT></TD>');
});

test.skipIf(!hasGraphviz)('Graphviz draws it as SVG', () => {
  for (const example of Object.values(examples)) {
    const run = spawnSync('dot', ['-Tsvg'], { input: renderDot(example(), 12), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<svg');
  }
});

test('a name from the library stays text in its label: it adds no attribute (no URL) and starts no escape', () => {
  const dot = renderDot(hostile(), 6);
  const graph = fromDot(dot);
  const attributes = new Set(graph.nodes.flatMap((node) => node.attributes.values.map(([name]) => name)));
  expect([...attributes].sort()).toEqual(['fontsize', 'label', 'margin', 'shape']);
  const label = (id: string) => String(graph.nodes.find((node) => node.id === id)!.attributes.get('label'));
  expect(label('n0')).toBe('a&quot;, URL=&quot;javascript:alert(1)');
  expect(label('n1')).toBe('&lt;img src=x onerror=alert(2)&gt;');
  // Graphviz's own escapes (\N is the node's name) are written as the backslash they show.
  expect(label('n3')).toBe('c\\\\N &amp; #quot; ]&quot;] \\\\n');
  expect(label('e4_0')).toContain('<FONT COLOR="gray40">p&lt;b&gt;&quot;&amp;amp;\\\\G</FONT>');
  expect(label('out')).toBe('y&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
});

test.skipIf(!hasGraphviz)('Graphviz shows such a name as it is, and links nowhere', () => {
  const run = spawnSync('dot', ['-Tsvg'], { input: renderDot(hostile(), 6), encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).not.toMatch(/<a |href|javascript:alert\(1\)"/);
  const texts = [...run.stdout.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([, text]) => text);
  const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  for (const name of [HOSTILE.a, HOSTILE.b, HOSTILE.product, HOSTILE.output]) expect(texts).toContain(xml(name));
  expect(texts).toContain(xml('c\\N & #quot; ]"] \\n'));
});

test('a long name is cut as an error message cuts it, and the picture stays quick to draw', async () => {
  const name = 'n'.repeat(1_000_000);
  const dot = renderDot(evaluate(parseExpression(`${name} = 2; y = ${name} * 3`, [])), 6);
  expect(dot.length).toBeLessThan(3000);
  expect(dot).toContain(`  n0 [label="${'n'.repeat(40)}…", shape=plaintext, width=`);
  // The JSON keeps it whole.
  const json = JSON.parse((await runInProcess(['-f', 'p.txt', '--json'], { files: { 'p.txt': `${name} = 2\ny = ${name} * 3\n` } })).stdout);
  expect(Object.keys(json.inputs)).toEqual([name]);
});

test('six significant digits unless --precision says otherwise', async () => {
  const dot = async (...argv: string[]) => (await runInProcess(['y = sigmoid(x)', 'x=1', '--expand', '--format', 'dot', ...argv])).stdout;
  expect(await dot()).toContain('<FONT COLOR="red">0.196612</FONT>');
  expect(await dot()).not.toContain('0.1966119');
  expect(await dot('--precision', '12')).toContain('<FONT COLOR="red">0.196611933241</FONT>');
});

test('arrays: each arrow carries its shape, and NumPy’s rows in a fixed-width font, the gradient’s below', () => {
  const dot = renderDot(affine(), 6);
  const rows = (...lines: string[]) => `<FONT FACE="Courier">${lines.map((line) => `${line}<BR ALIGN="LEFT"/>`).join('')}</FONT>`;
  expect(dot).toContain(
    `  e3_1 [shape=plain, label=<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2"><TR><TD>(2×3)<BR/>${rows('[[1 0 0]', ' [0 1 0]]')}</TD></TR>` +
      `<HR/><TR><TD COLSPAN="2"><FONT COLOR="red">${rows('[[13 17 21]', ' [18 24 30]]')}</FONT></TD></TR></TABLE>>];\n`,
  );
  expect(dot).toContain(`<TD>(3)<BR/>${rows('[0 0 0]')}</TD></TR><HR/><TR><TD COLSPAN="2"><FONT COLOR="red">${rows('[5 7 9]')}</FONT>`);
  // The output is a number, drawn as ever.
  expect(dot).toContain('<TR><TD>37</TD></TR><HR/><TR><TD COLSPAN="2"><FONT COLOR="red">1</FONT></TD></TR>');
});

test('arrays: one written in the program, and the total gradient of one used twice, its rows on lines of their own', () => {
  const dot = renderDot(evaluate(parseExpression('y = sum(x * [1, 2]) + sum(x)', ['x=[3,4]'])), 6);
  expect(dot).toContain('  n0 [label=<x<BR/><FONT COLOR="red">∂<BR/><FONT FACE="Courier">[2 3]<BR ALIGN="LEFT"/></FONT></FONT>>, shape=plaintext];\n');
  expect(dot).toContain('  n1 [label=<(2)<BR/><FONT FACE="Courier">[1 2]<BR ALIGN="LEFT"/></FONT>>, shape=plaintext];\n');
  expect(() => fromDot(dot)).not.toThrow();
});

test('the book’s two-layer net is drawn by shapes, not by its 39,200 weights', () => {
  const dot = renderDot(net(), 6);
  expect(dot.length).toBeLessThan(5000);
  expect(dot).toContain('<TR><TD>(784×50)</TD></TR><HR/><TR><TD COLSPAN="2"><FONT COLOR="red">(784×50)</FONT></TD></TR>');
  // The labels get no gradient: nothing is drawn below their arrow.
  expect(dot).toContain('<TR><TD>(10×10)</TD></TR><HR/><TR><TD COLSPAN="2">&#160;</TD></TR>');
  expect(() => fromDot(dot)).not.toThrow();
});

test.skipIf(!hasGraphviz)('Graphviz draws arrays too', () => {
  for (const example of [affine, net]) {
    const run = spawnSync('dot', ['-Tsvg'], { input: renderDot(example(), 6), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }
});
