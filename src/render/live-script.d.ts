/** The page's script, bundled by the build from live.ts and kept as one string. */
declare module '*/live-script.js' {
  const script: string;
  export default script;
}
