import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * Once for the whole run: a folder with the built bin linked as `backprop`, as npm links it
 * into node_modules/.bin, for the tests that run shell command lines. Removed when the run ends.
 */
export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'backprop-bin-'));
  symlinkSync(fileURLToPath(new URL('../bin/backprop.js', import.meta.url)), join(folder, 'backprop'));
  project.provide('binFolder', folder);
  return () => rmSync(folder, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    binFolder: string;
  }
}
