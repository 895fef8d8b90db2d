import type { Operation } from '../src/operations.js';

/** An operation written as an expression does, with its first token: `x + y`, `-x`, `exp(x)`, `max(x, y)`. */
export function written({ symbol, arity, notation }: Operation, x: string, y: string): string {
  if (notation.form === 'infix') return `${x} ${notation.tokens[0]} ${y}`;
  if (notation.form === 'prefix') return `${notation.tokens[0]}${x}`;
  if (notation.form === 'postfix') return `${x}${notation.tokens[0]}`;
  return arity === 1 ? `${symbol}(${x})` : `${symbol}(${x}, ${y})`;
}
