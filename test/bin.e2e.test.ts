import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, test } from 'vitest';
import { temporaryFolder } from './folder.js';
import { BIN, backprop, shell, type Run } from './run.js';
import { runInProcess } from './io.js';
import { RECEIPT_TABLE } from './views.js';

/**
 * The built bin as a process, through real pipes, terminals and files: what the tests in
 * process (run(argv, io) with stand-ins) cannot show.
 */
const RECEIPT = ['apple=100x2', 'orange=150x3', 'tax=1.1'];

/** Every failure: one error line, nothing on stdout. */
function expectFailure(run: Run, status: 1 | 2, message: RegExp) {
  expect(run.status).toBe(status);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(message);
  expect(run.stderr.match(/^error:/gm)).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

test('the book’s receipt prints the book’s numbers, piped with no escape code', () => {
  const run = backprop(RECEIPT);
  expect(run).toEqual({ status: 0, stdout: RECEIPT_TABLE, stderr: '' });
  expect(run.stdout).not.toContain('\x1b');
});

test('a program file, with inputs on the command line', () => {
  const file = join(temporaryFolder('backprop-'), 'program.txt');
  writeFileSync(file, '# fan-out\nx = 3\ny = x*x + x  # 12\n');
  expect(JSON.parse(backprop(['-f', file, '--json']).stdout)).toMatchObject({ output: 'y', value: 12, gradients: { x: 7 } });
  expect(JSON.parse(backprop(['-f', file, 'x=5', '--json']).stdout)).toMatchObject({ value: 30, gradients: { x: 11 } });
});

test('an argument that is not UTF-8, as the shell gives it to the real binary', () => {
  const run = shell(`backprop -e "$(printf 'x * 2 # caf\\351')" x=1; echo "status $?"`);
  expect(run.stderr).toBe("error: the argument 'x * 2 # caf\ufffd' is not UTF-8: byte 11 (0xe9) is not part of a character; give it in UTF-8 (set the terminal or the script to UTF-8)\n");
  expect(run.stdout).toBe('status 2\n');
});

test('a file that is not UTF-8 is refused, naming the byte', () => {
  const file = join(temporaryFolder(), 'latin1.txt');
  writeFileSync(file, Buffer.concat([Buffer.from('x = 2\ny = x * caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
  const run = backprop(['-f', file]);
  expect(run.status).toBe(2);
  expect(run.stderr).toBe(`error: '${file}' is not UTF-8: byte 17 (0xe9) is not part of a character; save it as UTF-8\n`);
});

const hasScript = spawnSync('script', ['--version']).status === 0;
// script(1) gives the command a terminal, as a teacher's shell does.
const onTerminal = (env: string) => shell(`${env} script -qec "backprop ${RECEIPT.join(' ')}" /dev/null`).stdout;

test.skipIf(!hasScript)('on a terminal: color, unless NO_COLOR (not empty) or TERM=dumb', () => {
  expect(onTerminal('TERM=xterm')).toContain('\x1b[');
  expect(onTerminal('TERM=xterm NO_COLOR=1')).not.toContain('\x1b[');
  expect(onTerminal('TERM=xterm NO_COLOR=')).toContain('\x1b[');
  expect(onTerminal('TERM=dumb')).not.toContain('\x1b[');
  expect(onTerminal('TERM=xterm')).toContain('\x1b[2m┌');
});

describe('standard input', () => {
  test('closed, it reads as empty: a clear error', () => {
    // Node opens a closed standard input on /dev/null.
    expectFailure(shell('backprop -f - <&-'), 2, /^error: standard input is empty: pipe the program in/);
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  test.skipIf(!python)('a non-blocking pipe whose writer is slow is waited for', () => {
    // Python sets O_NONBLOCK on the pipe, as a parent process that shares it may, then becomes backprop.
    const nonBlocking = `python3 -c 'import fcntl, os, sys; fcntl.fcntl(0, fcntl.F_SETFL, fcntl.fcntl(0, fcntl.F_GETFL) | os.O_NONBLOCK); os.execv(sys.argv[1], sys.argv[1:])'`;
    const run = shell(`{ printf 'x*'; sleep 1; echo y; } | ${nonBlocking} ${BIN} -f - x=2 y=3 --json`);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ value: 6, gradients: { x: 3, y: 2 } });
  });
});

describe('output that cannot be written', () => {
  test('a full disk is named, with status 1, and no internal error', () => {
    for (const flags of [[], ['--format', 'dot'], ['--help']]) {
      const run = shell(`backprop ${[...RECEIPT, ...flags].join(' ')} > /dev/full`);
      expect(run).toEqual({ status: 1, stdout: '', stderr: 'error: cannot write the output: no space left on device\n' });
    }
    // Under --json, as a JSON object.
    expect(JSON.parse(shell(`backprop ${RECEIPT.join(' ')} --json > /dev/full`).stderr)).toEqual({
      error: { status: 1, kind: 'output', code: 'cannot-write', message: 'cannot write the output: no space left on device' },
    });
  });

  test('a file size limit (ulimit -f) is named too', () => {
    const file = join(temporaryFolder('backprop-'), 'out.json');
    const program = `${Array.from({ length: 3000 }, (_, i) => `x${i} = ${i}`).join('\n')}\ny = ${Array.from({ length: 3000 }, (_, i) => `x${i}`).join(' + ')}`;
    const source = join(temporaryFolder('backprop-'), 'sum.txt');
    writeFileSync(source, program);
    const run = shell(`ulimit -f 1; backprop -f ${source} --json > ${file}`);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stderr).error.message).toBe('cannot write the output: the file has grown past its size limit');
  });

  test('a closed standard output fails with status 1, as jq does; /dev/null and a child without one succeed', () => {
    // Node opens a closed standard output on /dev/null before any script runs: the bin's shell line tells.
    for (const flags of [[], ['--help'], ['--format', 'dot']]) {
      expect(shell(`backprop ${[...RECEIPT, ...flags].join(' ')} >&-`)).toEqual({ status: 1, stdout: '', stderr: 'error: cannot write the output: it is closed\n' });
    }
    expect(JSON.parse(shell(`backprop ${RECEIPT.join(' ')} --json >&-`).stderr).error).toMatchObject({ status: 1, kind: 'output', code: 'cannot-write' });
    expect(shell(`backprop ${RECEIPT.join(' ')} --lang ja >&-`).stderr).toBe('エラー: 出力を書けない: 閉じられている\n');
    expect(shell(`backprop ${RECEIPT.join(' ')} > /dev/null`)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(spawnSync(BIN, RECEIPT, { stdio: ['ignore', 'ignore', 'pipe'] }).status).toBe(0);
    // A run that fails for its own reason keeps its status and message.
    expect(shell('backprop apple=abc >&-').status).toBe(2);
  });

  test('a standard error that cannot be written keeps the status the error calls for', () => {
    expect(shell('backprop --nope 2>/dev/full').status).toBe(2);
    expect(shell('backprop apple=abc 2>/dev/full').status).toBe(2);
    expect(shell('backprop 1/x x=0 2>/dev/full').status).toBe(1);
    expect(shell('backprop 1/x x=0 2>&- >&-').status).toBe(1);
  });
});

describe('pipes', () => {
  // 20,000 inputs and their sum: a JSON document of about a megabyte.
  const big = join(temporaryFolder('backprop-'), 'sum.txt');
  writeFileSync(big, Array.from({ length: 20_000 }, (_, i) => `x${i} = ${i}`).join('\n') + `\ntotal = ${Array.from({ length: 20_000 }, (_, i) => `x${i}`).join(' + ')}\n`);

  test('a reader that stops early ends the program quietly', () => {
    for (const command of [`backprop ${RECEIPT.join(' ')} --json | head -c 10`, `backprop ${RECEIPT.join(' ')} | head -1`, `backprop -f ${big} --json | head -c 10`]) {
      const run = shell(command);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^(\{\n {2}"outpu|price = 715\n)/);
    }
  });

  test('a large document is written whole', () => {
    const run = shell(`backprop -f ${big} --json | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(Object.keys(JSON.parse(s).gradients).length, s.length))'`);
    const [inputs, bytes] = run.stdout.trim().split(' ').map(Number);
    expect(inputs).toBe(20_000);
    expect(bytes).toBeGreaterThan(500_000);
  });

  test.skipIf(spawnSync('dot', ['-V']).status !== 0)('backprop … --format dot | dot -Tsvg > graph.svg works', () => {
    const svg = join(temporaryFolder('backprop-'), 'graph.svg');
    const run = shell(`backprop ${RECEIPT.join(' ')} --format dot | dot -Tsvg > ${svg}`);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(svg, 'utf8')).toContain('apple_price');
  });
});

describe('--batch through pipes', () => {
  test('a script reads the answer to one line before it writes the next', async () => {
    const child = spawn(BIN, ['y = x*x', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const values: number[] = [];
    for (const x of [1, 2, 3]) {
      child.stdin.write(`{"x": ${x}}\n`);
      values.push(JSON.parse((await answers.next()).value).gradients.x);
    }
    child.stdin.end();
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect({ values, status }).toEqual({ values: [2, 4, 6], status: 0 });
  });

  test('a reader that stops early ends the run quietly', () => {
    const run = shell(`yes '{"x": 2}' | head -n 100000 | { backprop 'x*x' --batch; echo "status $?" >&2; } | head -n 1`);
    expect(run.stdout).toMatch(/^\{"output":"result","value":4,.*\}\n$/);
    expect(run.stderr).toBe('status 0\n');
  });
});

test('--format svg draws with no `dot` anywhere on PATH, as it draws in process', async () => {
  // A PATH holding node alone: Graphviz's programs cannot be found, the WebAssembly one is used.
  const bin = temporaryFolder('backprop-no-dot-');
  symlinkSync(process.execPath, join(bin, 'node'));
  expect(spawnSync('sh', ['-c', 'command -v dot'], { env: { PATH: bin } }).status).not.toBe(0);
  const run = spawnSync(BIN, [...RECEIPT, '--format', 'svg'], { env: { PATH: bin }, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toBe((await runInProcess([...RECEIPT, '--format', 'svg'])).stdout);
});
