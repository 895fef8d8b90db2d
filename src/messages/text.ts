import { en, type Messages } from './en.js';

/** The keys of the messages that have parts to fill in, and of those that do not. */
type Filled = { [K in keyof Messages]: Messages[K] extends (...parts: never[]) => string ? K : never }[keyof Messages];
type Parts<K extends keyof Messages> = Messages[K] extends (...parts: infer P) => string ? { [I in keyof P]: P[I] | Text } : [];

/**
 * A message not yet in words: its key and its parts, which may be messages too. The core
 * says what happened with these; the command line puts them in the user's language.
 */
export interface Text {
  key: keyof Messages;
  parts: readonly unknown[];
}

/** What may be said: a Text, or a string that is the same in every language. */
export type Said = Text | string;

export function text<K extends keyof Messages>(key: K, ...parts: K extends Filled ? Parts<K> : []): Text {
  return { key, parts };
}

/**
 * A list for a message, cut short: a generated program can have millions of names. `count`
 * is how many there are, when only the first few are given.
 */
export function list(items: string[], count = items.length, most = 5): Said {
  const shown = items.slice(0, most).join(', ');
  return count > most ? text('listMore', shown, count - most) : shown;
}

/** A message in the words of a catalogue, English unless another is given. */
export function say(said: Said, messages: Messages = en): string {
  if (typeof said === 'string') return said;
  const message = messages[said.key] as string | ((...parts: unknown[]) => string);
  if (typeof message === 'string') return message;
  return message(...said.parts.map((part) => (isText(part) ? say(part, messages) : part)));
}

export function isText(part: unknown): part is Text {
  return typeof part === 'object' && part !== null && 'key' in part && 'parts' in part;
}
