import { Chalk } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import { expect, test } from 'vitest';
import { parseExpression } from '../../src/parse/expression.js';
import { renderTree } from '../../src/render/tree.js';
import { evaluate } from '../../src/result.js';
import { affine, examples, net } from '../views.js';

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

test('arrays: a shape and NumPy’s rows on one line; a large one by its shape alone', () => {
  expect(renderTree(affine(), plain, 12)).toBe(`(operation) node = value  ∂ = ∂L/∂node
(sum) L = 37  ∂ 1
└── (×) affine(X, W, b) × G (2×3) = [[ 1  4 0] [12 20 0]]  ∂ [[1 1 1] [1 1 1]]
    ├── (affine) affine(X, W, b) (2×3) = [[1 2 0] [3 4 0]]  ∂ [[1 2 3] [4 5 6]]
    │   ├── X (2×2) = [[1 2] [3 4]]  ∂ [[1 2] [4 5]]
    │   ├── W (2×3) = [[1 0 0] [0 1 0]]  ∂ [[13 17 21] [18 24 30]]
    │   └── b (3) = [0 0 0]  ∂ [5 7 9]
    └── G (2×3) = [[1 2 3] [4 5 6]]  ∂ [[1 2 0] [3 4 0]]
`);
  const tree = renderTree(net(), plain, 12);
  expect(tree).toContain('│   │       ├── W1 (784×50)  ∂ (784×50)\n');
  expect(tree).toContain('├── (affine) affine(relu(affine(X, W1, b1)), W2, b2) (10×10)  ∂ (10×10)\n');
  expect(tree.length).toBeLessThan(1000);
});

test('an array written in the program is drawn dim, as a number is', () => {
  const tree = renderTree(evaluate(parseExpression('y = sum(x * [1, 2])', ['x=[3,4]'])), new Chalk({ level: 1 }), 12);
  expect(tree).toContain('\x1b[2m(2) = [1 2]\x1b[22m');
});

test('on a narrow screen a node goes on under itself, its gradient on a line of its own, the branches drawn on', () => {
  const tree = renderTree(examples.receipt(), plain, 12, undefined, 32);
  expect(tree).toBe(`(operation) node = value  ∂ =
    ∂price/∂node
(×) price = 715  ∂ 1
├── (+) all_price = 650  ∂ 1.1
│   ├── (×) apple_price = 200
│   │   │   ∂ 1.1
│   │   ├── apple = 100  ∂ 2.2
│   │   └── apple_num = 2  ∂ 110
│   └── (×) orange_price = 450
│       │   ∂ 1.1
│       ├── orange = 150  ∂ 3.3
│       └── orange_num = 3
│               ∂ 165
└── tax = 1.1  ∂ 650
`);
  for (const line of tree.split('\n')) expect(line.length).toBeLessThanOrEqual(32);
});
