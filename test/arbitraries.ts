import fc from 'fast-check';

/**
 * An expression as backprop reads it, and the same expression as plain JavaScript. `binds`
 * says how tightly its text holds together, so that it is put in parentheses only where the
 * grammar needs them: a parser that got precedence or grouping wrong then computes another
 * value, where fully parenthesized text would hide the mistake.
 */
export interface Expression {
  text: string;
  at: (inputs: Record<string, number>) => number;
  binds: number;
}

// The grammar's precedence, loosest first: + -, * /, unary -, ^, then atoms (names, numbers, calls).
const UNARY = 3;
const POWER = 4;
const ATOM = 5;
const within = (x: Expression, loosest: number) => (x.binds < loosest ? `(${x.text})` : x.text);

export const NAMES = ['a', 'b', 'c', 'd', 'e', 'f'];
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

const leaf: fc.Arbitrary<Expression> = fc.oneof(
  fc.constantFrom(...NAMES).map((name) => ({ text: name, at: (inputs: Record<string, number>) => inputs[name], binds: ATOM })),
  fc.integer({ min: 1, max: 40 }).map((tenths) => ({ text: String(tenths / 10), at: () => tenths / 10, binds: ATOM })),
);

const functions: [string, (x: number) => number][] = [
  ['exp', Math.exp],
  ['log', Math.log],
  ['relu', (x) => Math.max(0, x)],
  ['sigmoid', sigmoid],
  ['tanh', Math.tanh],
  ['sqrt', Math.sqrt],
  ['abs', Math.abs],
  ['sin', Math.sin],
  ['cos', Math.cos],
  ['softplus', (x) => Math.log(1 + Math.exp(x))],
];
const operators: [string, number, (x: number, y: number) => number][] = [
  ['+', 1, (x, y) => x + y],
  ['-', 1, (x, y) => x - y],
  ['*', 2, (x, y) => x * y],
  ['/', 2, (x, y) => x / y],
  ['^', POWER, (x, y) => x ** y],
];

/**
 * x op y with the fewest parentheses: + - * / group from the left, ^ from the right. A unary
 * minus on the right needs none (2 ^ -x, a * -b): the parser reads it where an operand goes.
 */
function infix(symbol: string, own: number, x: Expression, y: Expression): string {
  const [left, right] = own === POWER ? [own + 1, own] : [own, own + 1];
  return `${within(x, left)} ${symbol} ${y.binds === UNARY ? y.text : within(y, right)}`;
}
const calls: [string, (x: number, y: number) => number][] = [
  ['max', Math.max],
  ['min', Math.min],
];

/** Random expressions over the operators, unary minus, every function, and up to six inputs. */
export const expression = fc.letrec<{ node: Expression }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    leaf,
    // -x ^ 2 is -(x ^ 2): a power needs no parentheses under a unary minus.
    tie('node').map((x) => ({ text: `-${within(x, UNARY)}`, at: (inputs: Record<string, number>) => -x.at(inputs), binds: UNARY })),
    fc.tuple(fc.constantFrom(...functions), tie('node')).map(([[name, f], x]) => ({
      text: `${name}(${x.text})`,
      at: (inputs: Record<string, number>) => f(x.at(inputs)),
      binds: ATOM,
    })),
    fc.tuple(fc.constantFrom(...operators), tie('node'), tie('node')).map(([[symbol, own, f], x, y]) => ({
      text: infix(symbol, own, x, y),
      at: (inputs: Record<string, number>) => f(x.at(inputs), y.at(inputs)),
      binds: own,
    })),
    fc.tuple(fc.constantFrom(...calls), tie('node'), tie('node')).map(([[name, f], x, y]) => ({
      text: `${name}(${x.text}, ${y.text})`,
      at: (inputs: Record<string, number>) => f(x.at(inputs), y.at(inputs)),
      binds: ATOM,
    })),
  ),
})).node;

export const values = fc.tuple(...NAMES.map(() => fc.integer({ min: -30, max: 30 }).map((tenths) => tenths / 10)));

// Decimals as programs write them, their sums and products (float noise, as 3 × 1.1), a few
// ulps off, plain numbers of any size, and any double.
const units = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -(10 ** 15), max: 10 ** 15 }));
const decimal = fc.tuple(units, fc.integer({ min: 0, max: 8 })).map(([n, places]) => n / 10 ** places);
/** Numbers as programs compute them, for the fast paths of the number rule. */
export const numbers = fc.oneof(
  decimal,
  fc.tuple(decimal, decimal).map(([a, b]) => a * b),
  fc.tuple(decimal, decimal).map(([a, b]) => a + b),
  fc.tuple(decimal, fc.integer({ min: -4, max: 4 })).map(([x, ulps]) => x + ulps * Number.EPSILON * Math.abs(x)),
  fc.double({ min: 1e-7, max: 1e16, noNaN: true }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
