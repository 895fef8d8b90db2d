/** A line of input longer than a line may be: how many bytes it had, none of them kept; `endless` if it had no end within MAX_SKIPPED_BYTES. */
export interface LongLine {
  tooLong: number;
  endless?: boolean;
}

/** A line of --batch input: its bytes (not yet known to be UTF-8), or a line too long to keep. */
export type Line = Uint8Array | LongLine;

/** The most bytes a line of --batch input may have: far more than any line of values needs. */
export const MAX_LINE_BYTES = 64 * 2 ** 20;

/**
 * The most bytes of a line too long that are read, looking for its end, before the input is
 * taken for no lines at all (/dev/zero, a binary file) and read no further: a second or so.
 */
export const MAX_SKIPPED_BYTES = 2 ** 30;

/**
 * The lines of a stream of bytes, a group for each piece of the stream that held them: the
 * lines that arrived together are answered together, with one write, and a script that
 * writes a line and waits for its answer gets it before the next is read. A line's `\n` (and
 * `\r` before it) is not part of it. A line past `most` bytes is not kept: the bytes are
 * counted up to its end, and it is given as a LongLine, so that a line of gigabytes costs no
 * memory and the lines after it are read as ever. One that goes on past `endless` bytes is
 * given as endless, and ends the lines: the rest of the stream is not read.
 */
export async function* lineGroups(chunks: AsyncIterable<Uint8Array>, most = MAX_LINE_BYTES, endless = MAX_SKIPPED_BYTES): AsyncGenerator<Line[]> {
  /** The pieces of the line read so far, none kept once it is too long, and their length. */
  let pieces: Buffer[] | undefined = [];
  let length = 0;
  /** Adds a piece of the line; `copy` when the stream may use its buffer again. */
  const add = (piece: Buffer, copy: boolean) => {
    length += piece.length;
    if (pieces !== undefined && length > most) pieces = undefined;
    pieces?.push(copy ? Buffer.from(piece) : piece);
  };
  const take = (): Line => {
    const line = pieces === undefined ? { tooLong: length } : withoutReturn(Buffer.concat(pieces, length));
    pieces = [];
    length = 0;
    return line;
  };
  for await (const bytes of chunks) {
    const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const group: Line[] = [];
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end >= 0; end = chunk.indexOf(0x0a, start)) {
      add(chunk.subarray(start, end), false);
      group.push(take());
      start = end + 1;
    }
    // The rest waits for its line's end.
    if (start < chunk.length) add(chunk.subarray(start), true);
    if (length > endless) {
      yield [...group, { tooLong: length, endless: true }];
      return;
    }
    if (group.length > 0) yield group;
  }
  if (length > 0) yield [take()];
}

function withoutReturn(line: Buffer): Buffer {
  return line.at(-1) === 0x0d ? line.subarray(0, -1) : line;
}
