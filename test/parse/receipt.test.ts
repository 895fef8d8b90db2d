import { describe, expect, test } from 'vitest';
import { say } from '../../src/messages/index.js';
import { parseReceipt } from '../../src/parse/receipt.js';
import { evaluate } from '../../src/result.js';

function receipt(...words: string[]) {
  const result = evaluate(parseReceipt(words));
  const { graph } = result;
  const rounded = (x: number) => Number(x.toPrecision(15));
  return {
    price: rounded(result.value),
    gradients: Object.fromEntries(result.inputs.map((node) => [graph.name(node), rounded(graph.grad(node))])),
    intermediates: result.intermediates.map((node) => graph.name(node)),
  };
}

describe('receipts', () => {
  test('the book’s buy_apple_orange', () => {
    expect(receipt('apple=100x2', 'orange=150x3', 'tax=1.1')).toEqual({
      price: 715,
      gradients: { apple: 2.2, apple_num: 110, orange: 3.3, orange_num: 165, tax: 650 },
      intermediates: ['apple_price', 'orange_price', 'all_price'],
    });
  });

  test('the book’s buy_apple', () => {
    expect(receipt('apple=100x2', 'tax=1.1')).toEqual({
      price: 220,
      gradients: { apple: 2.2, apple_num: 110, tax: 200 },
      intermediates: ['apple_price'],
    });
  });

  test('x, X, * and × all separate price and quantity', () => {
    for (const separator of ['x', 'X', '*', '×']) expect(receipt(`apple=100${separator}2`).price).toBe(200);
  });

  test('one item alone is the price', () => {
    expect(receipt('apple=100x2')).toEqual({ price: 200, gradients: { apple: 2, apple_num: 100 }, intermediates: [] });
  });

  test('factors and amounts apply to the running total in the order given', () => {
    expect(receipt('apple=100x2', 'coupon=-20', 'tax=1.1')).toMatchObject({
      price: 198,
      gradients: { coupon: 1.1, tax: 180 },
      intermediates: ['apple_price', 'after_coupon'],
    });
    expect(receipt('apple=100x2', 'tax=1.1', 'coupon=-20', 'shipping=+5')).toMatchObject({
      price: 205,
      gradients: { tax: 200, coupon: 1, shipping: 1 },
      intermediates: ['apple_price', 'after_tax', 'after_coupon'],
    });
  });

  test('items are summed in order, whatever their place among the modifiers', () => {
    expect(receipt('tax=1.1', 'apple=100x2', 'orange=150x3', 'pear=50x1')).toMatchObject({
      price: 770,
      gradients: { tax: 700, pear: 1.1 },
      intermediates: ['apple_price', 'orange_price', 'pear_price', 'all_price'],
    });
  });

  test('a signed percent is a factor: tax=+10% is 1.1, discount=-15% is 0.85', () => {
    expect(receipt('apple=100x2', 'tax=+10%', 'discount=-15%')).toMatchObject({ price: 187, gradients: { tax: 170, discount: 220 } });
    const { graph, written } = parseReceipt(['apple=100x2', 'tax=+10%']);
    expect([...written!].map(([node, text]) => [graph.name(node), graph.value(node), text])).toEqual([['tax', 1.1, '+10%']]);
  });

  test('a factor that looks like an amount, or a free item, is noted, not refused', () => {
    expect(parseReceipt(['apple=100x2', 'shipping=5']).notes?.map((note) => say(note))).toEqual([
      "'shipping=5' multiplies the total by 5; to add or take off an amount, give its sign (shipping=+5 or shipping=-5)",
    ]);
    expect(parseReceipt(['apple=100x2', 'tax=3']).notes).toHaveLength(1);
    expect(parseReceipt(['apple=100x2', 'discount=0.9']).notes).toHaveLength(1);
    expect(parseReceipt(['apple=00x2']).notes?.map((note) => say(note))).toEqual([
      "'apple=00x2' has price 0; if you typed a $, the shell replaced it and the digit after it: leave the $ out",
    ]);
    expect(parseReceipt(['apple=100x2', 'tax=1.1', 'shipping=+5', 'discount=-15%']).notes).toEqual([]);
  });

  test.each([
    [['apple=100x2', 'tax=10%'], /^'tax=10%': give the percent its sign/],
    [['tax=1.1'], /^a receipt needs at least one item/],
    [[], /^nothing to compute/],
    [['apple=100x2', 'apple=50x1'], /^'apple' names both 'apple=100x2' and 'apple=50x1'/],
    [['price=100x2'], /^'price' names both 'price=100x2' and the total/],
    [['apple=100x2', 'apple_num=3'], /^'apple_num' names both the quantity of 'apple=100x2' and 'apple_num=3'/],
    [['apple=100x2', 'apple_price=3'], /^'apple_price' names both 'apple_price=3' and the cost of 'apple=100x2'/],
    [['apple=100x2', 'pear=1x1', 'all_price=0.5'], /^'all_price' names both 'all_price=0.5' and the sum of the items/],
    [['apple=100x2', 'tax=1.1', 'after_tax=+1'], /^'after_tax' names both 'after_tax=\+1' and the total after 'tax=1.1'/],
    [['apple=100x'], /^'apple=100x': '100x' is not a number/],
    [['apple'], /^'apple' is not NAME=VALUE/],
    [['=5'], /^'=5' is not NAME=VALUE/],
  ])('%j is an input error', (words, message) => {
    expect(() => parseReceipt(words)).toThrow(message);
  });
});
