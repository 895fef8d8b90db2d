/**
 * Arrays of doubles: vectors and matrices, as NumPy keeps them (row by row, in one
 * Float64Array). A value of rank 0, a number, is not a Tensor: it stays a double in the graph's
 * column, and a program without arrays pays nothing for them.
 */

/** The sizes of an array's axes: [n] a vector, [rows, columns] a matrix; [] a number. */
export type Shape = readonly number[];

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
 * (n×k transposed), C is m×n, all row by row. The loops run i, p, j, so that the innermost
 * reads B and writes C along their rows, and a transposed B is read along its rows too by
 * swapping the roles of the two inner loops.
 */
export function multiply(
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  n: number,
  { transposeA = false, transposeB = false, into = new Float64Array(m * n), add = false } = {},
): Float64Array {
  const c = into;
  if (!add) c.fill(0);
  if (!transposeB) {
    for (let i = 0; i < m; i++) {
      const row = i * n;
      for (let p = 0; p < k; p++) {
        const aip = transposeA ? a[p * m + i] : a[i * k + p];
        if (aip === 0) continue;
        const bRow = p * n;
        for (let j = 0; j < n; j++) c[row + j] += aip * b[bRow + j];
      }
    }
    return c;
  }
  // B transposed: C[i][j] = Σ A[i][p]·B[j][p], a dot product of two rows.
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      const bRow = j * k;
      if (transposeA) for (let p = 0; p < k; p++) sum += a[p * m + i] * b[bRow + p];
      else {
        const aRow = i * k;
        for (let p = 0; p < k; p++) sum += a[aRow + p] * b[bRow + p];
      }
      c[i * n + j] += sum;
    }
  }
  return c;
}
