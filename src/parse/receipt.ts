import { InputError } from '../errors.js';
import { Graph, type Program } from '../graph.js';
import { AddLayer, layerFor, MulLayer } from '../layers.js';
import { parseWord } from './word.js';

/**
 * Builds the book's shopping graph from receipt words (DESIGN.md §1): each item is a Mul of
 * price and quantity, the items are added up in order into all_price, then each factor
 * multiplies and each amount adds to the running total, in order. The last node is `price`.
 */
export function parseReceipt(words: readonly string[]): Program {
  const parsed = words.map(parseWord);
  const items = parsed.filter((word) => word.kind === 'item');
  if (items.length === 0) {
    throw new InputError(
      `${words.length === 0 ? 'nothing to compute' : 'a receipt needs at least one item'}: ` +
        'give items as NAME=PRICExQTY (backprop apple=100x2 tax=1.1) or an expression (backprop "x*y" x=2 y=3)',
    );
  }

  const graph = new Graph();
  const claimed = new Map<string, string>();
  const claim = (name: string, what: string): string => {
    const other = claimed.get(name);
    if (other !== undefined) throw new InputError(`'${name}' names both ${other} and ${what}: rename one of them`);
    claimed.set(name, what);
    return name;
  };

  // Inputs first, in the order given, so that tables and JSON list them in that order.
  const inputs = parsed.map((word, i) => {
    const given = `'${words[i]}'`;
    if (word.kind !== 'item') return [graph.input(claim(word.name, given), word.value)];
    return [
      graph.input(claim(word.name, given), word.price),
      graph.input(claim(`${word.name}_num`, `the quantity of ${given}`), word.quantity),
    ];
  });
  // Names are given at the end, once it is known which node is last: that one is price.
  const names: { node: number; name: string; what: string }[] = [];
  let total = -1;
  parsed.forEach((word, i) => {
    if (word.kind !== 'item') return;
    const [price, quantity] = inputs[i];
    const cost = graph.apply(layerFor(MulLayer), price, quantity);
    names.push({ node: cost, name: `${word.name}_price`, what: `the cost of '${words[i]}'` });
    total = total < 0 ? cost : graph.apply(layerFor(AddLayer), total, cost);
  });
  if (items.length > 1) names.push({ node: total, name: 'all_price', what: 'the sum of the items' });
  parsed.forEach((word, i) => {
    if (word.kind === 'item') return;
    const Layer = word.kind === 'factor' ? MulLayer : AddLayer;
    total = graph.apply(layerFor(Layer), total, inputs[i][0]);
    names.push({ node: total, name: `after_${word.name}`, what: `the total after '${words[i]}'` });
  });
  names[names.length - 1] = { node: total, name: 'price', what: 'the total' };
  for (const { node, name, what } of names) graph.rename(node, claim(name, what));
  return { graph, output: total, outputName: 'price' };
}
