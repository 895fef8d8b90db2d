import { InputError } from '../errors.js';
import { text, type Said } from '../messages/index.js';

/**
 * The most a view may print, in bytes. A long name shown on every line of a view could
 * otherwise make a program of megabytes print terabytes; past this the view is refused
 * before anything is written.
 */
export const MAX_VIEW_BYTES = 256 * 2 ** 20;

/** Throws the error that refuses `view` if it would print `bytes` bytes, more than a view may. */
export function tooLarge(view: Said, bytes: number): void {
  if (bytes <= MAX_VIEW_BYTES) return;
  throw new InputError(text('viewTooLong', view, MAX_VIEW_BYTES / 2 ** 20));
}
