import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Exact } from '../src/exact.js';
import { parseExpression } from '../src/parse/expression.js';
import { evaluate } from '../src/result.js';
import { RUNS } from './runs.js';

/**
 * A reference of its own: rationals of BigInts, carried forward with their partial
 * derivatives in every input (forward mode), written plainly. The graph's exact values and
 * gradients must be these, to the last digit.
 */
interface Rational {
  n: bigint;
  d: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
function rational(n: bigint, d: bigint): Rational | undefined {
  if (d === 0n) return undefined;
  const g = gcd(n, d) * (d < 0n ? -1n : 1n);
  return { n: n / g, d: d / g };
}
const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d)!;
const mul = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d)!;
const neg = (a: Rational) => ({ n: -a.n, d: a.d });
const sign = (a: Rational) => (a.n > 0n ? 1 : a.n < 0n ? -1 : 0);
const compare = (a: Rational, b: Rational) => sign(add(a, neg(b)));
const ZERO = { n: 0n, d: 1n };
const ONE = { n: 1n, d: 1n };
const NAMES = ['a', 'b', 'c', 'd'];

/** A value and its partial derivative in each input; undefined where the math is not defined (÷ 0). */
interface Dual {
  value: Rational;
  partials: Rational[];
}
const scale = (x: Dual, by: Rational) => x.partials.map((p) => mul(p, by));
const sum = (a: Rational[], b: Rational[]) => a.map((p, i) => add(p, b[i]));

interface Program {
  text: string;
  at: (inputs: Rational[]) => Dual | undefined;
  binds: number;
}

const within = (x: Program, loosest: number) => (x.binds < loosest ? `(${x.text})` : x.text);
const leaf: fc.Arbitrary<Program> = fc.oneof(
  fc.constantFrom(...NAMES.keys()).map((i) => ({
    text: NAMES[i],
    at: (inputs: Rational[]) => ({ value: inputs[i], partials: NAMES.map((_, j) => (i === j ? ONE : ZERO)) }),
    binds: 5,
  })),
  fc.integer({ min: 1, max: 30 }).map((tenths) => ({
    text: String(tenths / 10),
    at: () => ({ value: rational(BigInt(tenths), 10n)!, partials: NAMES.map(() => ZERO) }),
    binds: 5,
  })),
);

function binary(symbol: string, precedence: number, f: (x: Dual, y: Dual) => Dual | undefined) {
  return ([x, y]: [Program, Program]): Program => ({
    text: `${within(x, precedence)} ${symbol} ${within(y, precedence + 1)}`,
    at: (inputs) => {
      const [a, b] = [x.at(inputs), y.at(inputs)];
      return a && b && f(a, b);
    },
    binds: precedence,
  });
}
function call(name: string, f: (x: Dual, y: Dual) => Dual | undefined, arity: 1 | 2) {
  return ([x, y]: [Program, Program]): Program => ({
    text: arity === 1 ? `${name}(${x.text})` : `${name}(${x.text}, ${y.text})`,
    at: (inputs) => {
      const [a, b] = [x.at(inputs), y.at(inputs)];
      return a && b && f(a, b);
    },
    binds: 5,
  });
}

const rules = {
  '+': (x: Dual, y: Dual) => ({ value: add(x.value, y.value), partials: sum(x.partials, y.partials) }),
  '-': (x: Dual, y: Dual) => ({ value: add(x.value, neg(y.value)), partials: sum(x.partials, scale(y, neg(ONE))) }),
  '*': (x: Dual, y: Dual) => ({ value: mul(x.value, y.value), partials: sum(scale(x, y.value), scale(y, x.value)) }),
  '/': (x: Dual, y: Dual) => {
    const inverse = rational(y.value.d, y.value.n);
    if (inverse === undefined) return undefined;
    const out = mul(x.value, inverse);
    // d(x/y) = dx/y − (x/y)·dy/y
    return { value: out, partials: sum(scale(x, inverse), scale(y, neg(mul(out, inverse)))) };
  },
  abs: (x: Dual) => ({ value: sign(x.value) < 0 ? neg(x.value) : x.value, partials: scale(x, { n: BigInt(sign(x.value)), d: 1n }) }),
  relu: (x: Dual) => (sign(x.value) > 0 ? x : { value: ZERO, partials: scale(x, ZERO) }),
  max: (x: Dual, y: Dual) => (compare(x.value, y.value) >= 0 ? x : y),
  min: (x: Dual, y: Dual) => (compare(x.value, y.value) <= 0 ? x : y),
};
/** x ^ k for a whole k written in the program: k·x^(k−1) its slope. */
function power(x: Dual, k: number): Dual | undefined {
  let value = ONE;
  let below = ONE; // x^(k−1) for k ≥ 1
  for (let i = 0; i < Math.abs(k); i++) {
    if (i === Math.abs(k) - 1) below = value;
    value = mul(value, x.value);
  }
  if (k >= 0) return { value, partials: k === 0 ? scale(x, ZERO) : scale(x, mul(below, { n: BigInt(k), d: 1n })) };
  const inverse = rational(value.d, value.n);
  if (inverse === undefined) return undefined;
  // d(x^−m) = −m·x^(−m−1)·dx = −m·x^−m / x·dx
  const overX = rational(x.value.d, x.value.n)!;
  return { value: inverse, partials: scale(x, mul(mul(inverse, overX), { n: BigInt(k), d: 1n })) };
}

const program = fc.letrec<{ node: Program }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    leaf,
    tie('node').map((x) => ({ text: `-${within(x, 3)}`, at: (inputs: Rational[]) => { const a = x.at(inputs); return a && { value: neg(a.value), partials: scale(a, neg(ONE)) }; }, binds: 3 })),
    fc.tuple(tie('node'), tie('node')).map(binary('+', 1, rules['+'])),
    fc.tuple(tie('node'), tie('node')).map(binary('-', 1, rules['-'])),
    fc.tuple(tie('node'), tie('node')).map(binary('*', 2, rules['*'])),
    fc.tuple(tie('node'), tie('node')).map(binary('/', 2, rules['/'])),
    fc.tuple(tie('node'), fc.integer({ min: -2, max: 3 })).map(([x, k]): Program => ({
      text: `${within(x, 5)} ^ ${k < 0 ? `(${k})` : k}`,
      at: (inputs) => { const a = x.at(inputs); return a && power(a, k); },
      binds: 4,
    })),
    ...(['abs', 'relu'] as const).map((name) => fc.tuple(tie('node'), tie('node')).map(call(name, rules[name], 1))),
    ...(['max', 'min'] as const).map((name) => fc.tuple(tie('node'), tie('node')).map(call(name, rules[name], 2))),
  ),
})).node;

/** Decimals as receipts write them, and more often a few that cancel or tie among them (0, 0.1 + 0.2 − 0.3). */
const decimal = fc.oneof(
  { arbitrary: fc.integer({ min: -2000, max: 2000 }).map((cents) => cents / 100), weight: 1 },
  { arbitrary: fc.constantFrom(0, 0.1, 0.2, 0.3, -0.3), weight: 3 },
);

/** An exact number as a fraction of BigInts, from its text. */
function ratioOf(exact: Exact): Rational {
  const [whole, den] = exact.toString().split('/');
  if (den !== undefined) return rational(BigInt(whole), BigInt(den))!;
  const [int, fractionDigits = ''] = whole.split('.');
  return rational(BigInt(int + fractionDigits), 10n ** BigInt(fractionDigits.length))!;
}

test(`on random programs of rational operations over decimals, the value and every gradient are the reference's, exactly (${RUNS} cases)`, () => {
  let checked = 0;
  fc.assert(
    fc.property(program, fc.tuple(decimal, decimal, decimal, decimal), ({ text, at }, values) => {
      const inputs = values.map((x) => ratioOf({ toString: () => String(x) } as Exact));
      const reference = at(inputs);
      const bindings = NAMES.map((name, i) => `${name}=${values[i]}`).filter((binding) => new RegExp(`\\b${binding[0]}\\b`).test(text));
      if (reference === undefined) return; // ÷ 0: a math error, as backprop says
      const result = evaluate(parseExpression(text, bindings));
      const { graph } = result;
      expect(ratioOf(graph.exactValue(result.output)!), text).toEqual(reference.value);
      for (const node of result.inputs) {
        const i = NAMES.indexOf(graph.name(node)!);
        expect(ratioOf(graph.exactGrad(node)!), `∂/∂${NAMES[i]} of ${text}`).toEqual(reference.partials[i]);
      }
      checked++;
    }),
    { numRuns: RUNS },
  );
  expect(checked).toBeGreaterThan(RUNS / 2);
});
