import {
  AbsLayer,
  AtanLayer,
  AddLayer,
  CosLayer,
  DivLayer,
  ExpLayer,
  LogLayer,
  MaxLayer,
  MinLayer,
  MulLayer,
  NegLayer,
  PowLayer,
  ReluLayer,
  SigmoidLayer,
  SinLayer,
  SoftplusLayer,
  SqrtLayer,
  SubLayer,
  TanhLayer,
  type LayerClass,
} from './layers.js';

/**
 * How tightly each way of writing an operation binds, loosest first: + −, then × ÷, then
 * unary minus, then ^, then what stands alone (a name, a number, a call). The parser reads
 * by it, and the formula printer puts parentheses exactly where it needs them.
 */
const SUM = 1;
const PRODUCT = 2;
export const UNARY = 3;
export const POWER = 4;
export const ATOM = 5;

/** How an expression writes an operation. */
export type Notation =
  /** Between its arguments: `a × b`; `right` groups a ^ b ^ c as a ^ (b ^ c). */
  | { form: 'infix'; tokens: readonly string[]; precedence: number; right: boolean }
  /** Before its argument: `−x`. */
  | { form: 'prefix'; tokens: readonly string[] }
  /** By its symbol, as a function: `exp(x)`, `max(a, b)`. */
  | { form: 'call' };

/**
 * One operation an expression can compute. Its layer says what it does (forward and backward
 * side by side, the derivative as --steps writes it, a kink or an expansion where it has one);
 * this says what it is called and how it is written, for the lexer, the parser, the formula
 * printer, --help, the page and the tests.
 */
export interface Operation {
  /** Its name in JSON and in the page's data: `mul`. */
  readonly name: string;
  /** How it is printed and drawn: `×`; a function's is the name it is called by: `exp`. */
  readonly symbol: string;
  readonly layer: LayerClass;
  readonly arity: 1 | 2;
  readonly notation: Notation;
}

const infix = (name: string, symbol: string, layer: LayerClass, precedence: number, tokens: string[], right = false): Operation => ({
  name,
  symbol,
  layer,
  arity: 2,
  notation: { form: 'infix', tokens, precedence, right },
});
const call = (name: string, layer: LayerClass, arity: 1 | 2 = 1): Operation => ({ name, symbol: name, layer, arity, notation: { form: 'call' } });

/**
 * Every operation, in the order --help lists the functions. `−`, `×` and `÷` are what backprop
 * prints, so that what it prints can be pasted back.
 */
export const OPERATIONS: readonly Operation[] = [
  infix('add', '+', AddLayer, SUM, ['+']),
  infix('sub', '−', SubLayer, SUM, ['-', '−']),
  infix('mul', '×', MulLayer, PRODUCT, ['*', '×', '·']),
  infix('div', '÷', DivLayer, PRODUCT, ['/', '÷']),
  infix('pow', '^', PowLayer, POWER, ['^', '**'], true),
  { name: 'neg', symbol: '−', layer: NegLayer, arity: 1, notation: { form: 'prefix', tokens: ['-', '−'] } },
  call('exp', ExpLayer),
  call('log', LogLayer),
  call('sqrt', SqrtLayer),
  call('abs', AbsLayer),
  call('max', MaxLayer, 2),
  call('min', MinLayer, 2),
  call('sin', SinLayer),
  call('cos', CosLayer),
  call('atan', AtanLayer),
  call('relu', ReluLayer),
  call('sigmoid', SigmoidLayer),
  call('tanh', TanhLayer),
  call('softplus', SoftplusLayer),
];

/** The operations an expression calls by name, by that name. */
export const FUNCTIONS: ReadonlyMap<string, Operation> = new Map(OPERATIONS.filter((op) => op.notation.form === 'call').map((op) => [op.symbol, op]));

const byLayer = new Map<LayerClass, Operation>(OPERATIONS.map((op) => [op.layer, op]));
const byName = new Map<string, Operation>(OPERATIONS.map((op) => [op.name, op]));

/** The operation a layer computes; undefined for a layer of the caller's own, outside the table. */
export function operationOf(layer: LayerClass): Operation | undefined {
  return byLayer.get(layer);
}

/** The operation of this name (`mul`), as JSON and the page's data name it. */
export function operationNamed(name: string): Operation | undefined {
  return byName.get(name);
}

/** Every character or pair of characters that writes an operator, for the lexer: `+`, `**`, `×`. */
export const OPERATOR_TOKENS: readonly string[] = [
  ...new Set(OPERATIONS.flatMap(({ notation }) => (notation.form === 'call' ? [] : notation.tokens))),
];
