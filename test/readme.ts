import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The README and its fenced blocks, which its tests run. */
export const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
export const blocks = [...readme.matchAll(/```(\w*)\n([^]*?)```/g)].map(([, language, text]) => ({ language, text }));
export const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
