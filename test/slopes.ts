import type { Layer } from '../src/layers.js';
import { FUNCTIONS } from '../src/operations.js';

/**
 * The value of a derivative as --steps writes it (`y × x ^ (y − 1)`, `(x ≥ y ? 1 : 0)`,
 * `sign(x)`), read by a small evaluator of its own rather than by backprop's parser: the
 * written forms of the kinks (? :, ≥, sign) are beyond the grammar of expressions. Functions
 * are the table's, computed by their layers' forward; `sign` is Math.sign.
 */
export function evaluateWritten(written: string, values: Record<string, number>): number {
  const tokens = written.match(/\d+(?:\.\d+)?|[\p{L}_][\p{L}\d_]*|\S/gu) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (expected !== undefined && token !== expected) throw new Error(`expected ${expected} in ${written}, found ${token}`);
    return token;
  };
  const BINARY: Record<string, [precedence: number, (a: number, b: number) => number]> = {
    '>': [1, (a, b) => Number(a > b)],
    '≥': [1, (a, b) => Number(a >= b)],
    '<': [1, (a, b) => Number(a < b)],
    '≤': [1, (a, b) => Number(a <= b)],
    '+': [2, (a, b) => a + b],
    '−': [2, (a, b) => a - b],
    '-': [2, (a, b) => a - b],
    '×': [3, (a, b) => a * b],
    '÷': [3, (a, b) => a / b],
    '^': [5, (a, b) => a ** b],
  };
  const atom = (): number => {
    const token = take();
    if (token === '(') {
      const inner = ternary();
      take(')');
      return inner;
    }
    if (token === '-' || token === '−') return -binary(4);
    if (/^\d/.test(token)) return Number(token);
    if (peek() !== '(') {
      if (!(token in values)) throw new Error(`unknown name ${token} in ${written}`);
      return values[token];
    }
    take('(');
    const args = [ternary()];
    while (peek() === ',') {
      take(',');
      args.push(ternary());
    }
    take(')');
    if (token === 'sign') return Math.sign(args[0]);
    const op = FUNCTIONS.get(token);
    if (op === undefined) throw new Error(`unknown function ${token} in ${written}`);
    return (new op.layer() as Layer).forward(args[0], args[1]);
  };
  const binary = (least: number): number => {
    let left = atom();
    for (let op = BINARY[peek()]; op !== undefined && op[0] >= least; op = BINARY[peek()]) {
      take();
      // ^ groups from the right, the others from the left.
      left = op[1](left, binary(op[0] === 5 ? op[0] : op[0] + 1));
    }
    return left;
  };
  const ternary = (): number => {
    const condition = binary(1);
    if (peek() !== '?') return condition;
    take('?');
    const yes = ternary();
    take(':');
    const no = ternary();
    return condition !== 0 ? yes : no;
  };
  const value = ternary();
  if (at !== tokens.length) throw new Error(`unread ${tokens.slice(at).join(' ')} in ${written}`);
  return value;
}
