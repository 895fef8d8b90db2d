import { InputError } from '../errors.js';
import { Graph, type Program } from '../graph.js';
import { AddLayer, DivLayer, FUNCTIONS, MulLayer, NegLayer, PowLayer, SubLayer, layerFor, type LayerClass } from '../layers.js';
import { text, type Said } from '../messages/index.js';
import { Lexer, type Token } from './lexer.js';
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
  Layer: LayerClass;
}

// Unary minus binds tighter than * and / but looser than ^, so -x^2 is -(x^2).
const UNARY = 3;
const infix = (precedence: number, Layer: LayerClass, right = false): Infix => ({ precedence, right, Layer });
const INFIX = new Map<string, Infix>([
  ['+', infix(1, AddLayer)],
  ['-', infix(1, SubLayer)],
  ['−', infix(1, SubLayer)],
  ['*', infix(2, MulLayer)],
  ['×', infix(2, MulLayer)],
  ['·', infix(2, MulLayer)],
  ['/', infix(2, DivLayer)],
  ['÷', infix(2, DivLayer)],
  ['^', infix(4, PowLayer, true)],
  ['**', infix(4, PowLayer, true)],
]);

/** An operator waiting on the stack for its operands. */
type Pending =
  | { kind: 'infix'; op: Infix; token: Token }
  /** A run of unary minus signs waits as one entry: ------x costs one, not six. */
  | { kind: 'negate'; token: Token; count: number }
  | { kind: 'call'; Layer: LayerClass; token: Token; commas: number }
  | { kind: 'paren'; token: Token };

/**
 * Parses a program (the grammar in the README) straight into a graph, with no syntax tree in between.
 * `bindings` are the command line's NAME=VALUE words: they give or override inputs.
 */
export function parseExpression(source: string, bindings: readonly string[] = [], { expand = false, unbound = false }: ParseOptions = {}): Program {
  return new Parser(source, expand).program(bindings, unbound);
}

export interface ParseOptions {
  /** Build composites (sigmoid, tanh, softplus) from primitive nodes, not as one layer each. */
  expand?: boolean;
  /**
   * Leave inputs that nothing binds without a value (NaN) rather than fail: --batch gives
   * them their values line by line.
   */
  unbound?: boolean;
}

class Parser {
  private readonly graph = new Graph();
  private readonly lexer: Lexer;
  /** Every name of the program and its node; `y = x` makes y another name for x's node. */
  private readonly scope: Names;
  /** Names used before any definition: inputs that the command line must bind. */
  private readonly unboundAt = new Map<string, number>();

  constructor(
    private readonly source: string,
    private readonly expand: boolean,
  ) {
    this.lexer = new Lexer(source);
    this.scope = new Names(source);
  }

  program(bindings: readonly string[], unbound: boolean): Program {
    let last: { node: number; name?: string; start: number } | undefined;
    for (let token = this.lexer.next(); token.kind !== 'end'; token = this.lexer.next()) {
      if (token.kind === 'newline' || token.kind === ';') continue;
      if (last !== undefined && last.name === undefined) {
        throw this.error(last.start, text('unusedValue'));
      }
      last = this.statement(token);
    }
    if (last === undefined) throw new InputError(text('emptyExpression'));
    if (last.name === undefined && this.scope.getText('result') >= 0) {
      throw this.error(last.start, text('resultTaken'));
    }
    this.bind(bindings, unbound);
    return { graph: this.graph, output: last.node, outputName: last.name ?? 'result' };
  }

  private statement(first: Token): { node: number; name?: string; start: number } {
    if (first.kind !== 'name' || this.lexer.peek().kind !== '=') {
      return { node: this.expression(first), start: first.start };
    }
    const name = first.text;
    this.lexer.next(); // '='
    const value = this.signedNumber();
    const node = value === undefined ? this.expression(this.lexer.next()) : this.graph.input(name, value);
    if (this.graph.layer(node) !== undefined && this.graph.name(node) === undefined) {
      this.graph.rename(node, name);
    }
    this.define(first, node);
    return { node, name, start: first.start };
  }

  /** A statement `NAME = -2.5` defines an input: reads the number if that is what follows. */
  private signedNumber(): number | undefined {
    const start = this.lexer.pos;
    let token = this.lexer.next();
    let sign = 1;
    if (token.kind === 'operator' && (token.text === '-' || token.text === '−' || token.text === '+')) {
      sign = token.text === '+' ? 1 : -1;
      token = this.lexer.next();
    }
    const end = this.lexer.peek().kind;
    if (token.kind === 'number' && (end === ';' || end === 'newline' || end === 'end')) {
      return sign * this.number(token);
    }
    this.lexer.pos = start;
    return undefined;
  }

  /**
   * One expression up to the end of its statement, by precedence climbing on explicit
   * stacks: each operator waits until one of lower precedence (or the end) arrives.
   */
  private expression(first: Token): number {
    const operands: number[] = [];
    const pending: Pending[] = [];
    let depth = 0;
    let expectOperand = true;
    let previous: Token | undefined;
    for (let token = first; ; previous = token, token = this.lexer.next()) {
      // Inside parentheses, or after an operator, a line break only continues the expression.
      if (token.kind === 'newline' && (depth > 0 || expectOperand)) continue;
      if (expectOperand) {
        if (token.kind === 'number') {
          operands.push(this.graph.constant(this.number(token)));
          expectOperand = false;
        } else if (token.kind === 'name') {
          const Layer = FUNCTIONS.get(token.text);
          if (Layer === undefined) {
            operands.push(this.reference(token));
            expectOperand = false;
          } else {
            if (this.lexer.next().kind !== '(') {
              throw this.error(token.start, text('isFunctionCall', token.text));
            }
            depth = this.open(depth, token);
            pending.push({ kind: 'call', Layer, token, commas: 0 });
          }
        } else if (token.kind === '(') {
          depth = this.open(depth, token);
          pending.push({ kind: 'paren', token });
        } else if (token.kind === 'operator' && (token.text === '-' || token.text === '−')) {
          const top = pending.at(-1);
          if (top?.kind === 'negate') top.count++;
          else pending.push({ kind: 'negate', token, count: 1 });
        } else if (token.kind === 'operator' && token.text === '+') {
          // unary plus changes nothing
        } else {
          throw this.error(
            token.start,
            previous === undefined ? text('expectedOperand', describe(token)) : text('expectedOperandAfter', previous.text, describe(token)),
          );
        }
        continue;
      }
      if (token.kind === 'operator') {
        const op = INFIX.get(token.text)!;
        for (let top = pending.at(-1); top !== undefined; top = pending.at(-1)) {
          const precedence = top.kind === 'infix' ? top.op.precedence : top.kind === 'negate' ? UNARY : 0;
          if (precedence < op.precedence || (precedence === op.precedence && op.right)) break;
          this.reduce(pending, operands);
        }
        pending.push({ kind: 'infix', op, token });
        expectOperand = true;
      } else if (token.kind === ',') {
        this.reduceToGroup(pending, operands);
        const call = pending.at(-1);
        if (call?.kind !== 'call') throw this.error(token.start, text('commaOutside'));
        if (++call.commas >= call.Layer.arity) throw this.error(token.start, text('extraComma', takes(call.Layer)));
        expectOperand = true;
      } else if (token.kind === ')') {
        if (depth === 0) throw this.error(token.start, text('noOpenParen'));
        this.reduceToGroup(pending, operands);
        const group = pending.at(-1)!;
        if (group.kind === 'call' && group.commas + 1 < group.Layer.arity) {
          throw this.error(token.start, text('moreArguments', group.token.text, takes(group.Layer)));
        }
        if (group.kind === 'paren') pending.pop();
        else this.reduce(pending, operands);
        depth--;
      } else if (token.kind === ';' || token.kind === 'newline' || token.kind === 'end') {
        if (depth > 0) {
          const open = pending.findLast((p) => p.kind === 'paren' || p.kind === 'call')!;
          throw this.error(open.token.start, text('neverClosed', open.token.text));
        }
        while (pending.length > 0) this.reduce(pending, operands);
        return operands[0];
      } else {
        const multiply = previous?.kind === 'number' || (previous?.kind === 'name' && token.kind === '(');
        const found = describe(token);
        throw this.error(
          token.start,
          multiply ? text('expectedOperatorMultiply', found, previous!.text, token.text === '(' ? '(…)' : token.text) : text('expectedOperator', found),
        );
      }
    }
  }

  private open(depth: number, token: Token): number {
    if (depth >= MAX_NESTING) {
      throw this.error(token.start, text('tooDeep', MAX_NESTING));
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
      operands.push(this.graph.apply(layerFor(top.op.Layer), x, y));
    } else if (top.kind === 'negate') {
      let node = operands.pop()!;
      for (let i = 0; i < top.count; i++) node = this.graph.apply(layerFor(NegLayer), node);
      operands.push(node);
    } else if (top.kind === 'call' && top.Layer.arity === 2) {
      const y = operands.pop()!;
      const x = operands.pop()!;
      operands.push(this.graph.apply(layerFor(top.Layer), x, y));
    } else if (top.kind === 'call' && this.expand && top.Layer.expand !== undefined) {
      operands.push(top.Layer.expand(this.graph, operands.pop()!));
    } else if (top.kind === 'call') {
      operands.push(this.graph.apply(layerFor(top.Layer), operands.pop()!));
    }
  }

  private reference(token: Token): number {
    const node = this.scope.get(token.start, token.text.length);
    if (node >= 0) return node;
    // Only a name the program does not know can be a misspelt function: it alone is peeked past.
    if (this.lexer.peek().kind === '(') {
      throw this.error(token.start, text('unknownFunction', token.text, [...FUNCTIONS.keys()].join(', ')));
    }
    const input = this.graph.input(token.text, NaN);
    this.scope.add(token.start, token.text.length, input);
    this.unboundAt.set(token.text, token.start);
    return input;
  }

  /**
   * Gives a name its node, if the name is new: one look-up, as a generated program defines
   * millions of names.
   */
  private define(token: Token, node: number): void {
    const name = token.text;
    if (FUNCTIONS.has(name)) throw this.error(token.start, text('functionName', name), name);
    if (this.scope.add(token.start, name.length, node) < 0) return;
    const used = this.unboundAt.get(name);
    if (used !== undefined) {
      throw this.error(token.start, text('usedBeforeDefined', name, where(this.source, used)), name);
    }
    throw this.error(token.start, text('definedTwice', name, where(this.source, this.definition(name))), name);
  }

  /** Where a name was first defined, found again only when an error needs it. */
  private definition(name: string): number {
    const lexer = new Lexer(this.source);
    let statementStart = true;
    for (let token = lexer.next(); token.kind !== 'end'; token = lexer.next()) {
      if (statementStart && token.text === name && lexer.peek().kind === '=') return token.start;
      statementStart = token.kind === ';' || token.kind === 'newline';
    }
    return 0;
  }

  /** Gives the inputs their values from the command line, then checks that every input has one. */
  private bind(words: readonly string[], unbound: boolean): void {
    const bound = new Set<string>();
    for (const word of words) {
      const parsed = parseWord(word);
      const pairs: [string, number][] =
        parsed.kind === 'item'
          ? [
              [parsed.name, parsed.price],
              [`${parsed.name}_num`, parsed.quantity],
            ]
          : [[parsed.name, parsed.value]];
      for (const [name, value] of pairs) {
        const node = this.scope.getText(name);
        if (bound.has(name)) throw new InputError(text('boundTwice', word, name), { name });
        if (node < 0) {
          throw new InputError(this.noSuchInput(word, name), { name });
        }
        if (!this.graph.isInput(node) || this.graph.name(node) !== name) {
          throw new InputError(text('computed', word, name), { name });
        }
        this.graph.setValue(node, value);
        bound.add(name);
      }
    }
    const missing = [...this.unboundAt.keys()].filter((name) => !bound.has(name));
    if (missing.length > 0 && !unbound) {
      const [first] = missing;
      throw this.error(this.unboundAt.get(first)!, text('noValue', list(missing.map((name) => `'${name}'`)), missing.length, first), first);
    }
  }

  /** A word binds a name that is no input: the message lists the inputs there are. */
  private noSuchInput(word: string, name: string): Said {
    const inputs = [...this.scope.entries()]
      .filter(([name, node]) => this.graph.name(node) === name && this.graph.isInput(node))
      .sort(([, a], [, b]) => a - b);
    return inputs.length === 0 ? text('noSuchInput', word, name) : text('noSuchInputOf', word, name, list(inputs.map(([name]) => name)));
  }

  private number(token: Token): number {
    const value = Number(token.text);
    if (!Number.isFinite(value)) throw this.error(token.start, text('tooLarge', token.text));
    return value;
  }

  private error(offset: number, message: Said, name?: string): InputError {
    return errorAt(this.source, offset, message, name);
  }
}

/** How a function is called, for a message: `max takes two arguments: max(a, b)`. */
function takes(Layer: LayerClass): Said {
  return text(Layer.arity === 1 ? 'takesOne' : 'takesTwo', Layer.symbol);
}

function describe(token: Token): Said {
  if (token.kind === 'end') return text('endOfExpression');
  if (token.kind === 'newline') return text('endOfLine');
  return `'${token.text}'`;
}

/** A list for a message, cut short: a generated program can have millions of names. */
function list(items: string[], most = 5): Said {
  const shown = items.slice(0, most).join(', ');
  return items.length > most ? text('listMore', shown, items.length - most) : shown;
}
