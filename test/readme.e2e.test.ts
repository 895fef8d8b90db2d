import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { temporaryFolder } from './folder.js';
import { blocks, examples, expectPrinted, has } from './readme.js';
import { BIN } from './run.js';

// The README's programs that run outside backprop: the demo for class, the library example,
// and after the Quick start, its commands and the Python batch loop.
const root = fileURLToPath(new URL('..', import.meta.url));

describe('the demo for class', () => {
  const demo = blocks.find(({ language, text }) => language === 'bash' && text.includes('step apple=100x2 tax=1.1'))!.text;
  // No backprop on this PATH: the demo finds it through npx, in the folder it is saved in.
  const PATH = process.env.PATH!.split(':').filter((dir) => !existsSync(join(dir, 'backprop'))).join(':');

  /** A folder with the demo and a stand-in npx, so that the demo runs at backprop's speed: it records what it was asked to run. */
  const staged = () => {
    const bin = temporaryFolder('backprop-npx-');
    const calls = join(bin, 'calls');
    writeFileSync(
      join(bin, 'npx'),
      `#!/bin/sh\n[ "$1" = backprop ] || exit 99\nshift\nprintf '%s\\0' "$@" >> ${calls}\nprintf '\\n' >> ${calls}\nexec "${process.execPath}" "${BIN}" "$@"\n`,
    );
    chmodSync(join(bin, 'npx'), 0o755);
    writeFileSync(join(bin, 'demo.sh'), demo);
    return { bin, calls, env: { ...process.env, PATH: `${bin}:${PATH}`, COLUMNS: '', LINES: '' } };
  };
  const steps = demo.match(/^step /gm)!.length;

  /** The demo run once with stdin not a terminal, which the next two tests both read. */
  let piped: { calls: string; run: SpawnSyncReturns<string> } | undefined;
  const runPiped = () => {
    if (piped === undefined) {
      const { bin, calls, env } = staged();
      piped = { calls, run: spawnSync('bash', [join(bin, 'demo.sh')], { input: '', env, encoding: 'utf8' }) };
    }
    return piped;
  };

  test('runs from start to end, with stdin not a terminal, and echoes each command as it can be typed again', () => {
    const { calls, run } = runPiped();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('price = 220');
    expect(run.stdout).toContain('x is used 3 times: ∂result/∂x = 1 + 3 + 3 = 7');
    expect(run.stdout).toContain('│ x=+1  │         6 × 1 = 6 │ 9 → 16 │              7 │          1 │');
    expect(run.stdout).toContain('(1) relu(x) is exactly at its kink');
    expect(run.stdout).toContain('gradient descent on loss, rate 0.05: 200 epochs (--epochs)');
    const echoed = run.stdout.split('\n').filter((line) => line.startsWith('$ '));
    expect(echoed).toContain("$ npx backprop 'x*x + x' x=3 --steps");
    const ran = readFileSync(calls, 'utf8').split('\n').slice(0, -1);
    expect(echoed).toHaveLength(steps);
    expect(ran).toHaveLength(echoed.length);
    echoed.forEach((line, i) => {
      // Typed into a shell, the echoed command runs what the step ran, word for word.
      const typed = spawnSync('bash', ['-c', `npx() { shift; printf '%s\\0' "$@"; }; ${line.slice(2)}`], { encoding: 'utf8' });
      expect(typed.stdout, line).toBe(ran[i]);
    });
  }, 60_000);

  test('each step fits a projector’s screen, 24 lines by 80 columns: its command, all it prints, and the prompt', () => {
    const { run } = runPiped();
    // Without a terminal the steps are a blank line apart; on one, each clears the screen.
    const shown = run.stdout.split('\n$ ').slice(1).map((step) => `$ ${step}`.trimEnd().split('\n'));
    expect(shown).toHaveLength(steps);
    for (const lines of shown) {
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
      expect(lines.length + 1, lines[0]).toBeLessThanOrEqual(24);
    }
  }, 60_000);

  test.skipIf(!has('script'))('on a terminal, each step clears the screen and shows its command first, then waits for Enter', () => {
    const { bin, env } = staged();
    // util-linux's script gives the demo a terminal of 24 lines by 80 columns; each Enter is typed ahead.
    const run = spawnSync('script', ['-qec', `stty rows 24 cols 80; bash ${join(bin, 'demo.sh')}`, '/dev/null'], {
      input: '\n'.repeat(steps),
      env,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const screens = run.stdout.replaceAll('\r\n', '\n').split('\x1b[H\x1b[2J').slice(1);
    expect(screens).toHaveLength(steps);
    for (const screen of screens) {
      expect(screen).toMatch(/^\$ npx backprop /);
      expect(screen).toMatch(/\(Enter\) /);
      // The prompt's line ends the screen. A line wider than the terminal would take two of its
      // rows; what a line shows is what follows its last carriage return (--train's progress).
      const lines = screen.slice(0, screen.lastIndexOf('(Enter) ')).split('\n');
      const rows = lines.map((line) => Math.max(1, Math.ceil(stringWidth(line.slice(line.lastIndexOf('\r') + 1)) / 80)));
      expect(rows.reduce((sum, row) => sum + row, 0), screen).toBeLessThanOrEqual(24);
    }
  }, 60_000);
});

/**
 * The Quick start in a copy of the repository as it is (its files, not node_modules or dist),
 * then each README command in a new shell that has only what the Quick start says: a PATH
 * of the system's and Node's folders, with no backprop on it, and the Quick start's last line.
 */
describe('after the Quick start, in a fresh shell', () => {
  const clone = temporaryFolder('backprop-clone-');
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).stdout;
  for (const file of listed.split('\0').filter((file) => file !== '' && existsSync(join(root, file)))) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(join(root, file), join(clone, file), { verbatimSymlinks: true });
  }
  const quickStart = blocks.find(({ text }) => text.startsWith('npm install && npx backprop'))!.text.trim().split('\n');
  const bare = [dirname(process.execPath), '/usr/bin', '/bin'].filter((dir) => !existsSync(join(dir, 'backprop'))).join(':');
  /** A new bash, no profile: Node's and the system's PATH, npm's cache, and the lines given. */
  const bash = (lines: string, cwd = clone) =>
    spawnSync('bash', ['--noprofile', '--norc', '-c', lines], {
      cwd,
      env: { HOME: process.env.HOME, PATH: bare, npm_config_prefer_offline: 'true', ...(process.env.npm_config_cache && { npm_config_cache: process.env.npm_config_cache }) },
      encoding: 'utf8',
    });

  test('the Quick start’s first line installs, builds and prints the receipt; backprop alone is not found before its last line', () => {
    // `npm test`, the second line, is what .ci/run runs in a fresh clone.
    const [install, , path] = quickStart;
    const run = bash(install);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('price = 715');
    expect(bash('backprop x=1 x').stderr).toContain('backprop: command not found');
    expect(bash(`${path}; cd / && backprop apple=100x2 orange=150x3 tax=1.1 --json`).stdout).toContain('"value": 715');
  }, 240_000);

  test.each(examples.map((commands) => [commands.map(({ command }) => command).join(' … '), commands]))('%s', (_, commands) => {
    if (commands.some(({ command }) => command.includes('| jq')) && !has('jq')) return;
    // A folder of its own, with the repository's examples, as the README runs them from its root.
    const folder = temporaryFolder('backprop-readme-');
    cpSync(join(clone, 'examples'), join(folder, 'examples'), { recursive: true });
    for (const example of commands) expectPrinted(bash(`${quickStart.at(-1)}; cd "${folder}" && ${example.command} 2>&1`).stdout, example);
  });

  test.skipIf(!has('python3'))('the Python batch loop prints what the README shows', () => {
    const at = blocks.findIndex(({ language, text }) => language === 'python' && text.includes('--batch'));
    const run = bash(`${quickStart.at(-1)}; python3 -c '${blocks[at].text.replaceAll("'", "'\\''")}'`);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(blocks[at + 1].text);
    expect(blocks[at].text.trim().split('\n').length).toBeLessThanOrEqual(11);
  });
});

test('the library example runs and prints what the README says', () => {
  const { name } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const example = blocks.find(({ language, text }) => language === 'js' && text.includes(`from '${name}'`));
  // Run from the project itself, which imports itself by name through package.json's exports.
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', example!.text], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('715 1.1 650\napple 2.2\napple_num 110\norange 3.3\norange_num 165\ntax 650\n12\n');
  expect(example!.text.trim().split('\n').length).toBeLessThanOrEqual(10);
});
