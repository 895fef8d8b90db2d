import { expect, test } from 'vitest';
import { formatNumber, round } from '../src/numbers.js';

test('rounding to 15 digits removes float noise', () => {
  expect(round(3.3000000000000003, 15)).toBe(3.3);
  expect(round(0.1 + 0.2, 15)).toBe(0.3);
  expect(round(715.0000000000001, 15)).toBe(715);
});

test('-0 prints as 0', () => {
  expect(formatNumber(-0, 12)).toBe('0');
  expect(round(-0, 15)).toBe(0);
  expect(Object.is(round(-0, 15), 0)).toBe(true);
});

test('trailing zeros are dropped and huge or tiny numbers stay readable', () => {
  expect(formatNumber(2.2, 12)).toBe('2.2');
  expect(formatNumber(110, 12)).toBe('110');
  expect(formatNumber(1e21, 12)).toBe('1e+21');
  expect(formatNumber(1.5e-7, 12)).toBe('1.5e-7');
  expect(formatNumber(Math.PI, 4)).toBe('3.142');
  expect(formatNumber(123456789, 3)).toBe('123000000');
  expect(formatNumber(3e20, 12)).toBe('3e+20');
  expect(formatNumber(123456789012345680000, 15)).toBe('1.23456789012346e+20');
  expect(formatNumber(-(2 ** 60), 15)).toBe('-1.15292150460685e+18');
  expect(formatNumber(Infinity, 15)).toBe('Infinity');
});
