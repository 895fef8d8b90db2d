import { InputError } from '../errors.js';
import { text, type Said } from '../messages/index.js';
import { Graph, type Program } from '../graph.js';
import { AddLayer, layerFor, MulLayer } from '../layers.js';
import { parseWord, type Word } from './word.js';

/** Names that could be, or be part of, a name the receipt makes for one of its nodes. */
const MADE_LIKE = /_num|price|^after_|^all$/;

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
  // claim one name, as a receipt of a million items has millions of names. A name the
  // receipt makes (apple_num, apple_price, after_tax, all_price, price) can only be one
  // already claimed where a word's name looks like one of them: otherwise only the words'
  // own names are kept, a quarter as many.
  const claimed = new Map<string, number>();
  const mayClash = parsed.some((word) => word.kind !== 'array' && MADE_LIKE.test(word.name));
  const claim = (name: string, part: number, index: number): string => {
    if (part !== GIVEN && !mayClash) return name;
    const other = claimed.get(name);
    if (other !== undefined) {
      throw new InputError(text('namesBoth', name, described(words, other), described(words, PARTS * index + part)), { name });
    }
    claimed.set(name, PARTS * index + part);
    return name;
  };

  // Inputs first, in the order given, so that tables and JSON list them in that order. An
  // item's quantity is the node after its price.
  const written = new Map<number, string>();
  const inputs = new Int32Array(parsed.length);
  parsed.forEach((word, i) => {
    if (word.kind === 'array') return;
    if (word.kind !== 'item') {
      inputs[i] = graph.input(claim(word.name, GIVEN, i), word.value);
      if (word.kind === 'factor' && word.percent !== undefined) written.set(inputs[i], word.percent);
      return;
    }
    inputs[i] = graph.input(claim(word.name, GIVEN, i), word.price);
    graph.input(claim(`${word.name}_num`, QUANTITY, i), word.quantity);
  });
  // Each node is named once the next is made: the last one is price.
  let named: { node: number; name: string; part: number; index: number } | undefined;
  const name = (node: number, name: string, part: number, index: number) => {
    if (named !== undefined) graph.rename(named.node, claim(named.name, named.part, named.index));
    named = { node, name, part, index };
  };
  let total = -1;
  parsed.forEach((word, i) => {
    if (word.kind !== 'item') return;
    const cost = graph.apply(layerFor(MulLayer), inputs[i], inputs[i] + 1);
    name(cost, `${word.name}_price`, COST, i);
    total = total < 0 ? cost : graph.apply(layerFor(AddLayer), total, cost);
  });
  if (items.length > 1) name(total, 'all_price', SUM, 0);
  parsed.forEach((word, i) => {
    if (word.kind === 'item' || word.kind === 'array') return;
    const Layer = word.kind === 'factor' ? MulLayer : AddLayer;
    total = graph.apply(layerFor(Layer), total, inputs[i]);
    name(total, `after_${word.name}`, AFTER, i);
  });
  graph.rename(total, claim('price', TOTAL, 0));
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
