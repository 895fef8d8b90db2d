import { ABSOLUTE, RELATIVE, STEP, type Check } from '../check.js';
import type { LayerClass } from '../layers.js';
import { expression, label } from '../notation.js';
import { round } from '../numbers.js';
import type { Result } from '../result.js';
import type { Step } from '../trace.js';

export interface JsonOptions {
  /** Significant digits of every number: 15 unless --precision says otherwise. */
  digits?: number;
  steps?: Step[];
  graph?: boolean;
  check?: Check;
}

/**
 * The --json document of DESIGN.md §1, with "steps", "graph" and "check" added when asked
 * for. Numbers are rounded so that 3.3000000000000003 reads 3.3. The main part is written
 * out by hand rather than through JSON.stringify: keys stay in order of appearance, and a
 * receipt of a million inputs needs no million-key object.
 */
export function renderJson(result: Result, { digits = 15, steps, graph: withGraph, check }: JsonOptions = {}): string {
  const { graph, output, outputName } = result;
  const number = (x: number) => String(round(x, digits));
  const object = (nodes: number[], value: (node: number) => string) =>
    nodes.length === 0
      ? '{}'
      : `{\n${nodes.map((node) => `    ${JSON.stringify(graph.names[node])}: ${value(node)}`).join(',\n')}\n  }`;
  const name = (node: number) => (node === output ? outputName : label(graph, node));
  // The small extra parts go through JSON.stringify, numbers rounded, nested one level in.
  const extra = (key: string, value: unknown) => {
    const text = JSON.stringify(value, (_, x: unknown) => (typeof x === 'number' ? round(x, digits) : x), 2);
    return `,\n  ${JSON.stringify(key)}: ${text.replace(/\n/g, '\n  ')}`;
  };

  let document = `{
  "output": ${JSON.stringify(outputName)},
  "value": ${number(result.value)},
  "inputs": ${object(result.inputs, (node) => number(graph.values[node]))},
  "gradients": ${object(result.inputs, (node) => number(graph.grads[node]))},
  "intermediates": ${object(
    result.intermediates,
    (node) => `{ "value": ${number(graph.values[node])}, "grad": ${number(graph.grads[node])} }`,
  )}`;

  if (steps !== undefined) {
    document += extra(
      'steps',
      steps.map((step) => {
        if (step.pass === 'forward') {
          const { node } = step;
          const args = graph.ys[node] < 0 ? [graph.xs[node]] : [graph.xs[node], graph.ys[node]];
          return {
            pass: 'forward',
            step: step.step,
            node: name(node),
            operation: (graph.layers[node]!.constructor as LayerClass).operation,
            expression: expression(graph, node),
            arguments: args.map((arg) => graph.values[arg]),
            value: graph.values[node],
          };
        }
        if (step.pass === 'sum') return { pass: 'sum', node: name(step.node), shares: step.shares, grad: step.grad };
        return {
          pass: 'backward',
          step: step.step,
          node: name(step.node),
          grad: step.grad,
          shares: step.shares.map(({ argument, slope, share }) => ({ to: name(argument), slope, share })),
        };
      }),
    );
  }
  if (withGraph) {
    document += extra(
      'graph',
      Array.from({ length: graph.size }, (_, node) => {
        const layer = graph.layers[node];
        const kind = layer !== undefined ? 'operation' : graph.isInput(node) ? 'input' : 'constant';
        const args = layer === undefined ? [] : graph.ys[node] < 0 ? [graph.xs[node]] : [graph.xs[node], graph.ys[node]];
        return {
          id: node,
          name: name(node),
          kind,
          ...(layer === undefined ? {} : { operation: (layer.constructor as LayerClass).operation, arguments: args }),
          value: graph.values[node],
          grad: graph.grads[node],
        };
      }),
    );
  }
  if (check !== undefined) {
    document += extra('check', {
      step: STEP,
      tolerance: { absolute: ABSOLUTE, relative: RELATIVE },
      inputs: Object.fromEntries(
        check.inputs.map(({ node, numerical, error, verdict, kink }) => [
          graph.names[node],
          { backprop: graph.grads[node], numerical, error, verdict, ...(kink === undefined ? {} : { kink: label(graph, kink) }) },
        ]),
      ),
      backprop: { forward_passes: 1, backward_passes: 1, milliseconds: check.backprop.milliseconds },
      numerical: { forward_passes: check.numerical.forwardPasses, milliseconds: check.numerical.milliseconds },
    });
  }
  return `${document}\n}\n`;
}
