import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { LayerClass } from '../src/layers.js';
import { FUNCTIONS, OPERATIONS, OPERATOR_TOKENS, type Operation } from '../src/operations.js';

/** The functions on numbers, each with its local derivative. */
const SCALAR_FUNCTIONS = [...new Set(FUNCTIONS.values())].filter((op) => !('arrays' in op.layer)) as (Omit<Operation, 'layer'> & { layer: LayerClass })[];

/** The rows of the README's table of functions: the call, and the derivatives as written. */
function readmeRows(): [string, string][] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('### Functions'), readme.indexOf('\n\n', readme.indexOf('|---|', readme.indexOf('### Functions'))));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [call, derivative] = line.split(' | ');
      return [call.slice(2).replaceAll('`', ''), derivative.replaceAll('`', '')];
    });
}

/** A function's row as the table of operations gives it: its call, and its slopes without their outer parentheses. */
function row({ symbol, arity, layer }: Omit<Operation, 'layer'> & { layer: LayerClass }): [string, string] {
  const [x, y] = arity === 1 ? ['x', ''] : ['a', 'b'];
  const call = arity === 1 ? `${symbol}(x)` : `${symbol}(a, b)`;
  const slopes = layer.slopes(x, y, 'y').map((slope) => (/^\(.*\)$/.test(slope) && balanced(slope.slice(1, -1)) ? slope.slice(1, -1) : slope));
  return [call, slopes.join(', ')];
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

test('the README’s table of functions is the table of operations, row for row', () => {
  expect(readmeRows()).toEqual(SCALAR_FUNCTIONS.map(row));
});

test('each operation has a name of its own, and each token writes one infix or prefix operation', () => {
  expect(new Set(OPERATIONS.map((op) => op.name)).size).toBe(OPERATIONS.length);
  expect(OPERATOR_TOKENS).toEqual(['+', '-', '−', '*', '×', '·', '/', '÷', '^', '**', '@', '.T']);
});
