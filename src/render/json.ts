import { round } from '../numbers.js';
import type { Result } from '../result.js';

/**
 * The --json document of DESIGN.md §1, numbers rounded to `digits` significant digits (15
 * unless --precision says otherwise) so that 3.3000000000000003 reads 3.3. Written out by hand
 * rather than through an object and JSON.stringify: keys stay in order of appearance, a name
 * such as __proto__ stays a plain key, and a million inputs need no million-key object.
 */
export function renderJson(result: Result, digits = 15): string {
  const { graph } = result;
  const number = (x: number) => String(round(x, digits));
  const object = (nodes: number[], value: (node: number) => string) =>
    nodes.length === 0
      ? '{}'
      : `{\n${nodes.map((node) => `    ${JSON.stringify(graph.names[node])}: ${value(node)}`).join(',\n')}\n  }`;
  return `{
  "output": ${JSON.stringify(result.outputName)},
  "value": ${number(result.value)},
  "inputs": ${object(result.inputs, (node) => number(graph.values[node]))},
  "gradients": ${object(result.inputs, (node) => number(graph.grads[node]))},
  "intermediates": ${object(
    result.intermediates,
    (node) => `{ "value": ${number(graph.values[node])}, "grad": ${number(graph.grads[node])} }`,
  )}
}
`;
}
