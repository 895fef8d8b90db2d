import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runInProcess } from './io.js';
import { blocks, has, readme } from './readme.js';
import { shell } from './run.js';
import { AFFINE } from './views.js';

// Timings differ from run to run; everything else in the README is what backprop prints.
const steady = (text: string) => text.replace(/[\d.e+-]+ ms/g, 'T ms').replace(/, [\d.e+-]+× backprop's time/, '');

/**
 * What a command line prints, standard error first as a terminal shows it (notes and errors
 * come before the output). One that is only `backprop` and its words runs in this process;
 * one with a pipe or the like runs in a shell.
 */
async function run(command: string): Promise<string> {
  // As printed on a screen 80 columns wide: the width backprop assumes with no terminal.
  if (/[|<>$`;&]/.test(command.replace(/"[^"]*"/g, ''))) return shell(`${command} 2>&1`, { COLUMNS: '80' }).stdout;
  const words = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map(([, quoted, bare]) => quoted ?? bare);
  expect(words.shift()).toBe('backprop');
  const { stdout, stderr } = await runInProcess(words);
  return stderr + stdout;
}

describe('every example in the README prints what the README shows', () => {
  const examples = blocks.filter(({ text }) => /^\$ (?:[^\n]*\| )?backprop /.test(text));
  test.each(examples.map(({ text }) => [text.split('\n')[0], text]))('%s', async (_, text) => {
    const [command, ...expected] = text.split('\n');
    if (command.includes('| jq') && !has('jq')) return;
    const printed = await run(command.slice(2));
    // A last line "… (then the table)" leaves out the rest of the output.
    if (expected.at(-2)?.startsWith('… ')) expect(printed.startsWith(expected.slice(0, -2).join('\n'))).toBe(true);
    else expect(steady(printed)).toBe(steady(expected.join('\n')));
  });

  test('there are examples of every view', () => {
    for (const flag of ['--steps', '--graph', '--check', '--format dot', '--json', '--all', '--nudge', '--batch']) {
      expect(examples.some(({ text }) => text.split('\n')[0].includes(flag))).toBe(true);
    }
  });
});

test('the Quick start is the two lines CI runs', () => {
  expect(readme).toContain('```\nnpm install && npx backprop apple=100x2 orange=150x3 tax=1.1\nnpm test\n```');
});

test('the picture in docs/ is what backprop draws now (npm run picture redraws it)', async () => {
  const [, path] = readme.match(/!\[[^\]]*\]\((docs\/receipt\.svg)\)/)!;
  const committed = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
  const run = await runInProcess(['apple=100x2', 'orange=150x3', 'tax=1.1', '--format', 'svg']);
  expect(run.stdout).toBe(committed);
  expect(readme).toContain('backprop apple=100x2 orange=150x3 tax=1.1 --format svg > receipt.svg');
});

test('the picture of the expanded sigmoid is what backprop draws now (npm run picture redraws it)', async () => {
  expect(readme).toContain('](docs/sigmoid-expanded.svg)');
  const committed = readFileSync(new URL('../docs/sigmoid-expanded.svg', import.meta.url), 'utf8');
  const run = await runInProcess(['y = sigmoid(x)', 'x=1', '--expand', '--format', 'svg']);
  expect(run.stdout).toBe(committed);
  expect(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts.picture).toContain(
    'node bin/backprop.js "y = sigmoid(x)" x=1 --expand --format svg > docs/sigmoid-expanded.svg',
  );
});

test('the picture of the Affine layer is what backprop draws now (npm run picture redraws it)', async () => {
  expect(readme).toContain('](docs/affine.svg)');
  const committed = readFileSync(new URL('../docs/affine.svg', import.meta.url), 'utf8');
  const run = await runInProcess([...AFFINE, '--format', 'svg']);
  expect(run.stdout).toBe(committed);
  const words = AFFINE.map((word) => `\\"${word}\\"`).join(' ');
  expect(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).toContain(`node bin/backprop.js ${words} --format svg > docs/affine.svg`);
});
