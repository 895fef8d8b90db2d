import { InputError, MathError } from './errors.js';
import type { LayerClass } from './layers.js';
import { label } from './notation.js';
import { formatNumber } from './numbers.js';
import type { Result } from './result.js';

/** The step of the central difference, 1e-4 as in the book's numerical_gradient, times the value's scale. */
export const STEP = 1e-4;
/** Backprop and the numerical gradient agree when |backprop − numerical| ≤ ABSOLUTE + RELATIVE·|numerical| (PyTorch gradcheck's tolerances). */
export const ABSOLUTE = 1e-5;
export const RELATIVE = 1e-3;
/** 2N forward passes of the whole graph: past this many node evaluations, --check refuses. */
const MAX_WORK = 2e8;

/** agrees; disagrees (status 1); kink: the step crosses a kink (a relu's input crosses 0); domain: x ± h leaves where the function is defined. */
export type Verdict = 'agrees' | 'disagrees' | 'kink' | 'domain';

export interface InputCheck {
  node: number;
  numerical: number;
  /** |backprop − numerical| / max(|backprop|, |numerical|). */
  error: number;
  verdict: Verdict;
  /** The node at whose kink the input is (a relu, abs, max, ...). */
  kink?: number;
}

export interface Check {
  inputs: InputCheck[];
  backprop: { forwardPasses: 1; backwardPasses: 1; milliseconds: number };
  numerical: { forwardPasses: number; milliseconds: number };
}

/**
 * The seed's first point, measured: every input's gradient again by central differences,
 * (f(x + h) − f(x − h)) / 2h, which costs two forward passes per input where backprop
 * needed one forward and one backward pass for all of them.
 */
export function check(result: Result): Check {
  const { graph, output, inputs } = result;
  const passes = 2 * inputs.length;
  if (passes * graph.size > MAX_WORK) {
    throw new InputError(`--check would run ${passes} forward passes over ${graph.size} nodes, too many to wait for: leave it out for this graph`);
  }
  // The nodes with a kink (relu, abs, max, ...), and which side of it their arguments are on.
  const kinkOf = (node: number) => (graph.layer(node)?.constructor as LayerClass | undefined)?.kink;
  const kinked = Array.from({ length: graph.size }, (_, node) => node).filter((node) => kinkOf(node) !== undefined);
  const side = (node: number) => {
    const [x, y] = graph.args(node).map((argument) => graph.value(argument));
    return Math.sign(kinkOf(node)!(x, y));
  };

  const estimate = () => inputs.map((node) => {
    const x = graph.value(node);
    const h = STEP * Math.max(1, Math.abs(x));
    const at = (value: number) => {
      graph.setValue(node, value);
      graph.forward();
      return { output: graph.value(output), sides: kinked.map(side) };
    };
    const plus = at(x + h);
    const minus = at(x - h);
    graph.setValue(node, x);
    const kink = kinked.find((_, i) => plus.sides[i] !== minus.sides[i]);
    return { node, numerical: (plus.output - minus.output) / (2 * h), kink };
  });
  const [estimates, numericalMilliseconds] = timed(estimate);
  // Backprop again, on the same footing; it also leaves the graph as evaluate() left it.
  const [, backpropMilliseconds] = timed(() => {
    graph.forward();
    graph.backward(output);
  });

  return {
    inputs: estimates.map(({ node, numerical, kink }) => {
      const grad = graph.grad(node);
      const scale = Math.max(Math.abs(grad), Math.abs(numerical));
      const error = scale === 0 ? 0 : Math.abs(grad - numerical) / scale;
      const verdict: Verdict = !Number.isFinite(numerical)
        ? 'domain'
        : kink !== undefined
          ? 'kink'
          : Math.abs(grad - numerical) <= ABSOLUTE + RELATIVE * Math.abs(numerical)
            ? 'agrees'
            : 'disagrees';
      return { node, numerical, error, verdict, kink };
    }),
    backprop: { forwardPasses: 1, backwardPasses: 1, milliseconds: backpropMilliseconds },
    numerical: { forwardPasses: passes, milliseconds: numericalMilliseconds },
  };
}

/**
 * Runs `work` again and again for two milliseconds and gives its last result and the mean
 * time of one run: one run of a small graph takes microseconds, too few to time alone.
 */
function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  let runs = 0;
  let result: T;
  do {
    result = work();
    runs++;
  } while (performance.now() - started < 2);
  return [result, (performance.now() - started) / runs];
}

/** Throws the status-1 error that --check owes a disagreement, naming the worst one. */
export function assertAgreement({ graph, outputName }: Result, { inputs }: Check): void {
  const disagreeing = inputs.filter((input) => input.verdict === 'disagrees');
  if (disagreeing.length === 0) return;
  const worst = disagreeing.reduce((a, b) => (b.error > a.error ? b : a));
  const number = (x: number) => formatNumber(x, 6);
  const others = disagreeing.length > 1 ? ` (and ${disagreeing.length - 1} more)` : '';
  throw new MathError(
    `--check: ∂${outputName}/∂${label(graph, worst.node)} disagrees${others}: backprop ${number(graph.grad(worst.node))}, ` +
      `numerical ${number(worst.numerical)}, beyond ${ABSOLUTE} + ${RELATIVE} × |numerical|`,
  );
}
