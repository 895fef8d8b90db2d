import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { runInProcess } from './io.js';
import { expectValid } from './schema.js';

const RECEIPT = ['apple=100x2', 'orange=150x3', 'tax=1.1'];
const NEURON = ['z = w*x + b; y = sigmoid(z); loss = (y - t)^2', 'w=2', 'x=0.5', 'b=-1', 't=1'];

test('the schema is JSON Schema 2020-12, and the package ships it', () => {
  const schema = JSON.parse(readFileSync(new URL('../schema/backprop.schema.json', import.meta.url), 'utf8'));
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  expect(pkg.files).toContain('schema');
});

test('require.resolve finds the schema by the package’s name, as a user’s tools would', () => {
  const { name } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  // The package resolves its own name through its exports, as an installed copy does.
  const resolved = createRequire(import.meta.url).resolve(`${name}/schema/backprop.schema.json`);
  expect(resolved).toBe(fileURLToPath(new URL('../schema/backprop.schema.json', import.meta.url)));
});

test.each([
  [RECEIPT],
  [[...RECEIPT, 'coupon=-20', 'shipping=+5']],
  [NEURON],
  [[...NEURON, '--steps']],
  [[...NEURON, '--graph']],
  [[...NEURON, '--check', '--precision', '4']],
  [['x*x + relu(x) + log(y)', 'x=0', 'y=0.00001', '--steps', '--graph', '--check']],
  [['2 * 3']],
  [[...RECEIPT, '--nudge', 'apple=+1', '--nudge', 'tax=+10%']],
  [['y = sigmoid(x)', 'x=1', '--expand', '--steps', '--graph']],
  [['x^3', 'x=2', '--order', '3']],
  [['x^2*y + y^3', 'x=1', 'y=2', '--order', '2']],
  [['tanh(x)', 'x=1', '--order', '2', '--steps', '--check']],
  [['softmax_with_loss(affine(detach(X), W, b), t)', 'X=[[1,2],[3,4]]', 'W=[[1,0],[0,1]]', 'b=[0,0]', 't=[1,0]', '--order', '2']],
])('the --json document of %j is valid', async (argv) => {
  const run = await runInProcess(['--json', ...argv]);
  expect(run.status).toBe(0);
  expectValid('document', run.stdout);
});

test('the --train document is valid', async () => {
  const run = await runInProcess(['--json', 'loss = (w*1 + b - 3)^2 + (w*2 + b - 5)^2', 'w=0', 'b=0', '--train', '--epochs', '20']);
  expect(run.status).toBe(0);
  expectValid('training', run.stdout);
  expect(() => expectValid('document', run.stdout)).toThrow();
});

test('batch lines and error objects are valid, and the schema tells them apart', async () => {
  const run = await runInProcess([...RECEIPT, '--batch', '--steps'], { stdin: '{"apple": 1}\n{"pear": 1}\n' });
  const [good, bad] = run.stdout.trimEnd().split('\n');
  expectValid('batchLine', good);
  expectValid('batchLine', bad);
  expect(() => expectValid('document', bad)).toThrow();
  expect(() => expectValid('errorObject', bad)).toThrow();
  const failed = await runInProcess(['--json', '1/x', 'x=0']);
  expectValid('errorObject', failed.stderr);
  expect(() => expectValid('document', failed.stderr)).toThrow();
});
