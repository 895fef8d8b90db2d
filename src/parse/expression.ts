import { cut, InputError } from '../errors.js';
import { Graph, ShapeProblem, type Expansion, type Program } from '../graph.js';
import { layerFor, type LayerClass } from '../layers.js';
import { FUNCTIONS, newLayer, OPERATIONS, UNARY, type AnyLayer, type Operation } from '../operations.js';
import { Random } from '../random.js';
import { Tensor, type Shape, type Value } from '../tensor.js';
import { label } from '../notation.js';
import { ArrayTextProblem, readArray } from './array.js';
import { list, text, type Said } from '../messages/index.js';
import { Lexer, tokenAt } from './lexer.js';
import { errorAt, where } from './source.js';
import { Names } from './names.js';
import { parseWord } from './word.js';

/**
 * How deep parentheses may nest. The parser keeps its own stacks and never recurses, so
 * this is not a stack limit: it turns a runaway generated program into a clear error.
 */
export const MAX_NESTING = 10_000;

interface Infix {
  precedence: number;
  right: boolean;
  /** The layer for a new node: the one a kind shares, or for @ a node's own. */
  layer: () => AnyLayer;
  /** Whether it is an operation on arrays (@). */
  arrays: boolean;
}

/** The infix operators, from the table of operations: by their character's code, and the longer ones (**) by their text. */
const INFIX = new Map<number, Infix>();
const LONG_INFIX = new Map<string, Infix>();
/** The postfix operators (.T), by their text, and the codes of their first characters. */
const POSTFIX = new Map<string, Operation>();
const POSTFIX_STARTS = new Set<number>();
for (const operation of OPERATIONS) {
  const { notation } = operation;
  if (notation.form === 'postfix') {
    for (const token of notation.tokens) {
      POSTFIX.set(token, operation);
      POSTFIX_STARTS.add(token.charCodeAt(0));
    }
  }
  if (notation.form !== 'infix') continue;
  const shared = 'arrays' in operation.layer ? undefined : newLayer(operation);
  const op = { precedence: notation.precedence, right: notation.right, layer: () => shared ?? newLayer(operation), arrays: shared === undefined };
  for (const token of notation.tokens) {
    if (token.length === 1) INFIX.set(token.charCodeAt(0), op);
    else LONG_INFIX.set(token, op);
  }
}

/** Unary minus, and the signs that may stand before an operand: its tokens, and a plus, which changes nothing. */
const NEGATION = OPERATIONS.find(({ notation }) => notation.form === 'prefix')!;
const NEGATE = layerFor(NEGATION.layer as LayerClass);
const SIGNS = new Set(['+', ...(NEGATION.notation.form === 'prefix' ? NEGATION.notation.tokens : [])]);

/**
 * An operator waiting on the stack for its operands, with where its token starts (for a
 * message): an infix operator, a run of unary minus signs, a call or an opening parenthesis.
 */
type Pending =
  | { kind: 'infix'; op: Infix; start: number }
  /** A run of unary minus signs waits as one entry: ------x costs one, not six. */
  | { kind: 'negate'; start: number; count: number }
  | { kind: 'call'; op: Operation; name: string; start: number; commas: number }
  | { kind: 'paren'; start: number };

/** The functions' names by length, compared where a name is written: a definition makes no string of its name. */
const FUNCTIONS_BY_LENGTH: string[][] = [];
for (const name of FUNCTIONS.keys()) (FUNCTIONS_BY_LENGTH[name.length] ??= []).push(name);
const NO_NAMES: string[] = [];

/**
 * A statement read: its node, where it starts, and for `NAME = …` where the name it defines
 * ends (-1 if it defines none): the name is sliced only if it is the program's output.
 */
interface Statement {
  node: number;
  start: number;
  nameEnd: number;
}

/**
 * Parses a program (the grammar in the README) straight into a graph, with no syntax tree in between.
 * `bindings` are the command line's NAME=VALUE words: they give or override inputs.
 */
export function parseExpression(source: string, bindings: readonly string[] = [], { expand = false, unbound = false, float = false, seed, data }: ParseOptions = {}): Program {
  const program = new Parser(source, expand, seed, unbound || data !== undefined || bindings.some((word) => word.includes('['))).program(bindings, unbound, data);
  if (float) program.graph.exact = false;
  return program;
}

export interface ParseOptions {
  /** Build composites (sigmoid, tanh, softplus) from primitive nodes, not as one layer each. */
  expand?: boolean;
  /**
   * Leave inputs that nothing binds without a value (NaN) rather than fail: --batch gives
   * them their values line by line.
   */
  unbound?: boolean;
  /** Compute in IEEE doubles throughout, as PyTorch does, rather than exactly where the math is (--float). */
  float?: boolean;
  /** The seed of the random numbers of rand and randn (Random); one is drawn, and told in a note, if none is given. */
  seed?: number;
  /** Inputs given by --data rather than by words: x and t. */
  data?: DataInputs;
}

/** What --data gives: its name, as the option was given, and a value for each of the inputs it names. */
export interface DataInputs {
  name: string;
  values: ReadonlyMap<string, Value>;
}

/**
 * What makes an array where an expression is read: zeros(2, 3), ones(3), rand(3, 784)
 * (uniform in [0, 1)) and randn(784, 50) (standard normal), each given the sizes of its axes.
 */
const GENERATORS: ReadonlyMap<string, (random: () => Random) => () => number> = new Map([
  ['zeros', () => () => 0],
  ['ones', () => () => 1],
  ['rand', (random: () => Random) => {
    const r = random();
    return () => r.uniform();
  }],
  ['randn', (random: () => Random) => {
    const r = random();
    return () => r.normal();
  }],
]);

/** The most elements an array written in a program may have: 2^24, 128 MB of doubles. */
const MAX_ELEMENTS = 2 ** 24;


/**
 * The parser reads the lexer's tokens in place (lexer.kind, lexer.start, lexer.text): the
 * token being looked at is always the one the lexer read last.
 */
class Parser {
  private readonly graph: Graph;
  private readonly lexer: Lexer;
  /** Every name of the program and its node; `y = x` makes y another name for x's node. */
  private readonly scope: Names;
  /** Names used before any definition: inputs that the command line must bind. */
  private readonly unboundNodes: number[] = [];
  /** Where each of those names is first used, in the order of the source. */
  private readonly unboundStarts: number[] = [];
  /** The names the command line binds: a constant's name among them (e, pi) is an input. */
  private bound = new Set<string>();
  /**
   * Where each operation is written, for a message about its shapes: kept from the first
   * array the program writes (or from the start, where the command line gives one), so that a
   * program of numbers pays nothing for it.
   */
  private positions: Map<number, number> | undefined;
  /** The composites --expand built from primitive nodes. */
  private readonly expanded: Expansion[] = [];
  /** The inputs --data gave. */
  private readonly dataNodes: number[] = [];
  /** The random numbers of rand and randn, made at the first of them. */
  private random: Random | undefined;
  /** How many arrays the program has written (literals and generators): an expression of them alone is an input. */
  private arraysWritten = 0;

  constructor(
    private readonly source: string,
    private readonly expand: boolean,
    private readonly seed: number | undefined,
    arraysBound: boolean,
  ) {
    this.graph = new Graph(source);
    this.lexer = new Lexer(source);
    this.scope = new Names(source, (start, length, first) => this.taken(start, start + length, first));
    if (arraysBound) this.positions = new Map();
  }

  program(bindings: readonly string[], unbound: boolean, data?: DataInputs): Program {
    const { lexer } = this;
    this.bound = new Set(bindings.map((word) => word.slice(0, word.indexOf('='))));
    let last: Statement | undefined;
    try {
      for (let kind = lexer.next(); kind !== 'end'; kind = lexer.next()) {
        if (kind === 'newline' || kind === ';') continue;
        if (last !== undefined && last.nameEnd < 0) {
          throw this.error(last.start, text('unusedValue'));
        }
        last = this.statement();
      }
    } finally {
      // A name defined twice before where parsing stopped is the first error: settle() throws it.
      this.scope.settle();
    }
    if (last === undefined) throw new InputError(text('emptyExpression'));
    if (last.nameEnd < 0 && this.scope.getText('result') >= 0) {
      throw this.error(last.start, text('resultTaken'));
    }
    this.bind(bindings, unbound, data);
    const notes = this.random !== undefined && this.seed === undefined ? [text('randomSeed', this.random.seed)] : [];
    return {
      graph: this.graph,
      output: last.node,
      outputName: last.nameEnd < 0 ? 'result' : this.source.slice(last.start, last.nameEnd),
      notes,
      data: this.dataNodes,
      expanded: this.expanded,
      located: (node, said) => {
        const at = this.positions?.get(node);
        return at === undefined ? new InputError(said) : this.error(at, said);
      },
    };
  }

  /** Keeps where an operation is written, for a message about its shapes. */
  private locate(node: number, start: number): number {
    this.positions?.set(node, start);
    return node;
  }

  private statement(): Statement {
    const { lexer } = this;
    const start = lexer.start;
    const nameEnd = lexer.end;
    if (lexer.kind !== 'name' || !lexer.accept('=')) {
      return { node: this.expression(), start, nameEnd: -1 };
    }
    const value = this.signedNumber() ?? this.arrayValue();
    let node: number;
    if (value !== undefined) node = this.graph.inputAt(start, nameEnd, value);
    else {
      lexer.next();
      const [mark, arrays] = [this.graph.size, this.arraysWritten];
      node = this.expression();
      // W = 0.01 * randn(784, 50): numbers and arrays alone, computed once, as an input.
      if (this.arraysWritten > arrays && this.graph.usesNothingBefore(mark)) {
        const computed = this.constantValue(mark, node);
        this.graph.truncate(mark);
        node = this.graph.inputAt(start, nameEnd, computed);
      } else if (this.graph.layer(node) !== undefined && this.graph.name(node) === undefined) {
        this.graph.rename(node, this.source.slice(start, nameEnd));
      }
    }
    this.define(start, nameEnd, node);
    return { node, start, nameEnd };
  }

  /** The value of an expression of numbers and arrays alone, from `mark` on: a shape that does not fit is told where. */
  private constantValue(mark: number, node: number): Value {
    try {
      return this.graph.computeFrom(mark, node, (at) => label(this.graph, at));
    } catch (error) {
      if (error instanceof ShapeProblem) throw this.error(this.positions?.get(error.node) ?? mark, error.said);
      throw error;
    }
  }

  /**
   * A statement `W = [[1, 2], [3, 4]]` defines an input, as a number does: reads the array,
   * and the end of the statement after it, if that is what follows; else reads nothing.
   */
  private arrayValue(): Tensor | undefined {
    const { lexer } = this;
    const at = lexer.pos;
    if (lexer.next() === '[') {
      const tensor = this.arrayAt(lexer.start);
      const end = lexer.next();
      if (end === ';' || end === 'newline' || end === 'end') return tensor;
    }
    lexer.pos = at;
    return undefined;
  }

  /** The array literal whose '[' is at `start`; the lexer goes on after its ']'. */
  private arrayAt(start: number): Tensor {
    try {
      const { tensor, end } = readArray(this.source, start);
      this.lexer.pos = end;
      this.arraysWritten++;
      this.positions ??= new Map();
      return tensor;
    } catch (error) {
      if (error instanceof ArrayTextProblem) throw this.error(error.offset, error.said);
      throw error;
    }
  }

  /** zeros(2, 3) and the like: the sizes of the axes, in parentheses, read from the name on; gives the array. */
  private generated(start: number, generate: (random: () => Random) => () => number): Tensor {
    const { lexer } = this;
    const name = lexer.text;
    const sizes: number[] = [];
    const problem = () => this.error(start, text('generatorSize', name));
    if (lexer.next() !== '(') throw problem();
    do {
      if (lexer.next() !== 'number' || !Number.isInteger(lexer.number) || lexer.number < 1) throw problem();
      sizes.push(lexer.number);
    } while (lexer.next() === ',');
    if (lexer.kind !== ')' || sizes.length > 2) throw problem();
    const shape: Shape = sizes;
    if (sizes.reduce((a, b) => a * b, 1) > MAX_ELEMENTS) throw this.error(start, text('arrayTooLarge', sizes.join('×'), MAX_ELEMENTS));
    const next = generate(() => (this.random ??= new Random(this.seed ?? Random.seed())));
    const tensor = Tensor.zeros(shape);
    for (let i = 0; i < tensor.size; i++) tensor.data[i] = next();
    this.arraysWritten++;
    this.positions ??= new Map();
    return tensor;
  }

  /**
   * A statement `NAME = -2.5` defines an input: reads the number, and the end of the
   * statement after it, if that is what follows; else reads nothing.
   */
  private signedNumber(): number | undefined {
    const { lexer } = this;
    const at = lexer.pos;
    let sign = 1;
    if (lexer.next() === 'operator' && isSign(lexer.text)) {
      sign = lexer.text === '+' ? 1 : -1;
      lexer.next();
    }
    if (lexer.kind === 'number') {
      const value = sign * this.number();
      const end = lexer.next();
      if (end === ';' || end === 'newline' || end === 'end') return value;
    }
    lexer.pos = at;
    return undefined;
  }

  /**
   * One expression up to the end of its statement, starting at the token read last, by
   * precedence climbing on explicit stacks: each operator waits until one of lower
   * precedence (or the end) arrives.
   */
  private expression(): number {
    const { lexer } = this;
    const operands: number[] = [];
    const pending: Pending[] = [];
    let depth = 0;
    let expectOperand = true;
    /** Where the token before this one starts, a line break that continues the expression aside; -1 at the first. */
    let previous = -1;
    for (let kind = lexer.kind, start = lexer.start; ; previous = kind === 'newline' ? previous : start, kind = lexer.next(), start = lexer.start) {
      // Inside parentheses, or after an operator, a line break only continues the expression.
      if (kind === 'newline' && (depth > 0 || expectOperand)) continue;
      if (expectOperand) {
        if (kind === 'number') {
          operands.push(this.graph.constant(this.number()));
          expectOperand = false;
        } else if (kind === '[') {
          operands.push(this.graph.constant(this.arrayAt(start)));
          expectOperand = false;
        } else if (kind === 'name') {
          // A name the program knows is no function: define() refuses those.
          const known = this.scope.get(start, lexer.end - start);
          const op = known < 0 ? FUNCTIONS.get(lexer.text) : undefined;
          const generator = known < 0 && op === undefined ? GENERATORS.get(lexer.text) : undefined;
          if (generator !== undefined) {
            operands.push(this.graph.constant(this.generated(start, generator)));
            expectOperand = false;
          } else if (op === undefined) {
            operands.push(known >= 0 ? known : this.newInput());
            expectOperand = false;
          } else {
            if (lexer.next() !== '(') {
              throw this.error(start, text('isFunctionCall', this.textAt(start)));
            }
            depth = this.open(depth, start);
            if ('arrays' in op.layer) this.positions ??= new Map();
            pending.push({ kind: 'call', op, name: this.textAt(start), start, commas: 0 });
          }
        } else if (kind === '(') {
          depth = this.open(depth, start);
          pending.push({ kind: 'paren', start });
        } else if (kind === 'operator' && isSign(lexer.text)) {
          if (lexer.text === '+') continue; // unary plus changes nothing
          const top = pending.at(-1);
          if (top?.kind === 'negate') top.count++;
          else pending.push({ kind: 'negate', start, count: 1 });
        } else {
          throw this.error(start, previous < 0 ? text('expectedOperand', this.describe(start)) : text('expectedOperandAfter', this.textAt(previous), this.describe(start)));
        }
        continue;
      }
      // Only an operator that can start one is looked up (its text sliced): millions of + and × are not.
      const postfix = kind === 'operator' && POSTFIX_STARTS.has(this.source.charCodeAt(start)) ? POSTFIX.get(lexer.text) : undefined;
      if (postfix !== undefined) {
        this.positions ??= new Map();
        // X.T binds tightest: it applies to the operand just read.
        operands.push(this.locate(this.graph.apply(newLayer(postfix), operands.pop()!), start));
      } else if (kind === 'operator') {
        const op = (lexer.end - start === 1 ? INFIX.get(this.source.charCodeAt(start)) : LONG_INFIX.get(lexer.text))!;
        if (op.arrays) this.positions ??= new Map();
        for (let top = pending.at(-1); top !== undefined; top = pending.at(-1)) {
          const precedence = top.kind === 'infix' ? top.op.precedence : top.kind === 'negate' ? UNARY : 0;
          if (precedence < op.precedence || (precedence === op.precedence && op.right)) break;
          this.reduce(pending, operands);
        }
        pending.push({ kind: 'infix', op, start });
        expectOperand = true;
      } else if (kind === ',') {
        this.reduceToGroup(pending, operands);
        const call = pending.at(-1);
        if (call?.kind !== 'call') throw this.error(start, text('commaOutside'));
        if (++call.commas >= call.op.arity) throw this.error(start, text('extraComma', takes(call.op, call.name)));
        expectOperand = true;
      } else if (kind === ')') {
        if (depth === 0) throw this.error(start, text('noOpenParen'));
        this.reduceToGroup(pending, operands);
        const group = pending.at(-1)!;
        if (group.kind === 'call' && group.commas + 1 < group.op.arity - (group.op.optional ?? 0)) {
          throw this.error(start, text('moreArguments', this.textAt(group.start), takes(group.op, group.name)));
        }
        if (group.kind === 'paren') pending.pop();
        else this.reduce(pending, operands);
        depth--;
      } else if (kind === ';' || kind === 'newline' || kind === 'end') {
        if (depth > 0) {
          const open = pending.findLast((p) => p.kind === 'paren' || p.kind === 'call')!;
          throw this.error(open.start, text('neverClosed', this.textAt(open.start)));
        }
        while (pending.length > 0) this.reduce(pending, operands);
        return operands[0];
      } else {
        const before = tokenAt(this.source, previous);
        const multiply = before.kind === 'number' || (before.kind === 'name' && kind === '(');
        const found = this.describe(start);
        throw this.error(
          start,
          multiply ? text('expectedOperatorMultiply', found, cut(before.text), kind === '(' ? '(…)' : this.textAt(start)) : text('expectedOperator', found),
        );
      }
    }
  }

  private open(depth: number, start: number): number {
    if (depth >= MAX_NESTING) {
      throw this.error(start, text('tooDeep', MAX_NESTING));
    }
    return depth + 1;
  }

  /** Reduces the operators inside the innermost parentheses or call, up to its opening. */
  private reduceToGroup(pending: Pending[], operands: number[]): void {
    for (let top = pending.at(-1); top !== undefined && top.kind !== 'paren' && top.kind !== 'call'; top = pending.at(-1)) {
      this.reduce(pending, operands);
    }
  }

  private reduce(pending: Pending[], operands: number[]): void {
    const top = pending.pop()!;
    if (top.kind === 'infix') {
      const y = operands.pop()!;
      const x = operands.pop()!;
      operands.push(this.locate(this.graph.apply(top.op.layer(), x, y), top.start));
    } else if (top.kind === 'negate') {
      let node = operands.pop()!;
      for (let i = 0; i < top.count; i++) node = this.locate(this.graph.apply(NEGATE, node), top.start);
      operands.push(node);
    } else if (top.kind === 'call') {
      const args = operands.splice(operands.length - top.commas - 1);
      const { layer } = top.op;
      const expanded = this.expand && 'expand' in layer && layer.expand !== undefined ? layer.expand(this.graph, args[0]) : undefined;
      if (expanded !== undefined) this.expanded.push({ node: expanded, input: args[0], layer: layer as LayerClass });
      operands.push(expanded ?? this.locate(this.graph.apply(newLayer(top.op), args[0], args[1], args[2]), top.start));
    }
  }

  /** The input that a name used before any definition stands for: the command line must bind it. */
  private newInput(): number {
    const { lexer } = this;
    const { start, end } = lexer;
    // Only a name the program does not know can be a misspelt function: it alone is peeked past.
    if (lexer.peek() === '(') {
      const name = lexer.text;
      // A list of names, not one long word: never cut short, as a word a message repeats is.
      const functions = text('names', [...FUNCTIONS.keys()]);
      const meant = nearest(name, [...FUNCTIONS.keys()]);
      throw this.error(start, meant === undefined ? text('unknownFunction', cut(name), functions) : text('unknownFunctionMeant', cut(name), meant, functions));
    }
    const constant = end - start <= 2 ? CONSTANTS.get(lexer.text) : undefined;
    const node = constant !== undefined && !this.bound.has(lexer.text) ? this.graph.constant(constant, lexer.text) : this.graph.inputAt(start, end, NaN);
    this.scope.add(start, end - start, node);
    if (constant === undefined || this.graph.isInput(node)) this.unboundNodes.push(node);
    this.unboundStarts.push(start);
    return node;
  }

  /**
   * Gives the name written from `start` to `end` its node, with no string made, as a
   * generated program defines millions of names. A name that has a node already is found
   * when the names are settled, before the next look-up or error: taken() throws then.
   */
  private define(start: number, end: number, node: number): void {
    const { source } = this;
    for (const name of FUNCTIONS_BY_LENGTH[end - start] ?? NO_NAMES) {
      if (source.startsWith(name, start)) throw this.error(start, text('functionName', name), name);
    }
    this.scope.add(start, end - start, node);
  }

  /**
   * The error for a name written again from `start` to `end` as a definition: it was defined
   * before, or used before any definition, first at `first`.
   */
  private taken(start: number, end: number, first: number): never {
    const name = this.source.slice(start, end);
    const used = sortedIncludes(this.unboundStarts, first);
    throw this.error(start, text(used ? 'usedBeforeDefined' : 'definedTwice', cut(name), where(this.source, first)), name);
  }

  /** Gives the inputs their values from the command line, then checks that every input has one. */
  private bind(words: readonly string[], unbound: boolean, data: DataInputs | undefined): void {
    const bound = new Set<string>();
    const boundNodes = new Set<number>();
    for (const [name, value] of data?.values ?? []) {
      const node = this.scope.getText(name);
      if (node < 0 || !this.graph.isInput(node) || this.graph.name(node) !== name) throw new InputError(text('dataInput', data!.name, name), { name });
      this.graph.setValue(node, value);
      bound.add(name);
      boundNodes.add(node);
      this.dataNodes.push(node);
    }
    for (const word of words) {
      const parsed = parseWord(word);
      const pairs: [string, Value][] =
        parsed.kind === 'item'
          ? [
              [parsed.name, parsed.price],
              [`${parsed.name}_num`, parsed.quantity],
            ]
          : [[parsed.name, parsed.value]];
      for (const [name, value] of pairs) {
        const node = this.scope.getText(name);
        if (data?.values.has(name)) throw new InputError(text('dataBound', word, data.name), { name });
        if (bound.has(name)) throw new InputError(text('boundTwice', word, name), { name });
        if (node < 0) {
          throw new InputError(this.noSuchInput(word, name), { name });
        }
        if (!this.graph.isInput(node) || this.graph.name(node) !== name) {
          throw new InputError(text('computed', word, name), { name });
        }
        this.graph.setValue(node, value);
        bound.add(name);
        boundNodes.add(node);
      }
    }
    // Which of the inputs that need a word got none; their names are sliced for the message alone.
    const missing = [...this.unboundNodes.keys()].filter((i) => !boundNodes.has(this.unboundNodes[i]));
    if (missing.length > 0 && !unbound) {
      const names = missing.slice(0, 6).map((i) => this.graph.name(this.unboundNodes[i])!);
      throw this.error(this.unboundStarts[missing[0]], text('noValue', list(names.map((name) => `'${cut(name)}'`), missing.length), missing.length, cut(names[0])), names[0]);
    }
  }

  /** A word binds a name that is no input: the message lists the inputs there are. */
  private noSuchInput(word: string, name: string): Said {
    const inputs = [...this.scope.entries()]
      .filter(([name, node]) => this.graph.name(node) === name && this.graph.isInput(node))
      .sort(([, a], [, b]) => a - b);
    return inputs.length === 0 ? text('noSuchInput', word, name) : text('noSuchInputOf', word, name, list(inputs.map(([name]) => cut(name))));
  }

  /** The value of the number token read last. */
  private number(): number {
    const value = this.lexer.number;
    if (!Number.isFinite(value)) throw this.error(this.lexer.start, text('tooLarge', cut(this.lexer.text)));
    return value;
  }

  /** The text of the token at `start`, for a message: cut short if long. */
  private textAt(start: number): string {
    return cut(tokenAt(this.source, start).text);
  }

  /** The token at `start` as a message names it. */
  private describe(start: number): Said {
    const { kind, text: written } = tokenAt(this.source, start);
    if (kind === 'end') return text('endOfExpression');
    if (kind === 'newline') return text('endOfLine');
    return `'${cut(written)}'`;
  }

  private error(offset: number, message: Said, name?: string): InputError {
    return errorAt(this.source, offset, message, name);
  }
}

/**
 * The numbers a program may call by name, unless it defines the name itself or the command
 * line gives it a value: then it is an input like any other.
 */
const CONSTANTS = new Map([
  ['e', Math.E],
  ['pi', Math.PI],
]);

/**
 * The name among `names` that `written` was most likely meant as: the same but for case
 * (ReLU, the book's Relu), or one slip away (one letter missing, added, changed or two
 * swapped) in a name of four letters or more.
 */
function nearest(written: string, names: readonly string[]): string | undefined {
  const lower = written.toLowerCase();
  return names.find((name) => name === lower) ?? (lower.length >= 4 ? names.find((name) => slips(lower, name) <= 1) : undefined);
}

/** How many slips (a letter missing, added or changed, two letters swapped) turn a into b. */
function slips(a: string, b: string): number {
  // Damerau–Levenshtein's optimal string alignment, on three rows.
  let [twoBack, back] = [[] as number[], Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(back[j] + 1, row[j - 1] + 1, back[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], twoBack[j - 2] + 1);
    }
    [twoBack, back] = [back, row];
  }
  return back[b.length];
}

/** Whether an operator is a sign: unary minus, or a plus, which changes nothing. */
function isSign(operator: string): boolean {
  return SIGNS.has(operator);
}

/** How a function is called, for a message: `max takes two arguments: max(a, b)`. */
function takes(op: Operation, name: string): Said {
  if (op.optional !== undefined) return text('takesOneOrTwo', name);
  return text(op.arity === 1 ? 'takesOne' : op.arity === 2 ? 'takesTwo' : 'takesThree', name);
}

/** Whether a list of numbers in increasing order holds this one: a binary search. */
function sortedIncludes(numbers: readonly number[], value: number): boolean {
  let [low, high] = [0, numbers.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (numbers[middle] < value) low = middle + 1;
    else high = middle;
  }
  return numbers[low] === value;
}
