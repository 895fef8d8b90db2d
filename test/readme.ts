import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The README and its fenced blocks, which its tests run. */
export const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
export const blocks = [...readme.matchAll(/```(\w*)\n([^]*?)```/g)].map(([, language, text]) => ({ language, text }));
export const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** A command of a README example, after its `$ `, and the lines it prints. */
export interface Example {
  command: string;
  printed: string[];
}

/**
 * The examples: the blocks of `$ ` commands that run backprop, each command with the lines up
 * to the next. The bench's output is the bench's, refreshed by hand: it is not one of them.
 */
export const examples: Example[][] = blocks
  .filter(({ text }) => /^\$ /.test(text) && /^\$ .*\bbackprop /m.test(text) && !text.startsWith('$ npm run bench'))
  .map(({ text }) =>
    text
      .replace(/\n$/, '')
      .split(/^(?=\$ )/m)
      .map((part) => {
        const [command, ...printed] = part.replace(/\n$/, '').split('\n');
        return { command: command.slice(2), printed };
      }),
  );

// Timings differ from run to run; everything else in the README is what backprop prints.
const steady = (text: string) => text.replace(/[\d.e+-]+ ms/g, 'T ms').replace(/, [\d.e+-]+× backprop's time/, '');

/** Asserts that a command printed what the README shows: a last line "… (then the table)" leaves the rest out. */
export function expectPrinted(printed: string, { command, printed: shown }: Example): void {
  if (shown.at(-1)?.startsWith('… ')) expect(printed.startsWith(shown.slice(0, -1).join('\n')), command).toBe(true);
  else expect(steady(printed), command).toBe(steady(shown.length === 0 ? '' : `${shown.join('\n')}\n`));
}
