// The script of the page that --format html writes: src/render/live.ts and the engine it
// imports, bundled for the browser. src/render/html.ts imports it as the module
// 'backprop:live-script', which the build (scripts/build.mjs), the tests (vitest.config.ts) and
// `npm run dev` (scripts/dev-hooks.mjs) each provide, so that the source never imports its own
// build.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const LIVE_SCRIPT = 'backprop:live-script';

let bundled;

/** The page's script as one string of minified JavaScript; bundled once a process. */
export function liveScript() {
  bundled ??= build({
    entryPoints: [fileURLToPath(new URL('../src/render/live.ts', import.meta.url))],
    bundle: true,
    minify: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    write: false,
    logLevel: 'warning',
  }).then((result) => result.outputFiles[0].text);
  return bundled;
}

/** The module 'backprop:live-script' for esbuild: its default export is the page's script. */
export const liveScriptPlugin = {
  name: 'live-script',
  setup(plugins) {
    plugins.onResolve({ filter: /^backprop:live-script$/ }, () => ({ path: LIVE_SCRIPT, namespace: 'live-script' }));
    plugins.onLoad({ filter: /.*/, namespace: 'live-script' }, async () => ({ contents: await liveScript(), loader: 'text' }));
  },
};
