import { InputError } from '../errors.js';
import { text, type Said } from '../messages/index.js';

/**
 * The most the table may print, in bytes, as estimated from its rows and widest row before
 * it is drawn: a long name in a table of many rows could otherwise make a program of
 * megabytes print terabytes. A view of every node is held to MAX_NODE_VIEW instead.
 */
const MAX_VIEW_BYTES = 256 * 2 ** 20;

/**
 * The most a view of every node may print, in characters: far more than anyone reads, and
 * within seconds to count and to write.
 */
const MAX_NODE_VIEW = 64 * 2 ** 20;

/** Throws the error that refuses `view` if it would print `bytes` bytes, more than a view may. */
export function tooLarge(view: Said, bytes: number): void {
  if (bytes <= MAX_VIEW_BYTES) return;
  throw new InputError(text('viewTooLong', view, MAX_VIEW_BYTES / 2 ** 20));
}

/**
 * A view that prints every node (--steps, --graph, DOT, Mermaid), made twice: once to count
 * what it would print, stopping as soon as that passes the limit, and once to be written as
 * it is made. Neither keeps the whole text: memory follows the graph, not the text, and a
 * view too long is refused, naming `option`, before its first byte is written.
 */
export function counted(option: string, make: () => Iterable<string>, most = MAX_NODE_VIEW): Iterable<string> {
  // Characters, not bytes: at most three bytes each, and counted without encoding.
  let size = 0;
  for (const chunk of make()) {
    size += chunk.length;
    if (size > most) throw new InputError(text('optionTooLong', option, Math.round(most / 2 ** 20)));
  }
  return make();
}
