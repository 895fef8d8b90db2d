import fc from 'fast-check';
import { expect, test } from 'vitest';
import { MathError } from '../src/errors.js';
import { expression as written, label, withValues } from '../src/notation.js';
import { parseExpression } from '../src/parse/expression.js';
import { evaluate } from '../src/result.js';
import { expression, NAMES, values } from './arbitraries.js';
import { RUNS, TIMEOUT } from './runs.js';

/**
 * What the views print of a node (--steps, --graph, the JSON steps and the error messages all
 * write nodes with these three) pastes back: parsed again, each text gives the node's value.
 */
test(`every node's text parses back to its value (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(expression, values, ({ text }, numbers) => {
      const bindings = NAMES.map((name, i) => `${name}=${numbers[i]}`).filter((binding) => new RegExp(`\\b${binding[0]}\\b`).test(text));
      let result;
      try {
        result = evaluate(parseExpression(text, bindings));
      } catch (error) {
        fc.pre(!(error instanceof MathError));
        throw error;
      }
      const { graph } = result;
      const reparsed = (source: string) => {
        const program = parseExpression(source, bindings.filter((binding) => new RegExp(`\\b${binding[0]}\\b`).test(source)));
        program.graph.forward();
        return program.graph.value(program.output);
      };
      for (let node = 0; node < graph.size; node++) {
        if (graph.layer(node) === undefined) continue;
        for (const shown of [label(graph, node, Infinity), written(graph, node), withValues(graph, node, 17)]) {
          // A label cut short (…) is for reading only.
          // + 0 makes -0 and 0 one number: text that prints -0 as 0 is right.
          if (!shown.includes('…')) expect(reparsed(shown) + 0, shown).toBe(graph.value(node) + 0);
        }
      }
    }),
    { numRuns: RUNS },
  );
}, TIMEOUT);
