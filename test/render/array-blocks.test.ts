import { describe, expect, test } from 'vitest';
import { cellWidth } from '../../src/render/wrap.js';
import { runInProcess } from '../io.js';

const widest = (text: string) => Math.max(...text.split('\n').map(cellWidth));

describe('arrays under the table', () => {
  test('a small array is printed whole, as NumPy prints it, with its gradient', async () => {
    const { stdout } = await runInProcess(['-e', 'L = sum(W * W)', 'W=[[1,2.5],[-3,4]]', '--no-color']);
    expect(stdout).toContain('│ W     │ (2×2) │     (2×2) │');
    expect(stdout).toContain('W (2×2) =\n[[ 1 2.5]\n [-3   4]]\n∂L/∂W =\n[[ 2 5]\n [-6 8]]\n');
  });

  test('a large one is cut to its corners, --full prints every element, and both fit the screen', async () => {
    const program = 'W = randn(8, 9)\nL = sum(W * W)';
    const cut = await runInProcess(['-e', program, '--seed', '2', '--no-color']);
    const rows = cut.stdout.slice(cut.stdout.indexOf('W (8×9) =')).split('\n');
    expect(rows.slice(1, 8).filter((row) => row === ' …')).toHaveLength(1);
    expect(rows[1].split(' … ')).toHaveLength(2);
    expect(widest(cut.stdout)).toBeLessThanOrEqual(80);
    const full = await runInProcess(['-e', program, '--seed', '2', '--no-color', '--full']);
    expect(full.stdout).not.toContain('…');
    expect(widest(full.stdout)).toBeLessThanOrEqual(80);
    // Every element is there: 72 of W, 72 of its gradient.
    const numbers = full.stdout.slice(full.stdout.indexOf('W (8×9) =')).match(/-?\d+(\.\d+)?(e-?\d+)?/g)!;
    expect(numbers.length).toBeGreaterThanOrEqual(144);
  });

  test('a row too wide for the screen goes on on the next line, its numbers still in their columns', async () => {
    const tail = Array.from({ length: 26 }, (_, i) => i + 5).join(',');
    const { stdout } = await runInProcess(['-e', 'L = sum(W * W)', `W=[[1,-22.5,3,4.25,${tail}],[100,2,-3,4,${tail}]]`, '--full', '--no-color']);
    const lines = stdout.slice(stdout.indexOf('W (2×30) =')).split('\n').slice(1, 5);
    expect(lines.every((line) => cellWidth(line) <= 80)).toBe(true);
    // Where each number ends, in the first row's pieces and the second's: the same columns.
    const ends = (line: string) => [...line.matchAll(/\d(?=[ \]]|$)/g)].map(({ index }) => index);
    expect(ends(lines[0])).toEqual(ends(lines[2]));
    expect(ends(lines[1])).toEqual(ends(lines[3]));
    expect(lines[2]).toMatch(/^ \[100 {5}2 -3 {4}4 5/);
  });

  test('--full prints a column of more rows than a call takes arguments', async () => {
    const rows = 200_000;
    const program = `v = ones(${rows}, 1)\nL = sum(v * v)`;
    const { status, stdout, stderr } = await runInProcess(['-e', program, '--full', '--no-color']);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout.match(/^ \[[12]\]\]?$/gm)).toHaveLength(2 * (rows - 1));
  });

  test('labels and data have no gradient; --check shows its table alone', async () => {
    const program = ['-e', 'L = softmax_with_loss(x, t)', 'x=[[0.3, 2.9, 4.0], [1.0, -0.5, 0.2]]', 't=[2, 0]', '--no-color'];
    const { stdout } = await runInProcess(program);
    expect(stdout).toContain('│ t     │   (2) │         – │');
    expect(stdout).toContain('t (2) =\n[2 0]\n');
    expect(stdout).not.toContain('∂L/∂t');
    const checked = await runInProcess([...program, '--check']);
    expect(checked.stdout).not.toContain('x (2×3) =');
  });
});
