// `npm run dev`: the module 'backprop:live-script' for the TypeScript source run by tsx, as
// the build provides it to the bundles (scripts/live-script.mjs).
import { register } from 'node:module';

register('./dev-loader.mjs', import.meta.url);
