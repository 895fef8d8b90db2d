import { run } from '../src/cli.js';
import type { Run } from './run.js';

/**
 * Runs the whole CLI in this process with stand-ins for the world: a fixed environment, no
 * terminal (unless asked), standard input from `stdin`, and a folder holding only the empty `files`. Fast
 * enough for thousands of cases.
 */
export async function runInProcess(
  argv: string[],
  {
    stdin = '',
    env = {},
    files = [],
    terminal = false,
  }: { stdin?: string; env?: Record<string, string>; files?: string[]; terminal?: boolean } = {},
): Promise<Run> {
  const output = { 1: '', 2: '' };
  const status = await run(argv, {
    env,
    terminal,
    errorTerminal: terminal,
    write: (fd, text) => {
      output[fd] += text;
    },
    read: (path, limit) => {
      if (path !== '-') throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
      return Buffer.from(stdin).subarray(0, limit);
    },
    isFile: (path) => files.includes(path),
  });
  return { status, stdout: output[1], stderr: output[2] };
}
