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

/**
 * The module 'backprop:live-script' as source: its default export gives the page's script.
 * A function, so that the command line's bundle can read the script only for a page.
 */
export async function liveScriptModule() {
  return `export default () => ${JSON.stringify(await liveScript())};`;
}

/** An esbuild plugin that gives the module 'backprop:live-script' the source `contents()` makes. */
function liveScriptModulePlugin(name, contents) {
  return {
    name,
    setup(plugins) {
      plugins.onResolve({ filter: /^backprop:live-script$/ }, () => ({ path: LIVE_SCRIPT, namespace: 'live-script' }));
      plugins.onLoad({ filter: /.*/, namespace: 'live-script' }, async () => ({ contents: await contents(), loader: 'js' }));
    },
  };
}

/** The module with the script in it: the library's build. */
export const liveScriptPlugin = liveScriptModulePlugin('live-script', liveScriptModule);

/**
 * The module for the command line's bundle: the script is the file `name` beside the bundle,
 * read when a page is made: 190 KB less to read at every start (README, Performance).
 */
export function liveScriptFilePlugin(name) {
  return liveScriptModulePlugin(
    'live-script-file',
    () => `import { readFileSync } from 'node:fs';\nimport { join } from 'node:path';\nexport default () => readFileSync(join(__dirname, ${JSON.stringify(name)}), 'utf8');`,
  );
}
