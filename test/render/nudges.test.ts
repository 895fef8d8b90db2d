import { Chalk } from 'chalk';
import { expect, test } from 'vitest';
import { nudge, parseNudge } from '../../src/nudge.js';
import { parseExpression } from '../../src/parse/expression.js';
import { renderNudges } from '../../src/render/nudges.js';
import { evaluate } from '../../src/result.js';
import { examples } from '../views.js';

const plain = new Chalk({ level: 0 });

test('the receipt’s nudge as a table: prediction, before and after, actual change, difference', () => {
  const result = examples.receipt();
  expect(renderNudges(result, nudge(result, [parseNudge('apple=+1'), parseNudge('tax=+10%')]), plain, 12)).toBe(`┌──────────────────┬───────────────────┬─────────────┬───────────────┬────────────┐
│ nudge            │  predicted Δprice │       price │ actual Δprice │ difference │
├──────────────────┼───────────────────┼─────────────┼───────────────┼────────────┤
│ apple=+1         │     2.2 × 1 = 2.2 │ 715 → 717.2 │           2.2 │          0 │
│ tax=+10% (+0.11) │ 650 × 0.11 = 71.5 │ 715 → 786.5 │          71.5 │          0 │
└──────────────────┴───────────────────┴─────────────┴───────────────┴────────────┘
predicted: gradient × change, along the tangent; difference: actual − predicted
`);
});

test('x² at 3: the lesson in one row, 6 predicted and 7 real', () => {
  const result = evaluate(parseExpression('x^2', ['x=3']));
  const text = renderNudges(result, nudge(result, [parseNudge('x=+1')]), plain, 12);
  expect(text).toContain('│ x=+1  │         6 × 1 = 6 │ 9 → 16 │              7 │          1 │');
});
