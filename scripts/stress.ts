/**
 * npm run stress: programs of about 10 MB in the shapes that once cost quadratic time or
 * gigabytes (long chains, wide sums, long lines, deep unary minus, huge names), each fed to
 * every view. Each run must end within the time limit with a heap of at most 1 GB, with status
 * 0, 1 or 2, one clean error line at most, and nothing on stdout when it refuses.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/backprop.js', import.meta.url));
const SIZE = 10 * 2 ** 20;
const SECONDS = 20;

function repeat(make: (i: number) => string, bytes: number): string {
  const parts: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const part = make(i);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

const name = 'a'.repeat(SIZE / 2 - 16);
const shapes: Record<string, string> = {
  'long chain': `v0 = 1\n${repeat((i) => `v${i + 1} = v${i} * 1.0001 + 1\n`, SIZE)}`,
  'wide sum': (() => {
    const inputs = repeat((i) => `x${i} = ${i}\n`, SIZE / 2);
    const count = inputs.split('\n').length - 1;
    return `${inputs}y = ${Array.from({ length: count }, (_, i) => `x${i}`).join(' + ')}\n`;
  })(),
  'long line': `x = 1; y = x${' + x'.repeat(SIZE / 4)}\n`,
  // An error's excerpt and message look at a window around the column, wherever it is on the line.
  'long line, error at its end': `x = 1; y = x${' + x'.repeat(SIZE / 4)} * )\n`,
  'long line, error at its start': `x = 1; y = x * )${' + x'.repeat(SIZE / 4)}\n`,
  'deep unary': `x = 2\ny = ${'-'.repeat(SIZE - 16)}x\n`,
  'huge name': `${name} = 2\ny = ${name} * 3\n`,
  'huge name, error': `${name} = 2\ny = ${name} * )\n`,
  // Each step names its arguments: the text of --steps is many times the program's.
  'long names, many lines': `${name.slice(0, SIZE / 20)} = 1.01\ny = ${Array(18).fill(name.slice(0, SIZE / 20)).join(' * ')}\n`,
};
const views = [[], ['--json'], ['--all'], ['--steps'], ['--graph'], ['--graph', '--json'], ['--steps', '--json'], ['--format', 'dot'], ['--format', 'mermaid'], ['--format', 'svg'], ['--format', 'html'], ['--check']];

// `npm run stress -- WORDS` runs only the shapes whose name contains WORDS.
const only = process.argv.slice(2).join(' ');
const folder = mkdtempSync(join(tmpdir(), 'backprop-stress-'));
let failed = 0;
let passed = 0;
try {
  for (const [shape, program] of Object.entries(shapes)) {
    if (!shape.includes(only)) continue;
    const file = join(folder, 'program.txt');
    writeFileSync(file, program);
    for (const view of views) {
      const started = performance.now();
      const run = spawnSync(process.execPath, ['--max-old-space-size=1024', BIN, '-f', file, ...view], {
        encoding: 'utf8',
        timeout: SECONDS * 1000,
        maxBuffer: 2 ** 30,
      });
      const seconds = (performance.now() - started) / 1000;
      const problems: string[] = [];
      if (run.error !== undefined) problems.push(String(run.error.message));
      if (run.status === null || ![0, 1, 2].includes(run.status)) problems.push(`status ${run.status} ${run.signal ?? ''}`);
      if (/internal error|\n\s+at /.test(run.stderr)) problems.push(`stderr: ${run.stderr.slice(0, 200)}`);
      if (run.status === 2 && run.stdout !== '') problems.push('refused after writing to stdout');
      if (run.stderr.length > 2000) problems.push(`an error of ${run.stderr.length} characters`);
      const verdict = problems.length === 0 ? 'ok  ' : 'FAIL';
      if (problems.length === 0) passed++;
      else failed++;
      const said = run.stderr.split('\n')[0].slice(0, 70);
      console.log(`${verdict} ${shape.padEnd(22)} ${(view.join(' ') || 'table').padEnd(16)} status ${run.status}  ${seconds.toFixed(1)} s  ${said}`);
      for (const problem of problems) console.log(`     ${problem}`);
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
console.log(`stress: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
