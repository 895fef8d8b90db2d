import { CheckError, InputError } from './errors.js';
import { text } from './messages/index.js';
import { label } from './notation.js';
import { formatNumber } from './numbers.js';
import type { Program } from './graph.js';
import { MAX_ARRAY_WORK, MAX_WORK, parameters, type Result } from './result.js';
import { size, Tensor } from './tensor.js';

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

/**
 * agrees; disagrees (status 1); kink: the step crosses a kink (a relu's input crosses 0);
 * domain: x ± h leaves where the function is defined; inconclusive: the central difference
 * itself changes with its step (sin at 10^10, 1/x near 0), so it cannot judge backprop.
 */
export type Verdict = 'agrees' | 'disagrees' | 'kink' | 'domain' | 'inconclusive';

export interface InputCheck {
  node: number;
  /** The numerical gradient: a number, or for an array an array of its shape, element by element. */
  numerical: number | Tensor;
  /** |backprop − numerical| / max(|backprop|, |numerical|): for an array, its largest over the elements. */
  error: number;
  /** For an array, the book's figure: the mean of |backprop − numerical| over its elements. */
  difference?: number;
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
  /** Told how many of the forward passes are done, now and then (every 100 ms at most), for a progress line. */
  progress?: (done: number, total: number) => void;
}

/** How many disagreeing elements of an array are looked at more closely (a kink, a step too coarse): past that, it disagrees. */
const MOST_LOOKS = 100;

/** A progress report comes at most this often, in milliseconds. */
const PROGRESS_EVERY = 100;

/**
 * Why backpropagation exists, measured: every input's gradient again by central differences,
 * (f(x + h) − f(x − h)) / 2h, which costs two forward passes per input where backprop
 * needed one forward and one backward pass for all of them.
 */
export function check(result: Result, { timed: timing = true, progress }: CheckOptions = {}): Check {
  const { graph, output } = result;
  checkable(result);
  // Labels and --data's inputs are data: they have no gradient to check.
  const inputs = parameters(result);
  if (graph.hasArrays) return checkArrays(result, inputs, { timed: timing, progress });
  const passes = 2 * inputs.length;
  // The nodes with a kink (relu, abs, max, ...): which side of it their arguments are on.
  const kinked = graph.kinked();
  const side = (node: number) => graph.kinkSide(node);
  const estimate = () => inputs.map((node) => {
    const x = graph.value(node);
    const h = STEP * Math.max(1, Math.abs(x));
    const at = (value: number) =>
      graph.with([[node, value]], () => {
        graph.forward();
        return { output: graph.value(output), exact: graph.exactValue(output), input: graph.exactValue(node), sides: kinked.map(side) };
      });
    const plus = at(x + h);
    const minus = at(x - h);
    const kink = kinked.find((_, i) => plus.sides[i] !== minus.sides[i]);
    // Where the outputs are exact, so is their difference over the step: no rounding in the estimate itself.
    const step = plus.input !== undefined && minus.input !== undefined ? plus.input.minus(minus.input) : undefined;
    const exact = plus.exact !== undefined && minus.exact !== undefined && step !== undefined ? plus.exact.minus(minus.exact)?.over(step) : undefined;
    return { node, numerical: exact?.toNumber() ?? (plus.output - minus.output) / (2 * h), kink };
  });
  const [estimates, numericalMilliseconds] = timing ? timed(estimate) : [estimate()];
  const difference = (node: number, h: number) => {
    const x = graph.value(node);
    const at = (value: number) => graph.with([[node, value]], () => (graph.forward(), graph.value(output)));
    return (at(x + h) - at(x - h)) / (2 * h);
  };
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
          : close(grad, numerical)
            ? 'agrees'
            : steady((h) => difference(node, h), STEP * Math.max(1, Math.abs(graph.value(node))))
              ? 'disagrees'
              : 'inconclusive';
      return { node, numerical, error, verdict, kink };
    }),
    backprop: { forwardPasses: 1, backwardPasses: 1, milliseconds: backpropMilliseconds },
    numerical: { forwardPasses: passes, milliseconds: numericalMilliseconds },
  };
}

/** Whether backprop's gradient and the numerical one agree: PyTorch gradcheck's rule. */
function close(grad: number, numerical: number): boolean {
  return Math.abs(grad - numerical) <= ABSOLUTE + RELATIVE * Math.abs(numerical);
}

/**
 * Whether the central difference at step h stays what it is at h/10 and h/100: only then can
 * it call backprop wrong. Where it does not (a step too coarse for sin at 10^10, for 1/x near
 * 0), a right gradient would be called wrong.
 */
function steady(difference: (h: number) => number, h: number): boolean {
  const first = difference(h);
  return [h / 10, h / 100].every((step) => close(difference(step), first));
}

/**
 * The check of a program with arrays, element by element as the book's numerical_gradient
 * goes: each element of each array moved by ±h on its own (Graph.probe computes again only
 * what it reaches), each input summed up by the book's figure, the mean of |backprop −
 * numerical|, beside the largest relative error. The numerical side is timed once: it takes long enough.
 */
function checkArrays(result: Result, inputs: number[], { timed: timing, progress }: CheckOptions): Check {
  const { graph, output } = result;
  const passes = 2 * inputs.reduce((sum, node) => sum + (graph.tensor(node)?.size ?? 1), 0);
  const kinked = graph.kinked();
  let done = 0;
  let reported = -Infinity;
  const started = performance.now();
  const checks = inputs.map((node): InputCheck => {
    const tensor = graph.tensor(node);
    const values = tensor?.data ?? Float64Array.of(graph.value(node));
    const gradient = graph.gradOf(node);
    const gradients = typeof gradient === 'number' ? Float64Array.of(gradient) : gradient.data;
    const at = (i: number, moved: number, during?: () => void) =>
      tensor === undefined ? graph.with([[node, moved]], () => (graph.forward(), during?.(), graph.value(output))) : graph.probe(node, i, moved, output, during);
    const step = (i: number) => STEP * Math.max(1, Math.abs(values[i]));
    const central = (i: number, h: number) => (at(i, values[i] + h) - at(i, values[i] - h)) / (2 * h);
    const numerical = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      numerical[i] = central(i, step(i));
      done += 2;
      if (progress !== undefined && performance.now() - reported >= PROGRESS_EVERY) {
        reported = performance.now();
        progress(done, passes);
      }
    }
    let [difference, error, finite] = [0, 0, true];
    const disagreeing: number[] = [];
    for (let i = 0; i < numerical.length; i++) {
      const [grad, estimate] = [gradients[i], numerical[i]];
      const scale = Math.max(Math.abs(grad), Math.abs(estimate));
      difference += Math.abs(grad - estimate) / numerical.length;
      error = Math.max(error, scale === 0 ? 0 : Math.abs(grad - estimate) / scale);
      if (!close(grad, estimate)) disagreeing.push(i);
      finite &&= Number.isFinite(estimate);
    }
    // An element whose two steps land on two sides of a kink has no derivative to agree with.
    const sides = (i: number, moved: number) => {
      let seen: Float64Array[] = [];
      at(i, moved, () => (seen = kinked.map((k) => graph.kinkSides(k).slice())));
      return seen;
    };
    const kinkOf = (i: number) => {
      const [plus, minus] = [sides(i, values[i] + step(i)), sides(i, values[i] - step(i))];
      return kinked.find((_, k) => plus[k].some((side, e) => side !== minus[k][e]));
    };
    // Each element that disagrees, looked at more closely, while there are few: at a kink, or
    // where the central difference changes with its step, it cannot call backprop wrong.
    const looked = disagreeing.length <= MOST_LOOKS ? disagreeing.map((i) => kinkOf(i) ?? (steady((h) => central(i, h), step(i)) ? 'disagrees' : 'inconclusive')) : ['disagrees'];
    const kink = looked.find((found) => typeof found === 'number') as number | undefined;
    const verdict: Verdict = !finite
      ? 'domain'
      : disagreeing.length === 0
        ? 'agrees'
        : looked.includes('disagrees')
          ? 'disagrees'
          : looked.includes('inconclusive')
            ? 'inconclusive'
            : 'kink';
    return { node, numerical: tensor === undefined ? numerical[0] : new Tensor(tensor.shape, numerical), error, difference, verdict, kink };
  });
  const numericalMilliseconds = performance.now() - started;
  const [, backpropMilliseconds] = timing
    ? timed(() => {
        graph.forward();
        graph.backward(output);
      })
    : [];
  return {
    inputs: checks,
    backprop: { forwardPasses: 1, backwardPasses: 1, milliseconds: backpropMilliseconds },
    numerical: { forwardPasses: passes, milliseconds: timing ? numericalMilliseconds : undefined },
  };
}

/**
 * Refuses to check a graph whose check would take minutes (its 2 forward passes an input
 * evaluate more than MAX_WORK nodes): known once it is parsed, before anything is computed.
 */
export function checkable(program: Program): void {
  const { graph } = program;
  if (graph.hasArrays) return checkableArrays(program);
  const passes = 2 * parameters(program).length;
  if (passes * graph.size > MAX_WORK) throw new InputError(text('checkTooLong', passes, graph.size));
}

/**
 * The same for arrays, in multiply-adds: every element moved twice, each time computing
 * again what it reaches (Graph.probeWork). Shapes that do not fit are left for evaluate to name.
 */
function checkableArrays(program: Program): void {
  const { graph } = program;
  if (!graph.shapesFit()) return;
  let [elements, work] = [0, 0];
  for (const input of parameters(program)) {
    const count = size(graph.shape(input));
    elements += count;
    work += 2 * count * graph.probeWork(input);
  }
  if (work > MAX_ARRAY_WORK) throw new InputError(text('checkTooLongArrays', elements, work.toExponential(1)));
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
  const said =
    typeof worst.numerical === 'number'
      ? text('checkDisagrees', derivative, others, number(graph.grad(worst.node)), number(worst.numerical), ABSOLUTE, RELATIVE)
      : text('checkDisagreesArray', derivative, others, number(worst.difference!), number(worst.error), ABSOLUTE, RELATIVE);
  return new CheckError(said, { name: graph.name(worst.node), code: 'check-disagrees' });
}
