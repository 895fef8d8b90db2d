import { Chalk } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import { expect, test } from 'vitest';
import { parseExpression } from '../../src/parse/expression.js';
import { renderTree } from '../../src/render/tree.js';
import { evaluate } from '../../src/result.js';
import { examples } from '../views.js';

const plain = new Chalk({ level: 0 });

test('the book’s receipt, from the output down, within 80 columns', () => {
  const tree = renderTree(examples.receipt(), plain, 12);
  expect(tree).toBe(`(operation) node = value  ∂ = ∂price/∂node
(×) price = 715  ∂ 1
├── (+) all_price = 650  ∂ 1.1
│   ├── (×) apple_price = 200  ∂ 1.1
│   │   ├── apple = 100  ∂ 2.2
│   │   └── apple_num = 2  ∂ 110
│   └── (×) orange_price = 450  ∂ 1.1
│       ├── orange = 150  ∂ 3.3
│       └── orange_num = 3  ∂ 165
└── tax = 1.1  ∂ 650
`);
  for (const line of tree.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
});

test('fan-out: a value used again is drawn once and referred to after', () => {
  expect(renderTree(examples.fanOut(), plain, 12)).toBe(`(operation) node = value  ∂ = ∂result/∂node
(+) result = 12  ∂ 1
├── (×) x × x = 9  ∂ 1
│   ├── x = 3  ∂ 7
│   └── x ↑
└── x ↑
`);
});

test('three statements, with a constant', () => {
  expect(renderTree(examples.neuron(), plain, 12)).toBe(`(operation) node = value  ∂ = ∂loss/∂node
(^) loss = 0.25  ∂ 1
├── (−) y − t = -0.5  ∂ -1
│   ├── (sigmoid) y = 0.5  ∂ -1
│   │   └── (+) z = 0  ∂ -0.25
│   │       ├── (×) w × x = 1  ∂ -0.25
│   │       │   ├── w = 2  ∂ -0.125
│   │       │   └── x = 0.5  ∂ -0.5
│   │       └── b = -1  ∂ -0.25
│   └── t = 1  ∂ 1
└── 2
`);
});

test('colored by the same rule as the table', () => {
  const colored = renderTree(examples.receipt(), new Chalk({ level: 1 }), 12);
  expect(colored).toContain('\x1b[2m├── ');
  expect(stripVTControlCharacters(colored)).toBe(renderTree(examples.receipt(), plain, 12));
});

test('a negation is drawn neg, a subtraction −', () => {
  const tree = renderTree(evaluate(parseExpression('x - -x', ['x=3'])), plain, 12);
  expect(tree).toContain('(−) result = 6  ∂ 1\n');
  expect(tree).toContain('(neg) −x = -3  ∂ -1\n');
});
