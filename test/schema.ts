import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

const schema = JSON.parse(readFileSync(new URL('../schema/backprop.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true });
ajv.addSchema(schema, 'backprop');

type Part = 'document' | 'batchLine' | 'errorObject';
const validators = Object.fromEntries(
  (['document', 'batchLine', 'errorObject'] as const).map((part) => [part, ajv.compile({ $ref: `backprop#/$defs/${part}` })]),
) as Record<Part, ReturnType<typeof ajv.compile>>;

/** Asserts that `text` is one JSON value that schema/backprop.schema.json's `part` describes. */
export function expectValid(part: Part, text: string): void {
  const validate = validators[part];
  const valid = validate(JSON.parse(text));
  expect(valid ? [] : validate.errors, `${part}: ${text.slice(0, 300)}`).toEqual([]);
}
