import { Graph } from '../src/graph.js';
import { AddLayer, MulLayer } from '../src/layers.js';
import { parseExpression } from '../src/parse/expression.js';
import { parseReceipt } from '../src/parse/receipt.js';
import { evaluate, type Result } from '../src/result.js';

/** The three examples every teaching view is tested on. */
export const examples = {
  /** The book's receipt: its buy_apple_orange. */
  receipt: () => evaluate(parseReceipt(['apple=100x2', 'orange=150x3', 'tax=1.1'])),
  /** The same in doubles (--float), whose numerical gradients carry rounding to show. */
  floatReceipt: () => evaluate(parseReceipt(['apple=100x2', 'orange=150x3', 'tax=1.1'], { float: true })),
  /** A value that feeds several places. */
  fanOut: () => evaluate(parseExpression('x*x + x', ['x=3'])),
  /** A neuron and its loss, in three statements. */
  neuron: () => evaluate(parseExpression('z = w*x + b; y = sigmoid(z); loss = (y - t)^2', ['w=2', 'x=0.5', 'b=-1', 't=1'])),
};

/**
 * Names no parser takes but the library does, each of which would end a label, add an
 * attribute, markup or a link, or start an escape, in DOT, SVG, HTML or Mermaid if written as
 * it is: (a × b) + c, its product and its output named too.
 */
export const HOSTILE = {
  a: 'a", URL="javascript:alert(1)',
  b: '<img src=x onerror=alert(2)>',
  c: 'c\\N & #quot; ]"] \n',
  product: 'p<b>"&amp;\\G',
  output: 'y</title><script>alert(3)</script>',
};

export function hostile(): Result {
  const graph = new Graph();
  const product = graph.apply(new MulLayer(), graph.input(HOSTILE.a, 2), graph.input(HOSTILE.b, 3));
  graph.rename(product, HOSTILE.product);
  const output = graph.apply(new AddLayer(), product, graph.input(HOSTILE.c, 4));
  return evaluate({ graph, output, outputName: HOSTILE.output });
}

/** The book's receipt as the table prints it, uncolored. */
export const RECEIPT_TABLE = `price = 715
┌────────────┬───────┬───────────────┐
│ input      │ value │ ∂price/∂input │
├────────────┼───────┼───────────────┤
│ apple      │   100 │           2.2 │
│ apple_num  │     2 │           110 │
│ orange     │   150 │           3.3 │
│ orange_num │     3 │           165 │
│ tax        │   1.1 │           650 │
└────────────┴───────┴───────────────┘
`;

/** The book's Affine layer at work on arrays, and the words that write it on a command line. */
export const AFFINE = ['L = sum(affine(X, W, b) * G)', 'X=[[1,2],[3,4]]', 'W=[[1,0,0],[0,1,0]]', 'b=[0,0,0]', 'G=[[1,2,3],[4,5,6]]'];

export const affine = () => evaluate(parseExpression(AFFINE[0], AFFINE.slice(1)));

/** The book's two-layer net, 784 → 50 → 10, on a batch of 10: arrays of up to 39,200 numbers. */
export const NET = `X = rand(10, 784)
W1 = 0.01 * randn(784, 50)
b1 = zeros(50)
W2 = 0.01 * randn(50, 10)
b2 = zeros(10)
t = zeros(10, 10) + 0.1
L = softmax_with_loss(affine(relu(affine(X, W1, b1)), W2, b2), t)`;

export const net = () => evaluate(parseExpression(NET, [], { seed: 1 }));
