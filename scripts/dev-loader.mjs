// Module hooks: 'backprop:live-script' resolves to the page's script, bundled on first use.
import { LIVE_SCRIPT, liveScriptModule } from './live-script.mjs';

export async function resolve(specifier, context, next) {
  return specifier === LIVE_SCRIPT ? { url: LIVE_SCRIPT, shortCircuit: true } : next(specifier, context);
}

export async function load(url, context, next) {
  if (url !== LIVE_SCRIPT) return next(url, context);
  return { format: 'module', source: await liveScriptModule(), shortCircuit: true };
}
