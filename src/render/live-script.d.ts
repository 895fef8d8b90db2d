/** The page's script, bundled from live.ts for the browser by the build (scripts/live-script.mjs). */
declare module 'backprop:live-script' {
  /** Read from a file beside the command line's bundle, built into the library's. */
  export default function script(): string;
}
