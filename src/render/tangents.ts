import type { ForwardMode } from '../result.js';
import { en, type Messages } from '../messages/index.js';
import { expression, operand as asOperand, shownName } from '../notation.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';
import type { Paint } from './paint.js';
import { fit } from './wrap.js';

/**
 * Forward mode's passes in words, for --steps --mode forward: a pass an input, each operation
 * in the order computed with its tangent, the sum over its arguments of local slope ×
 * argument's tangent: `(2) x × y: ∂(x × y)/∂x = y × 1 = 3`. Where a value feeds a node by
 * several ways, the terms meet there, a sum the reader sees.
 */
export function* tangentLines(result: Result, forward: ForwardMode, paint: Paint, digits: number, width = Infinity, words: Messages = en): Generator<string> {
  const { graph, output, outputName } = result;
  const number = (x: number) => formatNumber(x, digits, words.undefinedNumber);
  const operand = (node: number) => (node === output ? outputName : asOperand(graph, node));
  const line = (text: string) => `${fit(text, width)}\n`;
  let step = 0;
  const numbers = new Map<number, number>();
  for (const [i, pass] of forward.passes.entries()) {
    const input = graph.name(pass.input)!;
    if (i > 0) yield '\n';
    yield line(paint.bold(words.tangentPass(i + 1, forward.passes.length, input)));
    for (const { node, terms, tangent } of pass.steps) {
      if (!numbers.has(node)) numbers.set(node, ++step);
      const head = [shownName(result, node), expression(graph, node)].filter((part) => part !== undefined).join(' = ');
      const { layer } = graph.operation(node)!;
      const args = graph.args(node).map(operand);
      const slopes = 'slopes' in layer ? layer.slopes(args[0], args[1] ?? '', operand(node)) : [];
      const position = (argument: number) => graph.args(node).indexOf(argument);
      const sum = terms.map(({ argument, tangent }) => `${slopes[position(argument)]} × ${number(tangent)}`).join(' + ');
      const d = `∂${operand(node)}/∂${input}`;
      yield line(`${paint.dim(`(${numbers.get(node)})`)} ${head}: ${d} = ${terms.length === 0 ? '' : `${sum} = `}${paint.yellow(number(tangent))}`);
    }
  }
}

/** What --mode both adds: each mode's passes and operations, and how far apart their gradients are. */
export function modesLines(forward: ForwardMode, paint: Paint, width = Infinity, words: Messages = en): string {
  const lines = [
    words.modesForward(forward.passes.length, forward.perPass, forward.operations),
    words.modesReverse(forward.perPass, 2 * forward.perPass),
    paint.dim(words.modesAgree(formatNumber(forward.difference, 2))),
  ];
  return lines.map((text) => `${fit(text, width)}\n`).join('');
}
