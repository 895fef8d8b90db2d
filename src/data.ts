import { gunzipSync } from 'node:zlib';
import { InputError } from './errors.js';
import { text } from './messages/index.js';
import { Random } from './random.js';
import { Tensor } from './tensor.js';

/**
 * The data --data feeds a program as its inputs x and t: points or images, one a row, and
 * their classes, one a row. Nothing is ever downloaded: the spiral is made from the seed,
 * and MNIST is read from files the user already has.
 */
export interface Data {
  x: Tensor;
  t: Tensor;
}

/** The spiral's classes, and its points in each. */
export const SPIRAL_CLASSES = 3;
export const SPIRAL_POINTS = 30;

/**
 * Three arms of a spiral in the plane, one a class, 30 points each: no straight line parts
 * them, so a net needs its hidden layer to learn them. Point i of arm k is at radius
 * r = (i + 1) / 30 (never 0, where the arms would meet) and angle 4k + 4r radians, the angle
 * shaken by normal noise of deviation 0.1, drawn from the seed: a seed gives the same points
 * everywhere.
 */
export function spiral(seed: number): Data {
  // A stream of its own, so that the points are not the numbers the weights' randn draws.
  const random = new Random((seed ^ 0x9e3779b9) >>> 0);
  const count = SPIRAL_CLASSES * SPIRAL_POINTS;
  const x = Tensor.zeros([count, 2]);
  const t = Tensor.zeros([count]);
  for (let k = 0; k < SPIRAL_CLASSES; k++) {
    for (let i = 0; i < SPIRAL_POINTS; i++) {
      const row = k * SPIRAL_POINTS + i;
      const r = (i + 1) / SPIRAL_POINTS;
      const angle = 4 * k + 4 * r + 0.1 * random.normal();
      x.data[2 * row] = r * Math.sin(angle);
      x.data[2 * row + 1] = r * Math.cos(angle);
      t.data[row] = k;
    }
  }
  return { x, t };
}

/** How many of MNIST's training images --data mnist feeds: the book's batch size. */
export const MNIST_IMAGES = 100;

/**
 * How much of an MNIST file is read: of one as published, the header and the images fed (28 × 28
 * bytes each, more than the labels need); a gzipped one whole (MNIST's largest is 9.9 MB).
 */
export const MNIST_READ = { raw: 16 + MNIST_IMAGES * 28 * 28, gzipped: 2 ** 26 };

/** The MNIST files --data mnist reads, each as is or gzipped (.gz), as they are published. */
export const MNIST_FILES: { images: string; labels: string } = { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' };

/**
 * The first MNIST_IMAGES training images, 784 pixels each scaled to [0, 1] as the book's
 * load_mnist(normalize=True) does, and their labels, from the bytes of the two IDX files
 * (gzipped or not).
 */
export function mnist(images: Uint8Array, labels: Uint8Array): Data {
  const pixels = idx(images, 3, MNIST_FILES.images);
  const classes = idx(labels, 1, MNIST_FILES.labels);
  const [count, rows, columns] = pixels.sizes;
  const size = rows * columns;
  // A file cut short gives the images it holds whole.
  const n = Math.min(MNIST_IMAGES, count, classes.sizes[0], Math.floor(pixels.bytes.length / size), classes.bytes.length);
  if (!(n > 0)) throw new InputError(text('notMnist', MNIST_FILES.images));
  const x = Tensor.zeros([n, size]);
  for (let i = 0; i < n * size; i++) x.data[i] = pixels.bytes[i] / 255;
  const t = Tensor.zeros([n]);
  for (let i = 0; i < n; i++) t.data[i] = classes.bytes[i];
  return { x, t };
}

/**
 * An IDX file of unsigned bytes (type 0x08) with `axes` axes: its sizes and its data. The
 * header is two zero bytes, the type, the number of axes, then each size as 32 bits, big-endian.
 */
function idx(given: Uint8Array, axes: number, name: string): { sizes: number[]; bytes: Uint8Array } {
  const bytes = given[0] === 0x1f && given[1] === 0x8b ? unzipped(given, name) : given;
  const header = 4 + 4 * axes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < header || view.getUint16(0) !== 0 || bytes[2] !== 0x08 || bytes[3] !== axes) throw new InputError(text('notMnist', name));
  const sizes = Array.from({ length: axes }, (_, i) => view.getUint32(4 + 4 * i));
  return { sizes, bytes: bytes.subarray(header) };
}

function unzipped(bytes: Uint8Array, name: string): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch {
    throw new InputError(text('notMnist', name));
  }
}
