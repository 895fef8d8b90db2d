import fc from 'fast-check';
import { expect, test } from 'vitest';
import { expression, NAMES, values } from '../arbitraries.js';
import { runInProcess } from '../io.js';
import { RUNS, TIMEOUT } from '../runs.js';
import { expectValid } from '../schema.js';

// --check times each method for 10 ms or more, many times the cost of the rest: one case in five.
const check = fc.oneof({ arbitrary: fc.constant([]), weight: 4 }, { arbitrary: fc.constant(['--check']), weight: 1 });
const options = fc.tuple(fc.subarray(['--steps', '--graph', '--all', '--precision']), check).map(([flags, checked]) => [
  ...flags.flatMap((flag) => (flag === '--precision' ? [flag, '5'] : [flag])),
  ...checked,
]);

/** The documented shape: output and value, inputs and gradients with the same keys, intermediates. */
function expectDocumentShape(document: Record<string, unknown>): void {
  expect(typeof document.output).toBe('string');
  expect(Number.isFinite(document.value)).toBe(true);
  const inputs = document.inputs as Record<string, number>;
  const gradients = document.gradients as Record<string, number>;
  expect(Object.keys(gradients)).toEqual(Object.keys(inputs));
  for (const x of Object.values(inputs)) expect(Number.isFinite(x)).toBe(true);
  // A gradient is a finite number, or null with its reason in gradient_errors.
  const reasons = (document.gradient_errors ?? {}) as Record<string, string>;
  const intermediates = document.intermediates as Record<string, { value: number; grad: number | null }>;
  const grads = [...Object.entries(gradients), ...Object.entries(intermediates).map(([name, { grad }]) => [name, grad] as const)];
  for (const [name, grad] of grads) expect(grad === null ? reasons[name] : grad, name).toSatisfy((x) => typeof x === 'string' || Number.isFinite(x));
  expect(Object.keys(reasons).every((name) => name in gradients || name in intermediates)).toBe(true);
  for (const entry of Object.values(intermediates)) expect(Object.keys(entry)).toEqual(['value', 'grad']);
  expect(Object.keys(document).slice(0, 5)).toEqual(['output', 'value', 'inputs', 'gradients', 'intermediates']);
}

test(`--json of a valid program is one document of the documented shape and the schema's, or a math error object with nothing on stdout (${RUNS} cases)`, async () => {
  await fc.assert(
    fc.asyncProperty(expression, values, options, fc.boolean(), async ({ text }, numbers, flags, named) => {
      const bindings = NAMES.map((name, i) => `${name}=${numbers[i]}`).filter((binding) => new RegExp(`\\b${binding[0]}\\b`).test(text));
      const program = named ? `y = ${text}` : text;
      const run = await runInProcess(['--json', ...flags, '-e', program, ...bindings]);
      // Every generated program is valid input: a failure can only be the math's (status 1).
      expect([0, 1], run.stderr).toContain(run.status);
      if (run.status !== 0) expectValid('errorObject', run.stderr);
      // A --check that disagrees, or a gradient that is no number, still prints the whole
      // document; any other failure prints none.
      const error = run.status === 0 ? undefined : JSON.parse(run.stderr).error;
      if (error === undefined || error.kind === 'check' || error.message.startsWith('∂')) {
        expectDocumentShape(JSON.parse(run.stdout));
        expectValid('document', run.stdout);
      } else {
        expect(run.stdout).toBe('');
      }
    }),
    { numRuns: RUNS },
  );
}, TIMEOUT);
