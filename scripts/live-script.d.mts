export const LIVE_SCRIPT: 'backprop:live-script';
export function liveScript(): Promise<string>;
export function liveScriptModule(): Promise<string>;
export const liveScriptPlugin: import('esbuild').Plugin;
export function liveScriptFilePlugin(name: string): import('esbuild').Plugin;
