import fc from 'fast-check';
import { expect, test } from 'vitest';
import { JsonText } from '../../src/render/json-text.js';
import { RUNS } from '../runs.js';

/** What a JsonText gathers from `add`, taken whole. */
function written(add: (text: JsonText) => void): string {
  const text = new JsonText();
  add(text);
  return text.take();
}

test('a number is what jsonNumber writes', () => {
  expect(written((text) => text.addNumber(3.3000000000000003, 15))).toBe('3.3');
  expect(written((text) => text.addNumber(-0.05, 15))).toBe('-0.05');
  expect(written((text) => text.addNumber(-0, 15))).toBe('0');
  expect(written((text) => text.addNumber(NaN, 15))).toBe('null');
});

test(`a string is what JSON.stringify writes, of any text, between what is asked for (${RUNS} cases)`, () => {
  const texts = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('a"b', 'a\\b', 'tab\there', '\u2028', '\ud800', '\udc00x', '😀', 'é', '가격', '\ufffd'));
  const around = fc.constantFrom(['', ''], [',\n    ', ': '], ['{ ', ' }']);
  fc.assert(
    fc.property(texts, around, (name, [before, after]) => {
      expect(written((text) => text.addString(name, before, after))).toBe(before + JSON.stringify(name) + after);
    }),
    { numRuns: RUNS },
  );
});

test('text of any length and script is taken whole, in order, and taking starts again', () => {
  const text = new JsonText();
  const long = 'x'.repeat(300_000);
  text.add('{');
  text.add(long);
  text.add('가격 é 😀');
  text.addNumber(1.5, 15);
  expect(text.take()).toBe(`{${long}가격 é 😀1.5`);
  expect(text.size).toBe(0);
  text.add('a');
  expect(text.take()).toBe('a');
});
