import { JSDOM } from 'jsdom';
import { beforeAll, expect, test } from 'vitest';
import { renderMermaid } from '../../src/render/mermaid.js';
import { examples } from '../views.js';

type Mermaid = { parse: (text: string) => Promise<{ diagramType: string }> };
let mermaid: Mermaid;

// Mermaid's parser wants a DOM for its sanitizer; jsdom gives it one.
beforeAll(async () => {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window, document: window.document });
  mermaid = (await import('mermaid')).default as unknown as Mermaid;
});

test.each(Object.entries(examples))('%s: a flowchart Mermaid parses', async (_, example) => {
  const text = renderMermaid(example(), 12);
  await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
  expect(text.startsWith('flowchart LR\n')).toBe(true);
});

test('the parser does reject a broken flowchart, so the test above can fail', async () => {
  await expect(mermaid.parse('flowchart LR\n  n0["a "b" c"]')).rejects.toThrow(/Parse error/);
});

test('the card’s example as Mermaid', () => {
  expect(renderMermaid(examples.card(), 12)).toBe(`flowchart LR
  %% ∂ = ∂price/∂node
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
