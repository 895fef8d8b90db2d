import { InputError } from '../errors.js';
import { text, type Said } from '../messages/index.js';
import { Graph, type Program } from '../graph.js';
import { AddLayer, layerFor, MulLayer } from '../layers.js';
import { parseWord, type Word } from './word.js';

/** Names that are usually amounts added or taken off, not factors. */
const AMOUNT_NAMES = /(?:^|_)(?:shipping|delivery|postage|fee|tip|coupon|voucher|discount|rebate)s?(?:$|_)/i;

/**
 * Builds the book's shopping graph from receipt words: each item is a Mul of price and
 * quantity, the items are added up in order into all_price, then each factor multiplies and
 * each amount adds to the running total, in order. The last node is `price`.
 */
export function parseReceipt(words: readonly string[], { float = false }: { float?: boolean } = {}): Program {
  const parsed = words.map(parseWord);
  const array = parsed.findIndex((word) => word.kind === 'array');
  if (array >= 0) throw new InputError(text('arrayInReceipt', words[array]));
  const items = parsed.filter((word) => word.kind === 'item');
  if (items.length === 0) {
    throw new InputError(
      text(words.length === 0 ? 'receiptEmpty' : 'receiptNoItem'),
    );
  }

  const graph = new Graph();
  graph.exact = !float;
  // Each name is claimed by a part of a word; the claim is put in words only when two parts
  // claim one name, as a receipt of a million items has millions of names.
  const claimed = new Map<string, number>();
  const claim = (name: string, part: number, index: number): string => {
    const other = claimed.get(name);
    if (other !== undefined) {
      throw new InputError(text('namesBoth', name, described(words, other), described(words, PARTS * index + part)), { name });
    }
    claimed.set(name, PARTS * index + part);
    return name;
  };

  // Inputs first, in the order given, so that tables and JSON list them in that order.
  const written = new Map<number, string>();
  const inputs = parsed.map((word, i) => {
    if (word.kind === 'array') return [];
    if (word.kind !== 'item') {
      const input = graph.input(claim(word.name, GIVEN, i), word.value);
      if (word.kind === 'factor' && word.percent !== undefined) written.set(input, word.percent);
      return [input];
    }
    return [graph.input(claim(word.name, GIVEN, i), word.price), graph.input(claim(`${word.name}_num`, QUANTITY, i), word.quantity)];
  });
  // Names are given at the end, once it is known which node is last: that one is price.
  const names: { node: number; name: string; part: number; index: number }[] = [];
  let total = -1;
  parsed.forEach((word, i) => {
    if (word.kind !== 'item') return;
    const [price, quantity] = inputs[i];
    const cost = graph.apply(layerFor(MulLayer), price, quantity);
    names.push({ node: cost, name: `${word.name}_price`, part: COST, index: i });
    total = total < 0 ? cost : graph.apply(layerFor(AddLayer), total, cost);
  });
  if (items.length > 1) names.push({ node: total, name: 'all_price', part: SUM, index: 0 });
  parsed.forEach((word, i) => {
    if (word.kind === 'item' || word.kind === 'array') return;
    const Layer = word.kind === 'factor' ? MulLayer : AddLayer;
    total = graph.apply(layerFor(Layer), total, inputs[i][0]);
    names.push({ node: total, name: `after_${word.name}`, part: AFTER, index: i });
  });
  names[names.length - 1] = { node: total, name: 'price', part: TOTAL, index: 0 };
  for (const { node, name, part, index } of names) graph.rename(node, claim(name, part, index));
  const notes = parsed.flatMap((word, i) => note(word, words[i]) ?? []);
  return { graph, output: total, outputName: 'price', written, notes };
}

// The parts of a receipt that a name stands for.
const GIVEN = 0;
const QUANTITY = 1;
const COST = 2;
const SUM = 3;
const AFTER = 4;
const TOTAL = 5;
const PARTS = 6;

/** A claim on a name in words: `PARTS * index + part` is that part of the word at `index`. */
function described(words: readonly string[], claim: number): Said {
  const word = words[Math.floor(claim / PARTS)];
  switch (claim % PARTS) {
    case GIVEN:
      return `'${word}'`;
    case QUANTITY:
      return text('quantityOf', `'${word}'`);
    case COST:
      return text('costOf', word);
    case SUM:
      return text('sumOfItems');
    case AFTER:
      return text('totalAfter', word);
    default:
      return text('theTotal');
  }
}

/** What a word may not say as its writer meant: a free item, a factor that looks like an amount. */
function note(word: Word, given: string): Said | undefined {
  if (word.kind === 'item' && word.price === 0) {
    return text('freeItem', given);
  }
  if (word.kind === 'factor' && word.percent === undefined && (word.value > 2 || AMOUNT_NAMES.test(word.name))) {
    return text('factorNotAmount', given, word.name, given.slice(word.name.length + 1));
  }
  return undefined;
}
