import { CheckError, InputError } from './errors.js';
import { text } from './messages/index.js';
import { label } from './notation.js';
import { formatNumber } from './numbers.js';
import type { Graph } from './graph.js';
import { MAX_WORK, type Result } from './result.js';

/**
 * The step of the central difference: the book's numerical_gradient takes a fixed h = 1e-4;
 * here it is scaled by max(1, |x|), so that it stays a small step for large inputs.
 */
export const STEP = 1e-4;
/** Backprop and the numerical gradient agree when |backprop − numerical| ≤ ABSOLUTE + RELATIVE·|numerical| (PyTorch gradcheck's tolerances). */
export const ABSOLUTE = 1e-5;
export const RELATIVE = 1e-3;
/** Each method is run again and again for at least this long, and its median time reported. */
const TIMING_MILLISECONDS = 10;

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
  /** What each method cost: its passes, and unless the check was not timed, the median time of one run. */
  backprop: { forwardPasses: 1; backwardPasses: 1; milliseconds?: number };
  numerical: { forwardPasses: number; milliseconds?: number };
}

export interface CheckOptions {
  /**
   * Whether to time both methods, running each again and again for at least 10 ms: the
   * command line does, to show what each costs; --batch does not, a check a line.
   */
  timed?: boolean;
}

/**
 * Why backpropagation exists, measured: every input's gradient again by central differences,
 * (f(x + h) − f(x − h)) / 2h, which costs two forward passes per input where backprop
 * needed one forward and one backward pass for all of them.
 */
export function check(result: Result, { timed: timing = true }: CheckOptions = {}): Check {
  const { graph, output, inputs } = result;
  checkable(graph);
  const passes = 2 * inputs.length;
  // The nodes with a kink (relu, abs, max, ...), and which side of it their arguments are on.
  const kinkOf = (node: number) => graph.operation(node)?.layer.kink;
  const kinked: number[] = [];
  for (let node = 0; node < graph.size; node++) if (kinkOf(node) !== undefined) kinked.push(node);
  const side = (node: number) => {
    const [x, y] = graph.args(node).map((argument) => graph.value(argument));
    return Math.sign(kinkOf(node)!(x, y));
  };

  const estimate = () => inputs.map((node) => {
    const x = graph.value(node);
    const h = STEP * Math.max(1, Math.abs(x));
    const at = (value: number) =>
      graph.with([[node, value]], () => {
        graph.forward();
        return { output: graph.value(output), sides: kinked.map(side) };
      });
    const plus = at(x + h);
    const minus = at(x - h);
    const kink = kinked.find((_, i) => plus.sides[i] !== minus.sides[i]);
    return { node, numerical: (plus.output - minus.output) / (2 * h), kink };
  });
  const [estimates, numericalMilliseconds] = timing ? timed(estimate) : [estimate()];
  // Backprop again, on the same footing.
  const [, backpropMilliseconds] = timing
    ? timed(() => {
        graph.forward();
        graph.backward(output);
      })
    : [];

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
 * Refuses to check a graph whose check would take minutes (its 2 forward passes an input
 * evaluate more than MAX_WORK nodes): known once it is parsed, before anything is computed.
 */
export function checkable(graph: Graph): void {
  const passes = 2 * graph.inputs().length;
  if (passes * graph.size > MAX_WORK) throw new InputError(text('checkTooLong', passes, graph.size));
}

/**
 * Runs `work` in batches until it has run for TIMING_MILLISECONDS, and gives its last result
 * and the median time of one run. A run of a small graph takes microseconds, too few to time
 * alone, so a batch holds enough runs to take a fifth of a millisecond; the median of the
 * batches is not thrown off by a pause for garbage collection or another process. The first
 * run warms the code up and is not counted, unless it took so long (a large graph) that the
 * warming up is lost in it.
 */
function timed<T>(work: () => T): [T, number] {
  const first = performance.now();
  let result = work();
  const once = performance.now() - first;
  if (once >= 10 * TIMING_MILLISECONDS) return [result, once];
  let size = 1;
  const times: number[] = [];
  for (let spent = 0; spent < TIMING_MILLISECONDS || times.length < 5; ) {
    const started = performance.now();
    for (let i = 0; i < size; i++) result = work();
    const time = performance.now() - started;
    spent += time;
    if (times.length === 0 && time < 0.2) size *= 2;
    else times.push(time / size);
  }
  times.sort((a, b) => a - b);
  return [result, times[Math.floor(times.length / 2)]];
}

/** The status-1 error that --check owes a disagreement, naming the worst one; none if all agree. */
export function disagreement({ graph, outputName }: Result, { inputs }: Check): CheckError | undefined {
  const disagreeing = inputs.filter((input) => input.verdict === 'disagrees');
  if (disagreeing.length === 0) return undefined;
  const worst = disagreeing.reduce((a, b) => (b.error > a.error ? b : a));
  const number = (x: number) => formatNumber(x, 6);
  const others = disagreeing.length > 1 ? text('andMore', disagreeing.length - 1) : '';
  const derivative = `∂${outputName}/∂${label(graph, worst.node)}`;
  return new CheckError(
    text('checkDisagrees', derivative, others, number(graph.grad(worst.node)), number(worst.numerical), ABSOLUTE, RELATIVE),
    { name: graph.name(worst.node) },
  );
}
