import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { temporaryFolder } from './folder.js';
import { runInProcess } from './io.js';
import { examples, expectPrinted, readme, type Example } from './readme.js';
import { shell } from './run.js';
import { AFFINE } from './views.js';

/** Whether a command needs a shell: a pipe, a redirection, a second command. */
const inShell = (command: string) => /[|<>$`;&]/.test(command.replace(/"[^"]*"/g, ''));
/** The repository's examples, by the path the README gives them. */
const EXAMPLES = Object.fromEntries(readdirSync('examples').map((file) => [`examples/${file}`, readFileSync(join('examples', file), 'utf8')]));

/**
 * What a command line prints, standard error first as a terminal shows it (notes and errors
 * come before the output), in `folder`. One that is only `backprop` and its words (after
 * variables of its environment, if any) runs in this process, with the files of the folder;
 * any other, which does not run backprop, in a shell.
 */
async function run(command: string, folder: string): Promise<string> {
  if (inShell(command)) return shell(`${command} 2>&1`, {}, folder).stdout;
  const words = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map(([, quoted, bare]) => quoted ?? bare);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0])) {
    const [name, value] = words.shift()!.split(/=(.*)/);
    env[name] = value;
  }
  expect(words.shift()).toBe('backprop');
  // The folder's files, and the repository's examples, as the README runs them from its root.
  const files = { ...EXAMPLES, ...Object.fromEntries(readdirSync(folder).map((file) => [file, readFileSync(join(folder, file), 'utf8')])) };
  const { stdout, stderr } = await runInProcess(words, { env, files });
  return stderr + stdout;
}

describe('every example in the README prints what the README shows', () => {
  // backprop in a pipe or the like is the built bin's: those run after the Quick start, in
  // the end-to-end tests (readme.e2e.test.ts), which run every example so.
  const bins = ({ command }: Example) => inShell(command) && /\bbackprop\b/.test(command);
  const here = examples.filter((commands) => !commands.every(bins));
  test.each(here.map((commands) => [commands.map(({ command }) => command).join(' … '), commands]))('%s', async (_, commands) => {
    // The commands of a block run in turn in one folder: a file one writes, the next reads.
    const folder = temporaryFolder('backprop-readme-');
    for (const example of commands) if (!bins(example)) expectPrinted(await run(example.command, folder), example);
  });

  test('there are examples of every view', () => {
    for (const flag of ['--steps', '--graph', '--check', '--format dot', '--json', '--all', '--nudge', '--batch']) {
      expect(examples.flat().some(({ command }) => command.includes(flag))).toBe(true);
    }
  });
});

test('the Quick start is the two lines CI runs, then the PATH of the examples', () => {
  expect(readme).toContain('```\nnpm install && npx backprop apple=100x2 orange=150x3 tax=1.1\nnpm test\nexport PATH="$PWD/bin:$PATH"\n```');
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

test('the picture of tanh’s fourth derivative is what backprop draws now (npm run picture redraws it)', async () => {
  expect(readme).toContain('](docs/tanh-order4.svg)');
  expect(readme).toContain('backprop "tanh(x)" x=1 --order 4 --format svg > tanh-order4.svg');
  const committed = readFileSync(new URL('../docs/tanh-order4.svg', import.meta.url), 'utf8');
  const run = await runInProcess(['tanh(x)', 'x=1', '--order', '4', '--format', 'svg']);
  expect(run.stdout).toBe(committed);
  expect(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts.picture).toContain(
    'node bin/backprop.js "tanh(x)" x=1 --order 4 --format svg > docs/tanh-order4.svg',
  );
});

test('every file the README shows with cat is the repository’s, as it is', () => {
  const shown = [...readme.matchAll(/```\n\$ cat (\S+)\n([^]*?)```/g)];
  expect(shown.length).toBeGreaterThan(0);
  for (const [, path, text] of shown) expect(text, path).toBe(readFileSync(path, 'utf8'));
});
