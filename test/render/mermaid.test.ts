import { expect, test } from 'vitest';
import { Graph } from '../../src/graph.js';
import { parseExpression } from '../../src/parse/expression.js';
import { renderMermaid } from '../../src/render/mermaid.js';
import { evaluate } from '../../src/result.js';
import { runInProcess } from '../io.js';
import { affine, examples, hostile, net } from '../views.js';

/**
 * The problems Mermaid would find in a flowchart of the kind backprop writes, none if it is
 * well formed: a front matter block, the flowchart line, then nodes (an id, a shape Mermaid
 * knows, a quoted label holding no ") and edges between nodes declared before. This is
 * Mermaid's grammar for the forms used, checked without Mermaid and the browser it needs.
 */
function mermaidProblems(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) !== '') problems.push('no final line break');
  lines.pop();
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) return ['front matter never closed'];
    for (const line of lines.splice(0, end + 1).slice(1, -1)) {
      if (!/^[a-z]+: (?:"(?:[^"\\]|\\.)*"|[^"]*)$/.test(line)) problems.push(`bad front matter: ${line}`);
    }
  }
  if (!/^flowchart (?:LR|RL|TB|TD|BT)$/.test(lines.shift() ?? '')) problems.push('no flowchart line');
  const SHAPES = String.raw`\["[^"]*"\]|\("[^"]*"\)|\(\["[^"]*"\]\)|\(\("[^"]*"\)\)`;
  const declared = new Set<string>();
  for (const line of lines) {
    const node = new RegExp(`^  (n\\d+)(?:${SHAPES})$`).exec(line);
    const edge = /^  (n\d+) --> (n\d+)$/.exec(line);
    if (node !== null) {
      if (declared.has(node[1])) problems.push(`${node[1]} declared twice`);
      declared.add(node[1]);
    } else if (edge !== null) {
      for (const id of edge.slice(1)) if (!declared.has(id)) problems.push(`edge from or to undeclared ${id}`);
    } else {
      problems.push(`not a node or an edge: ${line}`);
    }
  }
  return problems;
}

test.each(Object.entries(examples))('%s: a well-formed flowchart, with its legend as a title', (_, example) => {
  const text = renderMermaid(example(), 12);
  expect(mermaidProblems(text)).toEqual([]);
  expect(text).toMatch(/^---\ntitle: "∂ = ∂\w+\/∂node"\n---\nflowchart LR\n/);
});

test('a lone input is the output, and keeps its name', () => {
  const text = renderMermaid(evaluate(parseExpression('x', ['x=3'])), 12);
  expect(mermaidProblems(text)).toEqual([]);
  expect(text).toContain('n0(("x<br>= 3<br>∂ 1"))');
});

test('negation and subtraction are drawn apart', () => {
  const text = renderMermaid(evaluate(parseExpression('x - -x', ['x=3'])), 12);
  expect(text).toContain('n1("neg<br>= -3<br>∂ -1")');
  expect(text).toContain('n2(("− result<br>= 6<br>∂ 1"))');
});

test('the check does find what Mermaid would reject, so the tests above can fail', () => {
  expect(mermaidProblems('flowchart LR\n  n0["a "b" c"]\n')).toEqual(['not a node or an edge:   n0["a "b" c"]']);
  expect(mermaidProblems('flowchart LR\n  n0{"a"}\n  n0 --> n1\n')).toHaveLength(3);
  expect(mermaidProblems('---\ntitle: "a "b""\n---\nflowchart LR\n')).toHaveLength(1);
  expect(mermaidProblems('graph\n')).toEqual(['no flowchart line']);
});

test('the book’s receipt as Mermaid', () => {
  expect(renderMermaid(examples.receipt(), 12)).toBe(`---
title: "∂ = ∂price/∂node"
---
flowchart LR
  n0["apple<br>= 100<br>∂ 2.2"]
  n1["apple_num<br>= 2<br>∂ 110"]
  n2["orange<br>= 150<br>∂ 3.3"]
  n3["orange_num<br>= 3<br>∂ 165"]
  n4["tax<br>= 1.1<br>∂ 650"]
  n5("× apple_price<br>= 200<br>∂ 1.1")
  n0 --> n5
  n1 --> n5
  n6("× orange_price<br>= 450<br>∂ 1.1")
  n2 --> n6
  n3 --> n6
  n7("+ all_price<br>= 650<br>∂ 1.1")
  n5 --> n7
  n6 --> n7
  n8(("× price<br>= 715<br>∂ 1"))
  n7 --> n8
  n4 --> n8
`);
});

test('a name from the library is text in its label, in Mermaid’s escapes: no quote ends it, no markup is made', () => {
  const text = renderMermaid(hostile(), 6);
  expect(mermaidProblems(text)).toEqual([]);
  // Mermaid sets the title as text, not HTML.
  expect(text).toContain('title: "∂ = ∂y</title><script>alert(3)</script>/∂node"\n');
  expect(text).toContain('n0["a#quot;, URL=#quot;javascript:alert(1)<br>= 2<br>∂ 3"]');
  expect(text).toContain('n1["#lt;img src=x onerror=alert(2)#gt;<br>= 3<br>∂ 2"]');
  expect(text).toContain('n2("× p#lt;b#gt;#quot;#amp;amp;\\G<br>= 6<br>∂ 1")');
  // # begins an escape of Mermaid's: a name's own is one too, and the line break an escape as an error shows it.
  expect(text).toContain('n3["c\\N #amp; #35;quot; ]#quot;] \\n<br>= 4<br>∂ 1"]');
  expect(text.split('flowchart LR\n')[1].match(/<(?!br>)/g)).toBeNull();
});

test('the title is a YAML string whatever the output’s name', () => {
  const graph = new Graph();
  const x = graph.input('x', 3);
  const text = renderMermaid(evaluate({ graph, output: x, outputName: 'say "\\n"' }), 6);
  expect(text).toMatch(/^---\ntitle: "∂ = ∂say \\"\\\\n\\"\/∂node"\n/);
  expect(mermaidProblems(text)).toEqual([]);
});

test('six significant digits unless --precision says otherwise', async () => {
  const mermaid = async (...argv: string[]) => (await runInProcess(['y = sigmoid(x)', 'x=1', '--format', 'mermaid', ...argv])).stdout;
  expect(await mermaid()).toContain('n1(("sigmoid y<br>= 0.731059<br>∂ 1"))');
  expect(await mermaid('--precision', '12')).toContain('<br>= 0.73105857863<br>');
});

test('arrays: a node shows its shape, then NumPy’s rows a line each, its gradient’s rows after ∂', () => {
  const text = renderMermaid(affine(), 6);
  expect(mermaidProblems(text)).toEqual([]);
  expect(text).toContain('n1["W<br>= (2×3)<br>[[1 0 0]<br> [0 1 0]]<br>∂ [[13 17 21]<br> [18 24 30]]"]');
  expect(text).toContain('n2["b<br>= (3)<br>[0 0 0]<br>∂ [5 7 9]"]');
  expect(text).toContain('n6(("sum L<br>= 37<br>∂ 1"))');
  const large = renderMermaid(net(), 6);
  expect(mermaidProblems(large)).toEqual([]);
  expect(large).toContain('n1["W1<br>= (784×50)<br>∂ (784×50)"]');
  expect(large.length).toBeLessThan(2000);
});

test('an array written in the program is a node of its own rows', () => {
  const text = renderMermaid(evaluate(parseExpression('y = sum(x * [1, 2])', ['x=[3,4]'])), 6);
  expect(text).toContain('n1(["(2)<br>[1 2]"])');
});
