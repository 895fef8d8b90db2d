/**
 * How many cases each property test tries: a few hundred in `npm test`, so that it stays
 * quick; `npm run fuzz` sets FUZZ_RUNS to 100,000 or more.
 */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** Time enough for RUNS cases of the slowest property, a whole CLI run each. */
export const TIMEOUT = Math.max(30_000, RUNS * 20);
