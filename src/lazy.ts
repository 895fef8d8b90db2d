/**
 * A value made the first time it is asked for. A pattern with \p{…} in it is parsed, with
 * ICU's tables, when its literal is evaluated, whether it is ever run or not: at a module's top
 * level every run of backprop would pay for it at start-up.
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
