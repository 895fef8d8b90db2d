/**
 * Arrays of doubles: vectors and matrices, as NumPy keeps them (row by row, in one
 * Float64Array). A value of rank 0, a number, is not a Tensor: it stays a double in the graph's
 * column, and a program without arrays pays nothing for them.
 */

/** The sizes of an array's axes: [n] a vector, [rows, columns] a matrix; [] a number. */
export type Shape = readonly number[];

/** The most rows and columns an array is written out whole with, in formulas and views: past it, its shape or its corners. */
export const SMALL = 6;

/** The most axes an array may have here: vectors and matrices, the book's chapter 5. */
export const MAX_RANK = 2;

export class Tensor {
  constructor(
    readonly shape: Shape,
    readonly data: Float64Array,
  ) {}

  static zeros(shape: Shape): Tensor {
    return new Tensor(shape, new Float64Array(size(shape)));
  }

  static filled(shape: Shape, value: number): Tensor {
    return new Tensor(shape, new Float64Array(size(shape)).fill(value));
  }

  get rank(): number {
    return this.shape.length;
  }

  get size(): number {
    return this.data.length;
  }

  /** Rows and columns, a vector being one row. */
  get rows(): number {
    return this.shape.length === 2 ? this.shape[0] : 1;
  }

  get columns(): number {
    return this.shape.at(-1) ?? 1;
  }

  copy(): Tensor {
    return new Tensor(this.shape, this.data.slice());
  }

  /** An array from nested lists, as toNested() gives them: a list of numbers, or of rows. */
  static fromNested(nested: readonly number[] | readonly (readonly number[])[]): Tensor {
    const rows = nested as readonly (readonly number[])[];
    if (!Array.isArray(rows[0])) return new Tensor([nested.length], Float64Array.from(nested as readonly number[]));
    return new Tensor([rows.length, rows[0].length], Float64Array.from(rows.flat()));
  }

  /** The array as nested lists, as JSON writes it. */
  toNested(): number[] | number[][] {
    if (this.rank === 1) return Array.from(this.data);
    return Array.from({ length: this.rows }, (_, i) => Array.from(this.data.subarray(i * this.columns, (i + 1) * this.columns)));
  }
}

/** A value of the graph: a number, or an array. */
export type Value = number | Tensor;

/** A value as JSON holds it: a number, or nested lists of numbers. */
export function plainValue(value: Value): number | number[] | number[][] {
  return typeof value === 'number' ? value : value.toNested();
}

/** Whether a number, or every element of an array, is a finite number. */
export function allFinite(value: Value): boolean {
  return typeof value === 'number' ? Number.isFinite(value) : value.data.every(Number.isFinite);
}

export function shapeOf(value: Value): Shape {
  return typeof value === 'number' ? [] : value.shape;
}

export function size(shape: Shape): number {
  return shape.reduce((product, n) => product * n, 1);
}

/** A shape as a message writes it: 2×3, 3, or a number. */
export function shapeText(shape: Shape): string {
  return shape.length === 0 ? '1' : shape.join('×');
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/**
 * The shape NumPy's broadcasting gives two shapes, aligned at their last axes: each pair of
 * sizes equal, or one of them 1 (or missing); undefined where they cannot be broadcast.
 */
export function broadcast(a: Shape, b: Shape): Shape | undefined {
  const rank = Math.max(a.length, b.length);
  const shape: number[] = [];
  for (let axis = 0; axis < rank; axis++) {
    const m = a[a.length - rank + axis] ?? 1;
    const n = b[b.length - rank + axis] ?? 1;
    if (m !== n && m !== 1 && n !== 1) return undefined;
    shape.push(Math.max(m, n));
  }
  return shape;
}

/**
 * Where each element of an array of shape `to` reads its element of `from`, broadcast: the
 * steps from one row, and from one column, to the next (0 along an axis `from` repeats).
 */
export function strides(from: Shape, to: Shape): { row: number; column: number } {
  const columns = from.length === 0 ? 1 : from[from.length - 1];
  const column = from.length >= 1 && columns > 1 ? 1 : 0;
  const row = to.length === 2 && from.length === 2 && from[0] > 1 ? columns : 0;
  return { row, column };
}

/**
 * C = op(A) · op(B), where op transposes when asked: A is m×k (k×m transposed), B is k×n
 * (n×k transposed), C is m×n, all row by row. Each element is the dot product of a row of
 * op(A) and a column of op(B), summed p = 0, 1, … as on paper, so it rounds as the product
 * written plainly does (a property test holds it to that). For speed the columns of op(B)
 * are laid out as rows first, and the products are taken two rows by four columns at a time:
 * eight sums kept in registers, each number of A read once for four of them and of B for two.
 * About twice the speed of the loops as written, or more, measured in the bench.
 */
export function multiply(
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
  { transposeA = false, transposeB = false } = {},
): Float64Array {
  const rows = transposeA ? transposeData(a, k, m) : a;
  const columns = transposeB ? b : transposeData(b, k, n);
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i += 2) {
    // A last row or column short of a pair or a four is clamped to the last one, computed again.
    const i1 = Math.min(i + 1, m - 1);
    const a0 = i * k;
    const a1 = i1 * k;
    for (let j = 0; j < n; j += 4) {
      const j1 = Math.min(j + 1, n - 1);
      const j2 = Math.min(j + 2, n - 1);
      const j3 = Math.min(j + 3, n - 1);
      const [b0, b1, b2, b3] = [j * k, j1 * k, j2 * k, j3 * k];
      let [s00, s01, s02, s03, s10, s11, s12, s13] = [0, 0, 0, 0, 0, 0, 0, 0];
      for (let p = 0; p < k; p++) {
        const x0 = rows[a0 + p];
        const x1 = rows[a1 + p];
        const y0 = columns[b0 + p];
        const y1 = columns[b1 + p];
        const y2 = columns[b2 + p];
        const y3 = columns[b3 + p];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      // Where an index was clamped, its column's sum is written again: the same number.
      [c[i * n + j], c[i * n + j1], c[i * n + j2], c[i * n + j3]] = [s00, s01, s02, s03];
      [c[i1 * n + j], c[i1 * n + j1], c[i1 * n + j2], c[i1 * n + j3]] = [s10, s11, s12, s13];
    }
  }
  return c;
}

/** A rows × columns matrix, row by row, transposed: columns × rows. */
export function transposeData(x: Float64Array, rows: number, columns: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) out[j * rows + i] = x[i * columns + j];
  return out;
}
