import fc from 'fast-check';
import type { Layer } from '../src/layers.js';
import { ATOM, FUNCTIONS, OPERATIONS, UNARY, type Notation, type Operation } from '../src/operations.js';

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
const within = (x: Expression, loosest: number) => (x.binds < loosest ? `(${x.text})` : x.text);

// Not e: a program that neither defines nor binds it reads it as the constant.
export const NAMES = ['a', 'b', 'c', 'd', 'f', 'g'];

const leaf: fc.Arbitrary<Expression> = fc.oneof(
  fc.constantFrom(...NAMES).map((name) => ({ text: name, at: (inputs: Record<string, number>) => inputs[name], binds: ATOM })),
  fc.integer({ min: 1, max: 40 }).map((tenths) => ({ text: String(tenths / 10), at: () => tenths / 10, binds: ATOM })),
);

/** What an operation computes, as its layer's forward: the test is of the reading, not of the math. */
const computed = ({ layer }: Operation) => (x: number, y?: number) => (new layer() as Layer).forward(x, y) as number;
/** The functions of the table, and its infix operators written with their first token. */
const functions = [...FUNCTIONS.values()].filter(({ layer }) => !('arrays' in layer));
const operators = OPERATIONS.flatMap((op) => (op.notation.form === 'infix' && !('arrays' in op.layer) ? [{ op, notation: op.notation }] : []));

/**
 * x op y with the fewest parentheses: + - * / group from the left, ^ from the right. A unary
 * minus on the right needs none (2 ^ -x, a * -b): the parser reads it where an operand goes.
 */
function infix({ tokens, precedence, right }: Extract<Notation, { form: 'infix' }>, x: Expression, y: Expression): string {
  const [loosestLeft, loosestRight] = right ? [precedence + 1, precedence] : [precedence, precedence + 1];
  return `${within(x, loosestLeft)} ${tokens[0]} ${y.binds === UNARY ? y.text : within(y, loosestRight)}`;
}

/** Random expressions over the operators, unary minus, every function, and up to six inputs. */
export const expression = fc.letrec<{ node: Expression }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    leaf,
    // -x ^ 2 is -(x ^ 2): a power needs no parentheses under a unary minus.
    tie('node').map((x) => ({ text: `-${within(x, UNARY)}`, at: (inputs: Record<string, number>) => -x.at(inputs), binds: UNARY })),
    fc.tuple(fc.constantFrom(...functions), tie('node'), tie('node')).map(([op, x, y]) => ({
      text: op.arity === 1 ? `${op.symbol}(${x.text})` : `${op.symbol}(${x.text}, ${y.text})`,
      at: (inputs: Record<string, number>) => computed(op)(x.at(inputs), y.at(inputs)),
      binds: ATOM,
    })),
    fc.tuple(fc.constantFrom(...operators), tie('node'), tie('node')).map(([{ op, notation }, x, y]) => ({
      text: infix(notation, x, y),
      at: (inputs: Record<string, number>) => computed(op)(x.at(inputs), y.at(inputs)),
      binds: notation.precedence,
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
