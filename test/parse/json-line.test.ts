import fc from 'fast-check';
import { expect, test } from 'vitest';
import { readValuesLine } from '../../src/parse/json-line.js';
import { RUNS, TIMEOUT } from '../runs.js';

/** What JSON.parse reads of a line: its names (NFC) and values, and its echoed keys with their JSON, each as a Map. */
function parsed(line: string) {
  const entries = Object.entries(JSON.parse(line) as object);
  const echoed = ([key]: [string, unknown]) => key === 'id' || key.startsWith('_');
  return {
    values: new Map(entries.filter((entry) => !echoed(entry)).map(([key, value]) => [key.normalize('NFC'), value])),
    echoed: new Map(entries.filter(echoed).map(([key, value]) => [key, JSON.stringify(value)])),
  };
}

const key = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('id', '_id', 'x', 'café', 'cafe\u0301', '__proto__', '"', '\\', '1', '\n'));
const plain = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.string({ unit: 'binary' }), fc.boolean(), fc.constant(null));
const blank = fc.constantFrom('', ' ', '\t', ' \r ');

test(`a line is read as JSON.parse reads it, plain values or not, blanks anywhere between (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(key, fc.oneof(plain, fc.jsonValue()), blank, blank)), blank, (members, end) => {
      // Two keys that are one name in NFC are that name given twice, which JSON.parse does not know of (below).
      const keys = new Set(members.map(([name]) => name));
      fc.pre(new Set([...keys].map((name) => name.normalize('NFC'))).size === keys.size);
      const line = `{${members.map(([name, value, before, after]) => `${before}${JSON.stringify(name)}${after}:${before}${JSON.stringify(value)}${after}`).join(',')}${end}}`;
      const read = readValuesLine(line);
      const expected = parsed(line);
      expect(new Map(read.values)).toEqual(expected.values);
      expect(new Map(read.echoed)).toEqual(expected.echoed);
    }),
    { numRuns: RUNS },
  );
}, TIMEOUT);

test('a line of plain values gives them in the order written, a name given twice with its last value, as JSON.parse would', () => {
  expect(readValuesLine('{"b": 1, "a": "two", "1": true, "a": null}').values).toEqual([
    ['b', 1],
    ['a', 'two'],
    ['1', true],
    ['a', null],
  ]);
  expect(readValuesLine('{"caf\u00e9": 1, "cafe\u0301": 2}').values).toEqual([
    ['caf\u00e9', 1],
    ['caf\u00e9', 2],
  ]);
  expect(readValuesLine('{"id": 1, "x": 2, "id": "b", "_n": [1]}').echoed).toEqual([
    ['id', '"b"'],
    ['_n', '[1]'],
  ]);
});

test.each([
  ['{"x": 1,}', "at column 9, expected a name in double quotes, found '}'"],
  ['{"x": 01}', "at column 8, expected ',' or '}', found '1'"],
  ['{"x\ty": 1}', "at column 4, expected the string's closing '\"', found '\t'"],
  ['{"x": "a\\"}', "at column 12, expected the string's closing '\"', found the end of the line"],
  ['{"x": 1} x', "at column 10, expected the end of the line, found 'x'"],
  ['{"x": tru}', "at column 7, expected a value, found 't'"],
])('%j is refused where JSON fails: %s', (line, where) => {
  expect(() => readValuesLine(line)).toThrow(`the line is not JSON: ${where}; give an object of input values, e.g. {"x": 2}`);
});
