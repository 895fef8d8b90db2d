import fc from 'fast-check';
import { expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseReceipt } from '../../src/parse/receipt.js';
import { RUNS } from '../runs.js';

/**
 * parseReceipt keeps only the words' own names where no name looks like one it makes, to be
 * linear at a million items: held to the plain rule, every name (given and made) once.
 */
const NAMES = ['a', 'b', 'all', 'a_num', 'a_price', 'after_a', 'after_tax', 'tax', 'price', 'all_price', 'tax_num', 'after'];

test('a receipt is refused exactly when two of its names, given or made, are one', () => {
  const word = fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('=2x3', '=1.1', '=+5', '=-10%'));
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (pairs) => {
      const words = pairs.map(([name, value]) => name + value);
      const items = pairs.filter(([, value]) => value.includes('x'));
      if (items.length === 0) return;
      const names = pairs.map(([name]) => name);
      names.push(...items.flatMap(([name]) => [`${name}_num`, `${name}_price`]));
      if (items.length > 1) names.push('all_price');
      const others = pairs.filter(([, value]) => !value.includes('x'));
      // The last node is price, not after_ its word.
      names.push(...others.slice(0, -1).map(([name]) => `after_${name}`), 'price');
      if (others.length === 0 && items.length === 1) names.splice(names.indexOf(`${items[0][0]}_price`), 1);
      if (others.length === 0 && items.length > 1) names.splice(names.indexOf('all_price'), 1);
      const clash = new Set(names).size < names.length;
      if (clash) expect(() => parseReceipt(words)).toThrow(InputError);
      else expect(() => parseReceipt(words)).not.toThrow();
    }),
    { numRuns: RUNS },
  );
});
