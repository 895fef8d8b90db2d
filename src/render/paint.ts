/** One of the styles the views paint text with: the text, with the escape codes of its color or none. */
export type Style = (text: string) => string;

/**
 * The styles the views use, named as chalk names them, so that a chalk instance is one. A
 * table sent to a pipe or a file is painted with PLAIN, and chalk is loaded only for color.
 */
export interface Paint {
  bold: Style & { green: Style };
  dim: Style;
  yellow: Style;
  cyan: Style;
  magenta: Style;
  green: Style;
  red: Style;
}

const as = (text: string) => text;

/** Every style leaves the text as it is. */
export const PLAIN: Paint = { bold: Object.assign(as, { green: as }), dim: as, yellow: as, cyan: as, magenta: as, green: as, red: as };

/** The styles of the views, in color or plain; chalk is loaded for color only. */
export async function painter(color: boolean): Promise<Paint> {
  if (!color) return PLAIN;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
