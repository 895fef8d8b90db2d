import { spawnSync } from 'node:child_process';
import { fromDot } from 'ts-graphviz';
import { expect, test } from 'vitest';
import { renderDot } from '../../src/render/dot.js';
import { examples } from '../views.js';

const hasGraphviz = spawnSync('dot', ['-V']).status === 0;

test.each(Object.entries(examples))('%s: DOT that parses, with value and gradient on each node and edges in data direction', (_, example) => {
  const result = example();
  const dot = renderDot(result, 12);
  const graph = fromDot(dot);
  const { graph: g } = result;
  expect(graph.nodes).toHaveLength(g.size);
  graph.nodes.forEach((node, id) => {
    expect(node.id).toBe(`n${id}`);
    const label = String(node.attributes.get('label'));
    if (!g.isConstant(id)) expect(label).toContain(`∂ ${Number(g.grad(id).toPrecision(12))}`);
  });
  const edges = graph.edges.map((edge) => edge.targets.map((target) => ('id' in target ? target.id : '')).join('->'));
  for (let id = 0; id < g.size; id++) {
    if (g.layer(id) === undefined) continue;
    for (const arg of g.args(id)) expect(edges).toContain(`n${arg}->n${id}`);
  }
});

test('the card’s example as DOT', () => {
  expect(renderDot(examples.card(), 12)).toContain('  n8 [label="× price\\n= 715\\n∂ 1", shape=doubleoctagon];\n  n7 -> n8;\n  n4 -> n8;\n}\n');
});

test.skipIf(!hasGraphviz)('Graphviz draws it as SVG', () => {
  for (const example of Object.values(examples)) {
    const run = spawnSync('dot', ['-Tsvg'], { input: renderDot(example(), 12), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<svg');
  }
});
