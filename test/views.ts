import { parseExpression } from '../src/parse/expression.js';
import { parseReceipt } from '../src/parse/receipt.js';
import { evaluate } from '../src/result.js';

/** The three examples every teaching view is tested on. */
export const examples = {
  /** The book's receipt: its buy_apple_orange. */
  receipt: () => evaluate(parseReceipt(['apple=100x2', 'orange=150x3', 'tax=1.1'])),
  /** A value that feeds several places. */
  fanOut: () => evaluate(parseExpression('x*x + x', ['x=3'])),
  /** A neuron and its loss, in three statements. */
  neuron: () => evaluate(parseExpression('z = w*x + b; y = sigmoid(z); loss = (y - t)^2', ['w=2', 'x=0.5', 'b=-1', 't=1'])),
};

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
