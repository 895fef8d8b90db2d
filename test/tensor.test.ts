import { expect, test } from 'vitest';
import { Tensor } from '../src/tensor.js';

test('nested lists give the array back that toNested wrote', () => {
  for (const nested of [[1, 2, 3], [[1, 2], [3, 4], [5, 6]], [[7]]]) {
    const tensor = Tensor.fromNested(nested);
    expect(tensor.toNested()).toEqual(nested);
    expect(tensor.shape).toEqual(Array.isArray(nested[0]) ? [nested.length, (nested[0] as number[]).length] : [nested.length]);
  }
});
