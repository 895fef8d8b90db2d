import { Chalk } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import { expect, test } from 'vitest';
import { check } from '../../src/check.js';
import { nudge, parseNudge } from '../../src/nudge.js';
import { parseExpression } from '../../src/parse/expression.js';
import { PLAIN } from '../../src/render/paint.js';
import { renderText as textChunks, type TextOptions } from '../../src/render/text.js';
import { evaluate } from '../../src/result.js';
import { examples } from '../views.js';

const renderText = (...args: Parameters<typeof textChunks>) => [...textChunks(...args)].join('');
const neuron = () => evaluate(parseExpression('z = w*x + b; y = sigmoid(z)', ['w=2', 'x=0.5', 'b=-1']));
const widest = (text: string) => Math.max(...stripVTControlCharacters(text).split('\n').map((line) => [...line].length));
const text = (result = neuron(), options: Partial<TextOptions> = {}) => {
  const nudges = nudge(result, [parseNudge('w=+1'), parseNudge('b=+0.1')]);
  return renderText(result, { paint: PLAIN, all: false, tree: false, width: 80, nudges, check: check(result), ...options });
};

test('at 80 columns the tables take fewer digits rather than overflow', () => {
  const narrow = text();
  expect(widest(narrow)).toBeLessThanOrEqual(80);
  expect(narrow).toContain('│ w=+1   │  0.125 × 1 = 0.125 │ 0.5 → 0.6224593 │  0.1224593 │   -0.002540669 │');
});

test('at 120 columns they keep their 12 digits', () => {
  const wide = text(neuron(), { width: 120 });
  expect(widest(wide)).toBeLessThanOrEqual(120);
  expect(wide).toContain('│ w=+1   │  0.125 × 1 = 0.125 │ 0.5 → 0.622459331202 │  0.122459331202 │ -0.00254066879815 │');
  expect(wide).toContain('agree when |backprop − numerical| ≤ 0.00001 + 0.001 × |numerical|; h = 0.0001 × max(1, |x|)\n');
});

test('--check’s table and note at 80 and 120 columns', () => {
  const receipt = examples.floatReceipt();
  for (const width of [80, 120]) {
    const printed = renderText(receipt, { paint: new Chalk({ level: 1 }), all: false, tree: false, width, check: check(receipt) });
    expect(widest(printed)).toBeLessThanOrEqual(width);
    expect(stripVTControlCharacters(printed)).toContain('│ orange     │   150 │           3.3 │ 3.29999999999 │    1.8e-12 │ agrees │');
  }
  // Narrower: the numbers shrink to what they say (3.3), and a heading takes two lines.
  const narrow = renderText(receipt, { paint: PLAIN, all: false, tree: false, width: 70, check: check(receipt) });
  expect(widest(narrow)).toBeLessThanOrEqual(70);
  expect(narrow).toContain('│ input      │ value │ ∂price/∂input │ numerical │    rel. │ check  │\n│            │       │               │           │   error │        │');
  expect(narrow).toContain('│ orange     │   150 │           3.3 │       3.3 │ 1.8e-12 │ agrees │');
  // Narrower than the table can be: each row a block of lines, each cell under its heading.
  const stacked = renderText(receipt, { paint: PLAIN, all: false, tree: false, width: 60, check: check(receipt) });
  expect(widest(stacked)).toBeLessThanOrEqual(60);
  expect(stacked).toContain('\norange\n  value         150\n  ∂price/∂input 3.3\n  numerical     3.29999999999\n  rel. error    1.8e-12\n  check         agrees\n');
  // Exactly, the numerical gradient of the receipt is its gradient: the difference is 0.
  const exact = renderText(examples.receipt(), { paint: PLAIN, all: false, tree: false, width: 80, check: check(examples.receipt()) });
  expect(exact).toContain('│ orange     │   150 │           3.3 │       3.3 │          0 │ agrees │');
});

test('digits given with --precision are kept, whatever the width: a cell too wide takes two lines', () => {
  const printed = text(neuron(), { digits: 12 });
  expect(widest(printed)).toBeLessThanOrEqual(80);
  expect(printed).toContain('│ w=+1   │  0.125 × 1 = │          0.5 → │  0.122459331202 │ -0.00254066879815 │\n│        │        0.125 │ 0.622459331202 │');
});
