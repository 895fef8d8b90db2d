import { cut, printable } from '../errors.js';

/**
 * The significant digits a picture (SVG, DOT, Mermaid, the live page's drawing) shows unless
 * --precision says otherwise: enough to follow the numbers, few enough that a picture stays
 * as narrow as its graph (12 digits made the expanded sigmoid half again as wide).
 */
export const PICTURE_DIGITS = 6;

/**
 * A name or a label as a picture shows it: cut as an error message cuts it, and its control,
 * bidi and other unprintable characters written as escapes. A name given through the library
 * may hold any character, and one of megabytes would take Graphviz many seconds to lay out.
 * Escaping for the picture's language is left to each renderer.
 */
export function drawn(name: string): string {
  return printable(cut(name));
}
