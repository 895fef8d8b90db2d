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
  SignLayer,
  SinLayer,
  SoftplusLayer,
  SqrtLayer,
  StepLayer,
  SubLayer,
  TanhLayer,
  layerFor,
  type Layer,
  type LayerClass,
} from './layers.js';
import {
  AffineLayer,
  CrossEntropyLayer,
  DetachLayer,
  MatMulLayer,
  MeanLayer,
  SoftmaxLayer,
  SoftmaxWithLossLayer,
  SumLayer,
  TransposeLayer,
  type ArrayLayer,
  type ArrayLayerClass,
} from './arrays.js';

/** A node's layer: one on numbers (applied element by element to arrays), or one on arrays. */
export type AnyLayer = Layer | ArrayLayer;

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

/** How an expression writes an operation; `also`, the names it may be called by as well (dot for @). */
export type Notation =
  /** Between its arguments: `a × b`; `right` groups a ^ b ^ c as a ^ (b ^ c). */
  | { form: 'infix'; tokens: readonly string[]; precedence: number; right: boolean; also?: readonly string[] }
  /** Before its argument: `−x`. */
  | { form: 'prefix'; tokens: readonly string[] }
  /** After its argument, binding tightest: `X.T`. */
  | { form: 'postfix'; tokens: readonly string[]; also?: readonly string[] }
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
  /** A layer on numbers (applied element by element to arrays), or one on arrays. */
  readonly layer: LayerClass | ArrayLayerClass;
  readonly arity: 1 | 2 | 3;
  /** How many of the last arguments may be left out: sum(x) as well as sum(x, axis). */
  readonly optional?: number;
  readonly notation: Notation;
}

const infix = (name: string, symbol: string, layer: LayerClass | ArrayLayerClass, precedence: number, tokens: string[], right = false): Operation => ({
  name,
  symbol,
  layer,
  arity: 2,
  notation: { form: 'infix', tokens, precedence, right },
});
const call = (name: string, layer: LayerClass | ArrayLayerClass, arity: 1 | 2 | 3 = 1, optional?: number): Operation => ({
  name,
  symbol: name,
  layer,
  arity,
  ...(optional === undefined ? {} : { optional }),
  notation: { form: 'call' },
});

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
  // The slopes of relu and abs, as nodes: what a gradient built as a graph is made of.
  call('step', StepLayer),
  call('sign', SignLayer),
  // Arrays: the second half of chapter 5.
  { ...infix('matmul', '@', MatMulLayer, PRODUCT, ['@']), notation: { form: 'infix', tokens: ['@'], precedence: PRODUCT, right: false, also: ['dot'] } },
  { name: 'transpose', symbol: '.T', layer: TransposeLayer, arity: 1, notation: { form: 'postfix', tokens: ['.T'], also: ['transpose'] } },
  call('sum', SumLayer, 2, 1),
  call('mean', MeanLayer, 2, 1),
  call('softmax', SoftmaxLayer),
  call('cross_entropy', CrossEntropyLayer, 2),
  call('affine', AffineLayer, 3),
  call('softmax_with_loss', SoftmaxWithLossLayer, 2),
  call('detach', DetachLayer),
];

/** The operations an expression calls by name, by that name: the functions, and what an operator may be called as too (dot, transpose). */
export const FUNCTIONS: ReadonlyMap<string, Operation> = new Map(
  OPERATIONS.flatMap((op): [string, Operation][] => {
    if (op.notation.form === 'call') return [[op.symbol, op]];
    return 'also' in op.notation && op.notation.also !== undefined ? op.notation.also.map((name) => [name, op]) : [];
  }),
);

const byLayer = new Map<LayerClass | ArrayLayerClass, Operation>(OPERATIONS.map((op) => [op.layer, op]));
const byName = new Map<string, Operation>(OPERATIONS.map((op) => [op.name, op]));

/** The operation a layer computes; undefined for a layer of the caller's own, outside the table. */
export function operationOf(layer: LayerClass | ArrayLayerClass): Operation | undefined {
  return byLayer.get(layer);
}

/** The operation of this name (`mul`), as JSON and the page's data name it. */
export function operationNamed(name: string): Operation | undefined {
  return byName.get(name);
}

/** Every character or pair of characters that writes an operator, for the lexer: `+`, `**`, `×`, `.T`. */
export const OPERATOR_TOKENS: readonly string[] = [
  ...new Set(OPERATIONS.flatMap(({ notation }) => (notation.form === 'call' ? [] : notation.tokens))),
];

/**
 * The layer for a new node of an operation: one layer on numbers serves all nodes of its kind
 * (layerFor); a layer on arrays is a node's own, keeping its arrays for its backward.
 */
export function newLayer({ layer }: Operation): AnyLayer {
  return 'arrays' in layer ? new layer() : layerFor(layer);
}
