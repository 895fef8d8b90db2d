import { describe, expect, test } from 'vitest';
import { BackpropError } from '../../src/errors.js';
import { MAX_NESTING, parseExpression } from '../../src/parse/expression.js';
import { evaluate } from '../../src/result.js';
import { FUNCTIONS } from '../../src/operations.js';

const FUNCTION_NAMES = [...FUNCTIONS.keys()].join(', ');

function run(source: string, ...bindings: string[]) {
  const result = evaluate(parseExpression(source, bindings));
  const { graph } = result;
  const named = (nodes: number[], column: (node: number) => number) => Object.fromEntries(nodes.map((node) => [graph.name(node), column(node)]));
  return {
    output: result.outputName,
    value: result.value,
    inputs: named(result.inputs, (node) => graph.value(node)),
    gradients: named(result.inputs, (node) => graph.grad(node)),
    intermediates: named(result.intermediates, (node) => graph.grad(node)),
  };
}

function failure(source: string, ...bindings: string[]): BackpropError {
  try {
    parseExpression(source, bindings);
  } catch (error) {
    if (error instanceof BackpropError) return error;
    throw error;
  }
  throw new Error(`${source} parsed`);
}

describe('precedence and associativity', () => {
  test.each([
    ['2 + 3 * 4', 14],
    ['(2 + 3) * 4', 20],
    ['10 - 4 - 3', 3],
    ['24 / 4 / 3', 2],
    ['2 ^ 3 ^ 2', 512],
    ['2 ** 3 ** 2', 512],
    ['-2 ^ 2', -4],
    ['(-2) ^ 2', 4],
    ['2 ^ -1', 0.5],
    ['-2 * 3', -6],
    ['- -3', 3],
    ['+3 - +1', 2],
    ['2 * -3 ^ 2', -18],
    ['6 / 2 * 3', 9],
    ['1 - 2 + 3', 2],
    ['exp(0) + log(1)', 1],
    ['relu(-3) + relu(3)', 3],
    ['sigmoid(0)', 0.5],
    ['tanh(0)', 0],
    ['sqrt(9) + abs(-2) + sin(0) + cos(0)', 6],
    ['max(2, 3) * min(2, 3)', 6],
    ['max(-1, -2 * 3) + min(1 + 1, 4)', 1],
    ['max(\n  1,\n  2\n)', 2],
    ['softplus(0)', Math.LN2],
    ['.5 + 1e-3 + 2.5E+1 + 1.', 26.501],
    ['2 × 3 ÷ 4 − 1', 0.5],
  ])('%s = %d', (source, value) => {
    expect(run(source).value).toBeCloseTo(value, 12);
  });
});

describe('programs', () => {
  const receipt =
    'apple_price = apple*apple_num; orange_price = orange*orange_num; all_price = apple_price + orange_price; price = all_price*tax';

  test('the receipt written as an expression gives the book’s numbers, and the intermediates with --all', () => {
    const result = run(receipt, 'apple=100x2', 'orange=150x3', 'tax=1.1');
    expect(result.output).toBe('price');
    expect(result.value).toBeCloseTo(715, 12);
    expect(Object.keys(result.gradients)).toEqual(['apple', 'apple_num', 'orange', 'orange_num', 'tax']);
    expect(result.gradients.apple).toBeCloseTo(2.2, 12);
    expect(result.gradients.orange).toBeCloseTo(3.3, 12);
    expect(result.gradients.tax).toBeCloseTo(650, 12);
    expect(Object.keys(result.intermediates)).toEqual(['apple_price', 'orange_price', 'all_price']);
    Object.values(result.intermediates).forEach((grad) => expect(grad).toBeCloseTo(1.1, 12));
  });

  test('statements split by newlines, with comments and blank lines', () => {
    const source = '# the book, in three lines\n\nx = 3   # an input\ny = x * x\n\nz = y + x  # fan-out\n';
    expect(run(source)).toMatchObject({ output: 'z', value: 12, gradients: { x: 7 }, intermediates: { y: 1 } });
  });

  test('a line break inside parentheses or after an operator continues the statement', () => {
    expect(run('y = (x +\n  1) *\n  2', 'x=1').value).toBe(4);
  });

  test('a name given a plain signed number is an input; the command line overrides it', () => {
    expect(run('w = -2.5; w * 2').inputs).toEqual({ w: -2.5 });
    expect(run('w = -2.5; w * 2', 'w=4').value).toBe(8);
  });

  test('a name given an expression of numbers is an intermediate, not an input', () => {
    expect(run('c = 2 * 3; c * x', 'x=1')).toMatchObject({ inputs: { x: 1 }, intermediates: { c: 1 } });
  });

  test('the output is the last statement: its name, or result', () => {
    expect(run('x * 2', 'x=1').output).toBe('result');
    expect(run('y = x * 2', 'x=1').output).toBe('y');
  });

  test('y = x makes y another name for x', () => {
    expect(run('x = 2; y = x')).toMatchObject({ output: 'y', value: 2, gradients: { x: 1 } });
  });

  test('inputs are listed in order of first appearance', () => {
    expect(Object.keys(run('b * a + c', 'c=1', 'a=2', 'b=3').inputs)).toEqual(['b', 'a', 'c']);
  });

  test('names may be Korean or accented, as in the book’s own language', () => {
    expect(run('사과 * 개수', '사과=100', '개수=2').gradients).toEqual({ 사과: 2, 개수: 100 });
    expect(run('prix_été * 2', 'prix_été=1').value).toBe(2);
  });

  test('names such as __proto__ and constructor are plain names', () => {
    expect(run('__proto__ * constructor', '__proto__=2', 'constructor=3').gradients).toEqual(
      Object.fromEntries([
        ['__proto__', 3],
        ['constructor', 2],
      ]),
    );
  });

  test(`parentheses nested ${MAX_NESTING} deep parse; one more is a clear error`, () => {
    const nested = (depth: number) => `${'('.repeat(depth)}x${')'.repeat(depth)}`;
    expect(run(nested(MAX_NESTING), 'x=2').value).toBe(2);
    expect(failure(nested(MAX_NESTING + 1), 'x=2').message).toMatch(/nest deeper than 10000 levels/);
  });

  test('a long sum and a long chain of unary minus parse without recursion', () => {
    const terms = Array.from({ length: 100_000 }, (_, i) => `x*${i % 7}`).join(' + ');
    expect(run(terms, 'x=1').gradients.x).toBe(Array.from({ length: 100_000 }, (_, i) => i % 7).reduce((a, b) => a + b));
    expect(run(`${'-'.repeat(100_001)}x`, 'x=1').value).toBe(-1);
    expect(run(`2${'^1'.repeat(100_000)}`).value).toBe(2);
  });
});

describe('errors name the word and point at it', () => {
  test.each([
    ['x * (y', "this '(' is never closed: add ')' (line 1, column 5)"],
    ['x * y)', "unexpected ')': there is no '(' for it to close (line 1, column 6)"],
    ['x +', "expected a number, a name or '(' after '+', found the end of the expression (line 1, column 4)"],
    ['x +\n', "expected a number, a name or '(' after '+', found the end of the expression (line 2, column 1)"],
    ['2x', "expected an operator before 'x' (write 2 * x to multiply) (line 1, column 2)"],
    ['foo(x)', `unknown function 'foo': the functions are ${FUNCTION_NAMES} (line 1, column 1)`],
    ['ReLU(x)', `unknown function 'ReLU': did you mean relu? (the functions are ${FUNCTION_NAMES}) (line 1, column 1)`],
    ['sigmod(x)', `unknown function 'sigmod': did you mean sigmoid? (the functions are ${FUNCTION_NAMES}) (line 1, column 1)`],
    ['a = 2\na(x)', "expected an operator before '(' (write a * (…) to multiply) (line 2, column 2)"],
    ['x $ y', "unexpected character '$' (line 1, column 3)"],
    ['exp + 1', "'exp' is a function: write exp(…) (line 1, column 1)"],
    ['x = 1\nx = 2\nx', "'x' is already defined, at line 1, column 1: rename one of the two (line 2, column 1)"],
    ['y = x * 2\nx = 3\ny', "'x' is used before it is defined, at line 1, column 5: move this definition above that use (line 2, column 1)"],
    // The first error in the program is the one told, though names are checked in batches.
    ['x = 1\nx = 2\ny = (x', "'x' is already defined, at line 1, column 1: rename one of the two (line 2, column 1)"],
    ['x = 1\nx = 2\nz * 2\ny = 3', "'x' is already defined, at line 1, column 1: rename one of the two (line 2, column 1)"],
    ['x * 2\ny = 3', 'this value is not used: name it (NAME = …) or make it the last statement (line 1, column 1)'],
    ['exp = 3', "'exp' is a function: choose another name (line 1, column 1)"],
    ['1e400 * x', '1e400 is too large (the largest number is about 1.8e308) (line 1, column 1)'],
    ['max(x)', "'max' needs more arguments: max takes two arguments: max(a, b) (line 1, column 6)"],
    ['max(x, y, 1)', "unexpected ',': max takes two arguments: max(a, b) (line 1, column 9)"],
    ['exp(x, y)', "unexpected ',': exp takes one argument: exp(x) (line 1, column 6)"],
    ['x, y', "unexpected ',': a comma separates a function's arguments, as in max(a, b) (line 1, column 2)"],
    ['max((x, y))', "unexpected ',': a comma separates a function's arguments, as in max(a, b) (line 1, column 7)"],
    ['max(, y)', "expected a number, a name or '(' after 'max', found ',' (line 1, column 5)"],
    ['sqrt = 3', "'sqrt' is a function: choose another name (line 1, column 1)"],
  ])('%j', (source, message) => {
    const error = failure(source, 'x=1', 'y=1');
    expect(error.status).toBe(2);
    expect(error.message).toBe(message);
    const column = Number(/column (\d+)\)$/.exec(message)![1]);
    expect(error.excerpt!.split('\n')[1]).toBe(`  ${' '.repeat(column - 1)}^`);
  });

  test('inputs the command line leaves without a value are named, the first five and how many more', () => {
    expect(failure('a*b*c*d*f*g*h').message).toBe(
      "'a', 'b', 'c', 'd', 'f' and 2 more have no value: bind them on the command line (a=2) or define them in the expression (a = 2) (line 1, column 1)",
    );
    expect(failure('a*b*c*d*f*g*h', 'a=1', 'c=2').message).toBe(
      "'b', 'd', 'f', 'g', 'h' have no value: bind them on the command line (b=2) or define them in the expression (b = 2) (line 1, column 3)",
    );
  });

  test('a name defined again thousands of definitions later, or before them, is found where it is', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `n${i} = ${i}`);
    expect(failure([...many, 'n5 = 1', 'y = ('].join('\n')).message).toBe("'n5' is already defined, at line 6, column 1: rename one of the two (line 10001, column 1)");
    expect(failure(['n5 = 1', ...many, 'n0'].join('\n')).message).toBe("'n5' is already defined, at line 1, column 1: rename one of the two (line 7, column 1)");
  });

  test('the caret stays under the column after tabs and wide characters', () => {
    expect(failure('\t(x').excerpt).toBe('   (x\n   ^');
    expect(failure('사과 * (').excerpt).toBe('  사과 * (\n          ^');
  });

  test('the excerpt shows the line of the error, cut around the column when long', () => {
    const long = `y = ${'x + '.repeat(50)}* ${'2 '.repeat(50)}`;
    const error = failure(`x = 1\n${long}`);
    expect(error.message).toMatch(/\(line 2, column 205\)$/);
    const [line, caret] = error.excerpt!.split('\n');
    expect(line).toBe(`  …${long.slice(204 - 40, 204 + 40)}…`);
    expect(caret.indexOf('^')).toBe(2 + 1 + 40);
  });

  test('names with no value are listed with how to bind them', () => {
    const error = failure('price = (apple * n + orange * m) * tax', 'n=1', 'm=2');
    expect(error.message).toBe(
      "'apple', 'orange', 'tax' have no value: bind them on the command line (apple=2) or define them in the expression (apple = 2) (line 1, column 10)",
    );
  });

  test('a binding must name an input of the expression', () => {
    expect(failure('x * y', 'x=1', 'y=2', 'z=3').message).toBe("'z=3': the expression has no input 'z' (its inputs: x, y)");
    expect(failure('y = x * 2', 'x=1', 'y=3').message).toMatch(/^'y=3': 'y' is computed by the expression/);
    expect(failure('x * 2', 'x=1', 'x=2').message).toBe("'x=2': 'x' is bound twice");
    expect(failure('x * 2', 'x=1OO').message).toMatch(/^'x=1OO': '1OO' is not a number/);
  });

  test('an empty program is an error', () => {
    expect(failure('  # only a comment\n;\n').message).toMatch(/^the expression is empty/);
  });

  test('result is the name of an unnamed last statement, so it cannot also be a name', () => {
    expect(failure('result = 2; result * 3').message).toMatch(/'result' is taken/);
  });
});

describe('pi and e', () => {
  test('are constants, unless the program defines them or the command line gives them', () => {
    expect(evaluate(parseExpression('y = 2 * pi * r', ['r=1'])).value).toBe(2 * Math.PI);
    expect(evaluate(parseExpression('e^x', ['x=1'])).value).toBe(Math.E);
    expect(evaluate(parseExpression('pi = 3; y = pi * 2')).value).toBe(6);
    const bound = evaluate(parseExpression('x * e', ['x=2', 'e=3']));
    expect([bound.value, bound.inputs.map((node) => bound.graph.name(node))]).toEqual([6, ['x', 'e']]);
  });

  test('a constant is written by its name, and gets no row of its own', () => {
    const result = evaluate(parseExpression('y = x * pi', ['x=2']));
    expect(result.inputs.map((node) => result.graph.name(node))).toEqual(['x']);
    expect(result.graph.grad(result.inputs[0])).toBe(Math.PI);
  });

  test('defined after it is used as the constant is refused, as for any name', () => {
    expect(() => parseExpression('y = pi * 2; pi = 3')).toThrow("'pi' is used before it is defined, at line 1, column 5");
  });
});
