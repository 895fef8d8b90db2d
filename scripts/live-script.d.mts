export const LIVE_SCRIPT: 'backprop:live-script';
export function liveScript(): Promise<string>;
export const liveScriptPlugin: import('esbuild').Plugin;
