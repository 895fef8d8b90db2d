import { decimalPlaces, decimalUnits, jsonNumber, POWERS } from '../numbers.js';

/**
 * A piece of a JSON document, gathered as UTF-8 in one buffer and taken as a string once some
 * kilobytes long. A million-key object built with += is a tree of millions of small strings
 * that has to be flattened before it is written, and every key and number made as a string
 * first is one more for the collector: here most of the text is copied a character at a time
 * straight into the buffer, and the strings are made per piece, not per key.
 */
export class JsonText {
  /** Small at first, from Buffer's pool: --batch makes a document a line. It grows to fit a piece. */
  private bytes = Buffer.allocUnsafe(1 << 10);
  /** How many bytes are gathered. */
  size = 0;

  /** Adds text as it is. */
  add(text: string): void {
    const start = this.room(text.length);
    const { bytes } = this;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        // Most text is ASCII, a byte a character; the rest is Buffer's to encode.
        this.size = start + bytes.write(text, start);
        return;
      }
      bytes[start + i] = c;
    }
    this.size = start + text.length;
  }

  /**
   * Adds text as a JSON string, as JSON.stringify writes it, after `before` and before `after`
   * (ASCII both): a key of an object is one call, with the comma, the indent and the colon.
   */
  addString(text: string, before = '', after = ''): void {
    const start = this.room(before.length + text.length + 2 + after.length);
    const { bytes } = this;
    let at = start;
    for (let i = 0; i < before.length; i++) bytes[at++] = before.charCodeAt(i);
    bytes[at++] = 0x22; // "
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Printable ASCII but a quote or a backslash is written as it is, as in most names;
      // the rest is JSON.stringify's to escape (a control character, a lone surrogate) or not.
      if (c < 0x20 || c === 0x22 /* " */ || c === 0x5c /* \ */ || c >= 0x80) {
        this.size = start;
        return this.add(before + JSON.stringify(text) + after);
      }
      bytes[at++] = c;
    }
    bytes[at++] = 0x22;
    for (let i = 0; i < after.length; i++) bytes[at++] = after.charCodeAt(i);
    this.size = at;
  }

  /**
   * Adds a number as jsonNumber writes it; plainDecimal's numbers digit by digit, with no
   * string made: a million-item document is mostly such numbers.
   */
  addNumber(x: number, digits: number): void {
    const places = decimalPlaces(x, digits);
    if (places < 0) return this.add(jsonNumber(x, digits));
    let units = decimalUnits(x, places);
    // Its digits, at least one before the point: 0.05 is 5 units, 2 places, 3 digits.
    let length = places + 1;
    while (units >= POWERS[length]) length++;
    const start = this.room(length + 2);
    const { bytes } = this;
    if (x < 0) bytes[start] = 0x2d; // -
    // Written from the last digit back, with the point after the first `places` of them.
    let at = start + (x < 0 ? 1 : 0) + length + (places > 0 ? 1 : 0);
    this.size = at;
    for (let written = 0; written < length; written++) {
      if (written === places && places > 0) bytes[--at] = 0x2e; // .
      const digit = units % 10;
      bytes[--at] = 0x30 + digit;
      units = (units - digit) / 10;
    }
  }

  /** Takes what is gathered, as a string, and starts again. */
  take(): string {
    const text = this.bytes.toString('utf8', 0, this.size);
    this.size = 0;
    return text;
  }

  /** Makes room for `length` more characters (at most 3 bytes each in UTF-8); gives where they go. */
  private room(length: number): number {
    const needed = this.size + 3 * length;
    if (needed > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(2 * needed);
      this.bytes.copy(bigger, 0, 0, this.size);
      this.bytes = bigger;
    }
    return this.size;
  }
}
