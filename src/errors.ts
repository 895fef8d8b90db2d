/**
 * A failure the user can fix. `status` is the exit status DESIGN.md gives it; `excerpt`
 * holds the lines shown under the message (the source line and a caret) for parse errors.
 */
export class BackpropError extends Error {
  constructor(
    message: string,
    readonly status: 1 | 2,
    readonly excerpt?: string,
  ) {
    super(message);
  }
}

/** Status 2: a bad argument, a parse error, an unknown name, an unreadable file. */
export class InputError extends BackpropError {
  constructor(message: string, excerpt?: string) {
    super(message, 2, excerpt);
  }
}

/** Status 1: the numbers went wrong (overflow, 1/0, log of a non-positive number). */
export class MathError extends BackpropError {
  constructor(message: string) {
    super(message, 1);
  }
}
