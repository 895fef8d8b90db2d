import { expect, test } from 'vitest';
import { run } from '../../src/cli.js';
import { counted } from '../../src/render/limit.js';
import { runInProcess } from '../io.js';

test('a view within the limit is made again to be written, piece by piece, as it was counted', () => {
  let made = 0;
  const make = function* () {
    made++;
    yield 'one\n';
    yield 'two\n';
  };
  const output = counted('--steps', make, 8);
  expect(made).toBe(1);
  expect([...output]).toEqual(['one\n', 'two\n']);
  expect(made).toBe(2);
});

test('a view past the limit is refused before its first piece, and counting stops where it passes', () => {
  let reached = 0;
  const endless = function* () {
    for (;;) {
      reached++;
      yield 'x'.repeat(1000);
    }
  };
  expect(() => counted('--format dot', endless, 2 ** 20)).toThrow(
    /^--format dot would print more than 1 MB for this program \(long names on many lines\): shorten the names, leave --format dot out, or raise the limit with BACKPROP_VIEW_MB$/,
  );
  expect(reached).toBe(1049);
});

// Through the whole command line: a 20 kB name used 16 times, whose --steps runs to megabytes.
const name = 'n'.repeat(20_000);
const program = `${name} = 1.01\ny = ${Array(16).fill(name).join(' * ')}\n`;
const small = { files: { 'p.txt': program }, env: { BACKPROP_VIEW_MB: '1' } };
// The same with a 2 kB name: half a megabyte of --steps.
const shorter = program.replaceAll(name, name.slice(0, 2000));

test.each([['--steps'], ['--graph'], ['--steps', '--json'], ['--graph', '--json']])(
  '%s past BACKPROP_VIEW_MB is refused with status 2, one error line and nothing on stdout',
  async (...view) => {
    const { status, stdout, stderr } = await runInProcess(['-f', 'p.txt', ...view], small);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const option = view[0];
    const said = view.includes('--json') ? JSON.parse(stderr).error.message : stderr.replace(/^error: /, '').replace(/\n$/, '');
    expect(said).toBe(
      `${option} would print more than 1 MB for this program (long names on many lines): shorten the names, leave ${option} out, or raise the limit with BACKPROP_VIEW_MB`,
    );
  },
);

test.each([['--format', 'dot'], ['--format', 'mermaid'], ['--steps']])(
  '%s within the limit is written in many pieces, the same as without one',
  async (...view) => {
    const pieces: string[] = [];
    const status = await run(['-f', 'p.txt', ...view], {
      env: { BACKPROP_VIEW_MB: '100' },
      terminal: false,
      errorTerminal: false,
      write: (fd, text) => {
        if (fd === 1) pieces.push(text);
      },
      read: (path, limit) => Buffer.from(path === 'p.txt' ? shorter : '').subarray(0, limit),
      isFile: (path) => path === 'p.txt',
      chunks: async function* () {},
    });
    expect(status).toBe(0);
    expect(pieces.length).toBeGreaterThan(10);
    const whole = await runInProcess(['-f', 'p.txt', ...view], { files: { 'p.txt': shorter } });
    expect(pieces.join('')).toBe(whole.stdout);
    // A picture cuts a long name, as an error message does; --steps writes it whole.
    if (view[0] === '--steps') expect(whole.stdout).toContain(name.slice(0, 2000));
    else expect(whole.stdout).toMatch(/[^n]n{40}…/);
  },
);

test('a limit that is not a whole number of megabytes is no limit of its own', async () => {
  const { status } = await runInProcess(['-f', 'p.txt', '--graph'], { ...small, env: { BACKPROP_VIEW_MB: '0.5' } });
  expect(status).toBe(0);
});
