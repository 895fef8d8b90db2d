import type { Language } from '../messages/index.js';
import { Graph, type Program } from '../graph.js';
import { newLayer, operationNamed } from '../operations.js';
import { plainValue, Tensor, type Value } from '../tensor.js';
import { arrayLines, shapeLabel } from './array-text.js';
import { drawnWhole } from './picture.js';

/**
 * A program's graph as plain data, written into the HTML page and built again there into a
 * Graph with the same layers, so that the page computes with backprop's own engine.
 */
export interface PageData {
  output: number;
  outputName: string;
  /** Significant digits of the table's numbers, and of the picture's. */
  digits: number;
  pictureDigits: number;
  /** The language of the page's words, its steps included. */
  language: Language;
  /** Whether the graph computes exactly where the math is (see Graph.exact), or in doubles. */
  exact: boolean;
  /** Node by node, in tape order: an input, a constant, or an operation on earlier nodes. */
  nodes: PageNode[];
}

export type PageNode =
  | { input: string; value: PageValue }
  | { constant: PageValue; name?: string }
  | { operation: string; args: number[]; name?: string };

/** A number, or an array as nested lists: a list of numbers, or of rows. */
export type PageValue = number | number[] | number[][];

export function pageData({ graph, output, outputName }: Program, digits: number, language: Language = 'en', pictureDigits = digits): PageData {
  const nodes = Array.from({ length: graph.size }, (_, node): PageNode => {
    const op = graph.operation(node);
    if (op === undefined) {
      const value = plainValue(graph.valueOf(node));
      if (graph.isInput(node)) return { input: graph.name(node)!, value };
      const name = graph.name(node);
      return name === undefined ? { constant: value } : { constant: value, name };
    }
    const operation = op.name;
    const name = graph.name(node);
    return name === undefined ? { operation, args: graph.args(node) } : { operation, args: graph.args(node), name };
  });
  return { output, outputName, digits, pictureDigits, language, exact: graph.exact, nodes };
}

/** The program the data describes, not yet run. */
export function programOf({ nodes, output, outputName, exact }: PageData): Program {
  const graph = new Graph();
  graph.exact = exact;
  for (const node of nodes) {
    if ('input' in node) graph.input(node.input, valueOf(node.value));
    else if ('constant' in node) graph.constant(valueOf(node.constant), node.name);
    else {
      const op = operationNamed(node.operation);
      if (op === undefined) throw new Error(`no layer for the operation '${node.operation}'`);
      const at = graph.apply(newLayer(op), node.args[0], node.args[1], node.args[2]);
      if (node.name !== undefined) graph.rename(at, node.name);
    }
  }
  return { graph, output, outputName };
}

function valueOf(value: PageValue): Value {
  return typeof value === 'number' ? value : Tensor.fromNested(value);
}

/** A value as the page's table writes it: a number; an array as NumPy prints it, or by its shape where the picture shows only that. */
export function pageText(value: Value, number: (x: number) => string): string {
  if (typeof value === 'number') return number(value);
  return drawnWhole(value) ? arrayLines(value, number).join('\n') : shapeLabel(value);
}
