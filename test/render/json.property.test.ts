import fc from 'fast-check';
import { expect, test } from 'vitest';
import { expression, NAMES, values } from '../arbitraries.js';
import { runInProcess } from '../io.js';
import { RUNS, TIMEOUT } from '../runs.js';
import { expectValid } from '../schema.js';

const options = fc.subarray(['--steps', '--graph', '--all', '--precision', '--check']).map((flags) =>
  flags.flatMap((flag) => (flag === '--precision' ? [flag, '5'] : [flag])),
);

/** The documented shape: output and value, inputs and gradients with the same keys, intermediates. */
function expectDocumentShape(document: Record<string, unknown>): void {
  expect(typeof document.output).toBe('string');
  expect(Number.isFinite(document.value)).toBe(true);
  const inputs = document.inputs as Record<string, number>;
  const gradients = document.gradients as Record<string, number>;
  expect(Object.keys(gradients)).toEqual(Object.keys(inputs));
  for (const x of [...Object.values(inputs), ...Object.values(gradients)]) expect(Number.isFinite(x)).toBe(true);
  for (const entry of Object.values(document.intermediates as Record<string, unknown>)) {
    expect(Object.keys(entry as object)).toEqual(['value', 'grad']);
  }
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
      // A --check that disagrees still prints its whole document; any other failure prints none.
      if (run.status === 0 || JSON.parse(run.stderr).error.kind === 'check') {
        expectDocumentShape(JSON.parse(run.stdout));
        expectValid('document', run.stdout);
      } else {
        expect(run.stdout).toBe('');
      }
    }),
    { numRuns: RUNS },
  );
}, TIMEOUT);
