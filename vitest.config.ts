import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LIVE_SCRIPT, liveScript } from './scripts/live-script.mjs';

/**
 * Two suites. `unit` (npm test) is what a change is checked with, in seconds: everything in
 * process, and a few runs of the built bin for pipes, terminals and files. `e2e` (npm run
 * test:e2e) drives what takes longer: Chromium on the live page, the packed and installed
 * package, the README's class demo and its library and Python examples. CI runs both.
 */
export default defineConfig({
  // The page's script, bundled from the source as the build bundles it.
  plugins: [
    {
      name: 'live-script',
      resolveId: (id: string) => (id === LIVE_SCRIPT ? `\0${LIVE_SCRIPT}` : undefined),
      load: async (id: string) => (id === `\0${LIVE_SCRIPT}` ? `export default ${JSON.stringify(await liveScript())};` : undefined),
    },
  ],
  test: {
    // Many tests wait on a child process, so even a two-core machine runs two files at once.
    maxWorkers: Math.max(2, availableParallelism()),
    // Test files share a worker's modules instead of loading them anew: half the run's time.
    // No test may leave process-wide state changed behind it.
    isolate: false,
    globalSetup: ['test/setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/**/*.e2e.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          // After the unit tests, one file at a time: the first `npx backprop` in a fresh clone
          // installs the folder into npx's cache, which runs its prepare script, and the build
          // empties dist/ for a moment under any test running the bin.
          sequence: { groupOrder: 1 },
          fileParallelism: false,
        },
      },
    ],
  },
});
