import { InputError } from '../errors.js';
import { text, type Said } from '../messages/index.js';

/**
 * The most nodes a view that prints every node (--steps, --graph, DOT, Mermaid) takes, in a
 * line of --batch too. At this size each such view still prints within seconds and well under
 * a gigabyte (measured on a chain of 10^5 negations); a larger program is refused before
 * anything is computed.
 */
export const MAX_VIEW_NODES = 100_000;

/**
 * The most nodes the page of --format html takes, as a view of every node. Its size is not what
 * limits it but the browser: the page of a sum of 5,000 inputs (10^4 nodes, 2.7 MB) opens in
 * Chromium in 2 s, and one ten times as large took more than 30 s.
 */
export const MAX_PAGE_NODES = 10_000;

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
  for (const _ of limited(option, make(), most));
  return make();
}

/**
 * Such a view as one string, for a line of --batch, which is written whole: kept as it is
 * made, and refused as soon as it passes the limit.
 */
export function joined(option: string, chunks: Iterable<string>, most = MAX_NODE_VIEW): string {
  return [...limited(option, chunks, most)].join('');
}

/** The chunks of a view, until they pass `most` characters: then the error that refuses it. */
function* limited(option: string, chunks: Iterable<string>, most: number): Generator<string> {
  // Characters, not bytes: at most three bytes each, and counted without encoding.
  let size = 0;
  for (const chunk of chunks) {
    size += chunk.length;
    if (size > most) throw new InputError(text('optionTooLong', option, Math.round(most / 2 ** 20)));
    yield chunk;
  }
}

/** Refuses a view of every node, naming `option`, for a graph of more than `most` nodes, before it is made. */
export function fewEnough(option: string, nodes: number, most: number): void {
  if (nodes > most) throw new InputError(text('viewTooLarge', option, nodes, most));
}
