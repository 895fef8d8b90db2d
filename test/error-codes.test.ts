import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { schema } from './schema.js';

/** Messages that only wrap another, or are a part of one (where, a file's name): never the code. */
const PARTS = new Set(['withHint', 'at', 'sentence', 'andMoreGradients', 'where', 'standardInput', 'seeHelp', 'dashExpression', 'choose', 'listMore', 'itsInputs', 'jsonExpected']);

/**
 * The codes of messages handed to an error through a variable, which a reading of the source
 * cannot see: why a value or gradient is no number, commander's messages put in backprop's
 * words, a name's character, the inputs a word could have bound, the rules of --train's options.
 */
const PASSED = [
  'valueNaN', 'valueInfinite', 'computedNaN', 'computedInfinite',
  'sharesOverflow', 'sharesOfOverflow', 'noDerivative', 'zeroTimesInfinity', 'noFiniteDerivative', 'overflowsAt', 'overflowsThrough',
  'unknownOption', 'unknownOptionMeant', 'optionMissing', 'notInName', 'noSuchInput', 'noSuchInputOf', 'positiveNumber', 'notNegative',
  // Shapes that do not go together, told by each array layer's rule or by broadcasting; an array literal's text.
  'shapeMatmul', 'shapeMatmulNumber', 'shapeBroadcast', 'axisConstant', 'axisMissing', 'shapeNeedsArray', 'shapeLabels', 'labelOutOfRange',
  'shapeBias', 'emptyArray', 'arrayNumber', 'arrayComma', 'arrayRow', 'rankTooHigh', 'raggedArray', 'arrayNotFinite',
];
const KINDS = ['input', 'math', 'check', 'output', 'internal'];

const kebab = (key: string) => key.replace(/([a-z0-9])(?=[A-Z][a-z])/g, '$1-').toLowerCase();

/** Every code an error of src/ can have, read from the statements that make one. */
function codes(): Set<string> {
  const found = new Set([...PASSED.map(kebab), ...KINDS]);
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.startsWith('messages'));
  for (const file of files) {
    for (const statement of readFileSync(join('src', file), 'utf8').split(/;\s*\n/)) {
      const at = statement.search(/new (?:Input|Math|Check|Output)Error\(|errorAt\(|this\.error\(/);
      if (at < 0) continue;
      const made = statement.slice(at);
      const explicit = /code: '([\w-]+)'/.exec(made);
      if (explicit !== null) found.add(explicit[1]);
      // The key is the first argument of text(), or either side of a choice there (a ? 'b' : 'c').
      else for (const [, first] of made.matchAll(/text\(([^,)]*)/g)) for (const [, key] of first.matchAll(/'(\w+)'/g)) if (!PARTS.has(key)) found.add(kebab(key));
    }
  }
  return found;
}

test('every code an error can carry is listed in the schema, and the schema lists no other', () => {
  const listed = (schema.$defs.error.properties.code as { enum: string[] }).enum;
  expect(new Set(listed)).toEqual(codes());
  expect(listed).toEqual([...listed].sort());
});
