import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { mnist, MNIST_IMAGES, spiral, SPIRAL_CLASSES, SPIRAL_POINTS } from '../src/data.js';
import { InputError } from '../src/errors.js';
import { runInProcess } from './io.js';
import { expectValid } from './schema.js';

/** An IDX file of unsigned bytes: the header (type 0x08, the axes' sizes, big-endian), then the bytes. */
function idxFile(sizes: number[], bytes: number[]): Buffer {
  const header = Buffer.alloc(4 + 4 * sizes.length);
  header[2] = 0x08;
  header[3] = sizes.length;
  sizes.forEach((size, i) => header.writeUInt32BE(size, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(bytes)]);
}

/** `count` images of 28 × 28, image i all of pixel value i, and labels i mod 10. */
function mnistFiles(count: number): { images: Buffer; labels: Buffer } {
  const pixels = Array.from({ length: count * 784 }, (_, p) => Math.floor(p / 784) % 256);
  return { images: idxFile([count, 28, 28], pixels), labels: idxFile([count], Array.from({ length: count }, (_, i) => i % 10)) };
}

describe('spiral', () => {
  test('three arms of 30 points, the class of each its arm, inside the unit circle', () => {
    const { x, t } = spiral(1);
    expect(x.shape).toEqual([SPIRAL_CLASSES * SPIRAL_POINTS, 2]);
    expect(Array.from(t.data)).toEqual(Array.from({ length: 90 }, (_, i) => Math.floor(i / 30)));
    for (let row = 0; row < 90; row++) {
      const radius = Math.hypot(x.data[2 * row], x.data[2 * row + 1]);
      expect(radius).toBeCloseTo(((row % 30) + 1) / 30, 12);
    }
  });

  test('a seed gives the same points every time, and another seed others', () => {
    expect(spiral(7).x.data).toEqual(spiral(7).x.data);
    expect(spiral(7).x.data).not.toEqual(spiral(8).x.data);
    // Fixed for every machine and version: the generator is integer arithmetic, and the rest Math.sin and cos of it.
    const { data } = spiral(1).x;
    expect([data[0], data[1], data[178], data[179]].map((v) => v.toPrecision(12))).toEqual(['0.00230080878334', '0.0332538327122', '-0.578940439272', '0.815369834968']);
  });
});

describe('mnist', () => {
  test('the first images, pixels scaled to [0, 1] as the book normalizes them, and their labels', () => {
    const { images, labels } = mnistFiles(MNIST_IMAGES + 5);
    const { x, t } = mnist(images, labels);
    expect(x.shape).toEqual([MNIST_IMAGES, 784]);
    expect(x.data[784 * 3]).toBe(3 / 255);
    expect(Array.from(t.data.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
  });

  test('gzipped files read the same', () => {
    const { images, labels } = mnistFiles(10);
    expect(mnist(gzipSync(images), gzipSync(labels))).toEqual(mnist(images, labels));
    expect(mnist(images, labels).x.shape).toEqual([10, 784]);
  });

  test('a file that is not MNIST’s is named', () => {
    const { images, labels } = mnistFiles(3);
    expect(() => mnist(Buffer.from('hello'), labels)).toThrow(InputError);
    expect(() => mnist(Buffer.from('hello'), labels)).toThrow(`'train-images-idx3-ubyte' is not an MNIST file (IDX, unsigned bytes): give the folder of the MNIST training files, as published`);
    expect(() => mnist(images, images)).toThrow(/'train-labels-idx1-ubyte' is not an MNIST file/);
    expect(() => mnist(Buffer.from([0x1f, 0x8b, 1, 2]), labels)).toThrow(/'train-images-idx3-ubyte' is not an MNIST file/);
    // Cut short: the images it holds whole.
    expect(mnist(images.subarray(0, 16 + 784 + 100), labels).x.shape).toEqual([1, 784]);
  });
});

describe('--data through the command line', () => {
  const spiralNet = readFileSync('examples/spiral.bp', 'utf8');
  const run = (argv: string[], files: Record<string, string | Buffer> = {}) => runInProcess(argv, { files: { 'spiral.bp': spiralNet, ...files } });

  test('--data spiral: the example net learns every point of it', async () => {
    const { status, stdout } = await run(['-f', 'spiral.bp', '--data', 'spiral', '--seed', '1', '--train', '--rate', '1', '--epochs', '500', '--json']);
    expect(status).toBe(0);
    const training = JSON.parse(stdout);
    expect(Object.keys(training.trained)).toEqual(['W1', 'b1', 'W2', 'b2']);
    expect(training.accuracy).toMatchObject({ final: 1, rows: 90 });
    expectValid('training', stdout);
  });

  test('without --seed, the seed drawn is told, and gives the same run again', async () => {
    const first = await run(['-f', 'spiral.bp', '--data', 'spiral', '--json']);
    const seed = /--seed (\d+)/.exec(first.stderr)![1];
    // A note goes on, indented, past 80 columns (a seed of ten digits takes 81).
    expect(first.stderr.replaceAll('\n    ', ' ')).toMatch(/^note: random numbers from --seed \d+ \(give it to have the same ones again\)\n$/);
    const again = await run(['-f', 'spiral.bp', '--data', 'spiral', '--json', '--seed', seed]);
    expect(again.stdout).toBe(first.stdout);
  });

  test('--data mnist DIR: the first images of the folder as x, their labels as t', async () => {
    const { images, labels } = mnistFiles(3);
    const program = 'W = zeros(784, 10); b = zeros(10)\nloss = softmax_with_loss(affine(x, W, b), t)';
    const { status, stdout } = await runInProcess(['-e', program, '--data', 'mnist', 'm', '--json'], {
      files: { 'm/train-images-idx3-ubyte': images, 'm/train-labels-idx1-ubyte.gz': gzipSync(labels) },
    });
    expect(status).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.shapes).toMatchObject({ x: [3, 784], t: [3] });
    // Every score 0: each of the ten classes 1/10.
    expect(document.value).toBeCloseTo(Math.log(10), 12);
    // Image 1 is all 1/255, labelled 1: ∂loss/∂b is (y − t) summed over the images, over 3.
    expect(document.gradients.b[1]).toBeCloseTo((0.3 - 1) / 3, 12);
  });

  test.each([
    [['-f', 'spiral.bp', '--data', 'mnist'], /^error: --data mnist needs the folder of the MNIST files after it: --data mnist DIR\n$/],
    [['-f', 'spiral.bp', '--data', 'mnist', 'nowhere'], /^error: --data mnist: there is no train-images-idx3-ubyte \(or train-images-idx3-ubyte\.gz\) in 'nowhere': .*downloads nothing\)\n$/],
    [['-f', 'spiral.bp', '--data', 'spiral', 'x=1'], /^error: 'x=1': --data spiral gives this input its value; leave out one of them\n$/],
    [['x * 2', '--data', 'spiral'], /^error: --data spiral gives the inputs x and t: the program has no input 't'/],
    [['apple=1x2', '--data', 'spiral'], /^error: --data spiral gives a program its inputs x and t: give a program \(-e or -f\) that uses them\n$/],
    [['-f', 'spiral.bp', '--data', 'spiral', '--batch'], /"code":"not-with-batch"/],
    [['-f', 'spiral.bp', '--data', 'iris'], /^error: option '--data <source>' argument 'iris' is invalid\. Allowed choices are spiral, mnist\./],
  ])('%j is refused, saying what to do', async (argv, message) => {
    const { status, stdout, stderr } = await run(argv);
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toMatch(message);
  });
});
