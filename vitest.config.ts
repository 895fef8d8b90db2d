import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LIVE_SCRIPT, liveScriptModule } from './scripts/live-script.mjs';

/**
 * Three suites. `unit` (npm test) is what a change is checked with, in seconds: everything in
 * process, through run(argv, io) and the modules themselves. `long` (npm run test:long) runs
 * the property tests and the inputs at scale, each a few seconds. `e2e` (npm run test:e2e) runs
 * the built bin through real pipes, terminals and files, Chromium on the live page, the packed
 * and installed package, and the README after its Quick start. CI runs all three.
 */
export default defineConfig({
  // The page's script, bundled from the source as the build bundles it.
  plugins: [
    {
      name: 'live-script',
      resolveId: (id: string) => (id === LIVE_SCRIPT ? `\0${LIVE_SCRIPT}` : undefined),
      load: async (id: string) => (id === `\0${LIVE_SCRIPT}` ? await liveScriptModule() : undefined),
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
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/**/*.{e2e,long,property}.test.ts'] } },
      { extends: true, test: { name: 'long', include: ['test/**/*.{long,property}.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          // After the others, one file at a time: each file runs processes of its own (npm and
          // a build in a copy of the repository, Chromium, the bin), which on two cores would
          // only wait on each other.
          sequence: { groupOrder: 1 },
          fileParallelism: false,
        },
      },
    ],
  },
});
