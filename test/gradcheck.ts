/**
 * The numerical gradient the book checks backprop against: a central difference,
 * (f(x + h) − f(x − h)) / 2h, with h relative to the size of x.
 */
export function centralDifference(f: (xs: number[]) => number, xs: number[], i: number, h = 1e-6): number {
  const step = h * Math.max(1, Math.abs(xs[i]));
  const at = (delta: number) => f(xs.map((x, j) => (j === i ? x + delta : x)));
  return (at(step) - at(-step)) / (2 * step);
}
