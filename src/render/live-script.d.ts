/** The page's script, bundled from live.ts for the browser by the build (scripts/live-script.mjs). */
declare module 'backprop:live-script' {
  const script: string;
  export default script;
}
