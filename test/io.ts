import { expect } from 'vitest';
import { run } from '../src/cli.js';
import type { Run } from './run.js';

interface World {
  /** Text, or bytes that need not be UTF-8. */
  stdin?: string | Buffer;
  env?: Record<string, string>;
  /** The files of the current folder, by name, with their text or bytes: the only ones that exist. */
  files?: Record<string, string | Buffer>;
  /** Files that cannot be read, by name, with the system's error code (EACCES, EISDIR, …). */
  unreadable?: Record<string, string>;
  /** The system's error code (ENOSPC, EFBIG, …) of every write to standard output, which then fails. */
  outputError?: string;
  /** Whether standard output and standard error are terminals. */
  terminal?: boolean;
  /** The terminal's width, when standard output is one. */
  columns?: number;
  /** The bytes of each argument as the system would give them, where they are not the UTF-8 of argv's. */
  argumentBytes?: Uint8Array[];
}

/**
 * Runs the whole CLI in this process with stand-ins for the world: a fixed environment, no
 * terminal (unless asked), standard input from `stdin`, and a folder holding only `files`.
 * Fast enough for thousands of cases.
 */
export async function runInProcess(
  argv: string[],
  { stdin = '', env = {}, files = {}, unreadable = {}, outputError, terminal = false, columns, argumentBytes }: World = {},
): Promise<Run> {
  const output = { 1: '', 2: '' };
  const text = (path: string) => {
    if (path === '-') return stdin;
    if (Object.hasOwn(unreadable, path)) throw Object.assign(new Error(`${unreadable[path]}: open '${path}'`), { code: unreadable[path] });
    if (Object.hasOwn(files, path)) return files[path];
    throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
  };
  const status = await run(argv, {
    env,
    terminal,
    errorTerminal: terminal,
    columns,
    write: (fd, text) => {
      if (fd === 1 && outputError !== undefined) throw Object.assign(new Error(`${outputError}: write`), { code: outputError });
      output[fd] += text;
    },
    read: (path, limit) => Buffer.from(text(path)).subarray(0, limit),
    isFile: (path) => Object.hasOwn(files, path),
    chunks: async function* (path) {
      yield Buffer.from(text(path));
    },
    argumentBytes: () => argumentBytes ?? argv.map((word) => Buffer.from(word)),
  });
  return { status, stdout: output[1], stderr: output[2] };
}

/** Asserts that a command line is refused with one error line matching `message`, its status, and nothing on stdout. */
export async function expectRefused(argv: string[], message: RegExp, status = 2): Promise<void> {
  const run = await runInProcess(argv);
  expect(run.status).toBe(status);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
}
