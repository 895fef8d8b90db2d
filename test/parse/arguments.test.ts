import { describe, expect, test } from 'vitest';
import { parseArguments } from '../../src/parse/arguments.js';
import { evaluate } from '../../src/result.js';

function gradients(words: string[], source?: string) {
  const { graph, inputs, outputName, value } = evaluate(parseArguments(words, { source }));
  return { [outputName]: value, ...Object.fromEntries(inputs.map((node) => [graph.name(node), graph.grad(node)])) };
}

describe('a word is a value only when it is a number, PRICExQTY or a signed percent', () => {
  test.each([
    [['y=2*x', 'x=3'], { y: 6, x: 2 }],
    [['y=-x', 'x=3'], { y: -3, x: -1 }],
    [['y=.5*x', 'x=3'], { y: 1.5, x: 0.5 }],
    [['z=-x^2', 'x=3'], { z: -9, x: -6 }],
    [['x=3', 'y=2*x'], { y: 6, x: 2 }],
    [['apple=100 x 2', 'tax=1.1'], { price: 220, apple: 2.2, apple_num: 110, tax: 200 }],
    [['apple=100x2', 'tax=+10%'], { price: 220, apple: 2.2, apple_num: 110, tax: 200 }],
  ])('%j', (words, expected) => {
    const result = gradients(words);
    for (const [name, value] of Object.entries(expected)) expect(result[name]).toBeCloseTo(value, 12);
  });
});

describe('the mistakes of a hurried command line are named, with the fix', () => {
  test.each([
    [['apple', '=', '100x2'], /^'apple = 100x2' is one value split by spaces: write apple=100x2, with no space$/],
    [['apple=', '100x2', 'tax=1.1'], /^'apple= 100x2' is one value split by spaces: write apple=100x2/],
    [['apple', '=100x2'], /^'apple =100x2' is one value split by spaces: write apple=100x2/],
    [['apple=100x2', 'orange=150', 'x3'], /^'orange=150 x3' is one value split by spaces: write orange=150x3/],
    [['apple=100x2', 'orange=150', 'x', '3'], /^'orange=150 x 3' is one value split by spaces: write orange=150x3/],
    [['apple=100x2', 'orange=150x', '3'], /^'orange=150x 3' is one value split by spaces: write orange=150x3/],
    [['apple=100x2', 'orange150x3'], /^'orange150x3' has no '=': write orange=150x3$/],
    [['apple=100x2 orange=150x3 tax=1.1'], /^'apple=100x2 orange=150x3 tax=1.1' is one argument: give each NAME=VALUE as an argument of its own/],
    [['apple=x2', 'tax=1.1'], /^'apple=x2' has no price; if you typed a \$, the shell replaced it/],
    [['y=x', 'x=1e400'], /^'x=1e400': 1e400 is too large/],
    [['y=x*2', 'x=1e400'], /^'x=1e400': 1e400 is too large/],
    [['apple=1OOx2'], /^'apple=1OOx2': '1OOx2' is not a number/],
    [['apple=100x2', 'orange=15Ox3'], /^'orange=15Ox3': '15Ox3' is not a number/],
    [['w*x', 'w=1/2', 'x=3'], /^'w=1\/2': give an input a number \(w=0\.5\), or compute it in the expression \(w = 1\/2; …\)$/],
    [['2', '*', 'x', 'x=3'], /^'2' and '\*': give one expression, in quotes if it has spaces or \* \(backprop "2 \* x" x=3\)/],
    [['x*y', 'x=1', 'y=2', 'stray'], /^'x\*y' and 'stray': give one expression/],
  ])('%j', (words, message) => {
    expect(() => parseArguments(words)).toThrow(message);
  });

  test('with the expression from -e or -f, every word must give a value', () => {
    expect(() => parseArguments(['x=1', 'y'], { source: 'x*y' })).toThrow(/^'y': the expression came with -e or -f, so give only inputs as NAME=VALUE \(x=2\)$/);
    expect(() => parseArguments(['x=1', 'y=x+1'], { source: 'x*y' })).toThrow(/^'y=x\+1': give an input a number/);
  });

  test('a * the shell replaced with file names is named as such', () => {
    const files = new Set(['README.md', 'package.json']);
    expect(() => parseArguments(['2', 'README.md', 'package.json', 'x', 'x=3'], { isFile: (word) => files.has(word) })).toThrow(
      /^'README\.md' is a file here: the shell replaced an unquoted \* with the names of the files; put the expression in quotes \(backprop "2 \* x" x=3\)$/,
    );
  });

  test('an expression that happens to share a name with a file is still read', () => {
    expect(gradients(['x', 'x=3'])).toEqual({ result: 3, x: 1 });
    expect(evaluate(parseArguments(['x', 'x=3'], { isFile: () => true })).value).toBe(3);
  });
});
