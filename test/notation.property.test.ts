import fc from 'fast-check';
import { expect, test } from 'vitest';
import { expression as written, label, withValues } from '../src/notation.js';
import { parseExpression } from '../src/parse/expression.js';
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
      // Forward only: a NaN or an infinity is a value like any other here, and must come back too.
      // In doubles: a value written back as its shortest text is the same double only there.
      const { graph } = parseExpression(text, bindings, { float: true });
      graph.forward();
      const reparsed = (source: string) => {
        const program = parseExpression(source, bindings.filter((binding) => new RegExp(`\\b${binding[0]}\\b`).test(source)), { float: true });
        program.graph.forward();
        return program.graph.value(program.output);
      };
      for (let node = 0; node < graph.size; node++) {
        if (graph.layer(node) === undefined) continue;
        // -0 prints as 0: a value computed from it (1 ÷ -0) cannot come back from its text.
        const signedZero = graph.args(node).some((argument) => Object.is(graph.value(argument), -0));
        const texts = [label(graph, node, Infinity), written(graph, node), ...(signedZero ? [] : [withValues(graph, node, 17)])];
        for (const shown of texts) {
          // A label cut short (…), or values that are no numbers (undefined, ∞), are for reading only.
          // + 0 makes -0 and 0 one number: text that prints -0 as 0 is right.
          if (!/…|undefined|∞/.test(shown)) expect(reparsed(shown) + 0, shown).toBe(graph.value(node) + 0);
        }
      }
    }),
    { numRuns: RUNS },
  );
}, TIMEOUT);
