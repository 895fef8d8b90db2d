import { describe, expect, test } from 'vitest';
import { MAX_PAGE_NODES, MAX_VIEW_NODES } from '../src/render/limit.js';
import { runInProcess as cli } from './io.js';

describe('views that print every node', () => {
  // A chain of negations one node longer than the views take.
  const chain = `y = ${'-'.repeat(MAX_VIEW_NODES)}x`;

  test.each([['--steps'], ['--graph'], ['--format', 'dot'], ['--format', 'mermaid'], ['--steps', '--json'], ['--graph', '--json']])(
    '%s refuses a program past the limit before writing anything',
    async (...view) => {
      const { status, stdout, stderr } = await cli(['-f', '-', 'x=2', ...view], { stdin: chain });
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`more than ${MAX_VIEW_NODES}`);
    },
  );

  test('--format html refuses a program of more nodes than a page opens with, before writing anything', async () => {
    const { status, stdout, stderr } = await cli(['-f', '-', 'x=2', '--format', 'html'], { stdin: `y = ${'-'.repeat(MAX_PAGE_NODES)}x` });
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toBe(
      `error: --format html shows every node, and this program has ${MAX_PAGE_NODES + 1} nodes, more than ${MAX_PAGE_NODES}: leave --format html out (--json and the table show any size)\n`,
    );
    const within = await cli(['-f', '-', 'x=2', '--format', 'html'], { stdin: `y = ${'-'.repeat(MAX_PAGE_NODES - 1)}x` });
    expect(within.status).toBe(0);
  });

  test('the table and --json take the same program', async () => {
    const { status, stdout } = await cli(['-f', '-', 'x=2', '--json'], { stdin: chain });
    expect(status).toBe(0);
    expect(JSON.parse(stdout).gradients.x).toBe(1);
  });
});

describe('work refused as soon as the graph is known, before any of it is computed', () => {
  // ±x − 2 at x = 2 is 0 or -4, where log has no value: had the program been evaluated, that
  // would be the error. Its nodes: the negations, x, 2, − and log.
  const failing = (negations: number) => `y = log(${'-'.repeat(negations)}x - 2)`;

  test('--format svg: a graph too large to draw', async () => {
    const { status, stdout, stderr } = await cli(['-e', failing(2001), 'x=2', '--format', 'svg']);
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toBe("error: the graph has 2005 nodes, too many to draw (at most 2000): use --format dot and Graphviz's own tools\n");
  });

  test('--check: more forward passes than are worth waiting for', async () => {
    const inputs = Array.from({ length: 100 }, (_, i) => `a${i}`);
    const { status, stderr } = await cli(['-e', `${failing(300_000)} * ${inputs.join(' * ')}`, 'x=2', ...inputs.map((name) => `${name}=1`), '--check']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^error: --check would run 202 forward passes over 300204 nodes, too many to wait for/);
  });

  test('--nudge: a forward pass a nudge, too many for the graph', async () => {
    const { status, stderr } = await cli(['-e', failing(1_000_000), 'x=2', ...Array(50).fill(['--nudge', 'x=+1']).flat()]);
    expect(status).toBe(2);
    expect(stderr).toBe('error: 50 nudges would run 50 forward passes over 1000004 nodes, too many to wait for: give fewer --nudge\n');
  });

  test('--train: epochs over the graph past what is worth waiting for, said with how many it takes', async () => {
    const { status, stderr } = await cli(['-e', failing(100_000), 'x=2', '--train']);
    expect(status).toBe(2);
    expect(stderr).toBe('error: --train would run 200 epochs over 100004 nodes, too many to wait for: give at most 166 for this graph (--epochs)\n');
    // As many epochs as it takes are run: here the program is evaluated, and its error told.
    const within = await cli(['-e', failing(100_000), 'x=2', '--train', '--epochs', '166']);
    expect(within.stderr).toBe('error: y is infinite: log(0) = -Infinity\n');
  });
});
