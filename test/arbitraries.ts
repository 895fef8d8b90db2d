import fc from 'fast-check';

/** An expression as backprop reads it, and the same expression as plain JavaScript. */
export interface Expression {
  text: string;
  at: (inputs: Record<string, number>) => number;
}

export const NAMES = ['a', 'b', 'c', 'd', 'e', 'f'];
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

const leaf: fc.Arbitrary<Expression> = fc.oneof(
  fc.constantFrom(...NAMES).map((name) => ({ text: name, at: (inputs: Record<string, number>) => inputs[name] })),
  fc.integer({ min: 1, max: 40 }).map((tenths) => ({ text: String(tenths / 10), at: () => tenths / 10 })),
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
const operators: [string, (x: number, y: number) => number][] = [
  ['+', (x, y) => x + y],
  ['-', (x, y) => x - y],
  ['*', (x, y) => x * y],
  ['/', (x, y) => x / y],
  ['^', (x, y) => x ** y],
];
const calls: [string, (x: number, y: number) => number][] = [
  ['max', Math.max],
  ['min', Math.min],
];

/** Random expressions over the operators, unary minus, every function, and up to six inputs. */
export const expression = fc.letrec<{ node: Expression }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    leaf,
    tie('node').map((x) => ({ text: `(-(${x.text}))`, at: (inputs: Record<string, number>) => -x.at(inputs) })),
    fc.tuple(fc.constantFrom(...functions), tie('node')).map(([[name, f], x]) => ({
      text: `${name}(${x.text})`,
      at: (inputs: Record<string, number>) => f(x.at(inputs)),
    })),
    fc.tuple(fc.constantFrom(...operators), tie('node'), tie('node')).map(([[symbol, f], x, y]) => ({
      text: `(${x.text} ${symbol} ${y.text})`,
      at: (inputs: Record<string, number>) => f(x.at(inputs), y.at(inputs)),
    })),
    fc.tuple(fc.constantFrom(...calls), tie('node'), tie('node')).map(([[name, f], x, y]) => ({
      text: `${name}(${x.text}, ${y.text})`,
      at: (inputs: Record<string, number>) => f(x.at(inputs), y.at(inputs)),
    })),
  ),
})).node;

export const values = fc.tuple(...NAMES.map(() => fc.integer({ min: -30, max: 30 }).map((tenths) => tenths / 10)));
