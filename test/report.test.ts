import { describe, expect, test } from 'vitest';
import { MAX_PAGE_NODES, MAX_VIEW_NODES } from '../src/report.js';
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
