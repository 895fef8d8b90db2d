import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const BIN = fileURLToPath(new URL('../bin/backprop.js', import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built bin as a user would, with the color variables of the test runner's own
 * environment removed so that each test sets exactly the ones it is about.
 */
export function backprop(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Run {
  const { status, stdout, stderr } = spawnSync(BIN, args, {
    input: options.input,
    env: { ...testEnv(), ...options.env },
    encoding: 'utf8',
  });
  return { status, stdout, stderr };
}

/** The test runner's environment without the variables that change what backprop prints: color, debugging, language. */
function testEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'TERM', 'BACKPROP_DEBUG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete env[name];
  return env;
}

/** A shell command line, for pipes, with `backprop` on the PATH, in the folder given or this one. */
export function shell(command: string, env: Record<string, string> = {}, cwd?: string): Run {
  const { status, stdout, stderr } = spawnSync('sh', ['-c', command], {
    cwd,
    env: { ...testEnv(), PATH: `${inject('binFolder')}:${process.env.PATH}`, ...env },
    encoding: 'utf8',
  });
  return { status, stdout, stderr };
}
