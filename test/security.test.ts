import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { run } from '../src/cli.js';

const src = fileURLToPath(new URL('../src', import.meta.url));
const sources = (readdirSync(src, { recursive: true }) as string[])
  .filter((path) => path.endsWith('.ts'))
  .map((path) => ({ path, text: readFileSync(join(src, path), 'utf8') }));
const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

test('no user text is ever run as code: no eval, no Function, no import() of anything but a fixed module', () => {
  expect(sources.length).toBeGreaterThan(10);
  for (const { path, text } of sources) {
    expect(text, path).not.toMatch(/\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(/);
    for (const [, specifier] of text.matchAll(/\bimport\s*\(\s*([^)]*)\)/g)) {
      // One of backprop's own modules, one of Node's, or a dependency named in package.json.
      const dependency = /^'([^']+)'$/.exec(specifier)?.[1] ?? '';
      if (!Object.hasOwn(dependencies, dependency)) expect(specifier, path).toMatch(/^'(\.\/[\w/]+\.js|node:\w+)'$/);
    }
  }
});

test('a program file past the size cap is refused before it is read whole', async () => {
  let asked = 0;
  let stderr = '';
  const status = await run(['-f', 'huge.txt'], {
    env: {},
    terminal: false,
    write: (fd, text) => {
      if (fd === 2) stderr += text;
    },
    isFile: () => false,
    read: (_, limit) => {
      asked = limit;
      return Buffer.alloc(limit, 'x');
    },
    chunks: async function* () {},
  });
  expect(status).toBe(2);
  expect(asked).toBe(256 * 2 ** 20 + 1);
  expect(stderr).toBe("error: 'huge.txt' is larger than 256 MiB: split the program\n");
});
