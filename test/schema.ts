import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

export const schema = JSON.parse(readFileSync(new URL('../schema/backprop.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true });
ajv.addSchema(schema, 'backprop');

const PARTS = ['document', 'training', 'batchLine', 'errorObject'] as const;
type Part = (typeof PARTS)[number];
const validators = Object.fromEntries(PARTS.map((part) => [part, ajv.compile({ $ref: `backprop#/$defs/${part}` })])) as Record<
  Part,
  ReturnType<typeof ajv.compile>
>;
const whole = ajv.getSchema('backprop')!;

/** Asserts that `text` is one JSON value that schema/backprop.schema.json's `part` describes. */
export function expectValid(part: Part, text: string): void {
  const validate = validators[part];
  const value = JSON.parse(text);
  const valid = validate(value);
  expect(valid ? [] : validate.errors, `${part}: ${text.slice(0, 300)}`).toEqual([]);
  // And the schema as a whole takes it.
  expect(whole(value)).toBe(true);
}
