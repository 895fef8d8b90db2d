/**
 * The names of a program and their nodes, in a hash table over spans of the source: a name
 * is where it is written, so looking one up hashes its characters in place and makes no
 * string, and the table is one typed array, four numbers a slot (hash, start, length, node),
 * that the collector never walks. A program of a million items has two million names: a Map
 * of strings spent most of the parse on them.
 */
export class Names {
  private slots = new Int32Array(4 * 1024);
  private capacity = 1024;
  private count = 0;

  constructor(private readonly source: string) {}

  get size(): number {
    return this.count;
  }

  /** The node of the name written at `start`, `length` characters long; -1 if it has none. */
  get(start: number, length: number): number {
    const hash = hashSpan(this.source, start, length);
    const { slots } = this;
    const mask = this.capacity - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = 4 * i;
      if (slots[slot] === 0) return -1;
      if (slots[slot] === hash && slots[slot + 2] === length && this.same(slots[slot + 1], start, length)) return slots[slot + 3];
    }
  }

  /** The node of a name given as text, from the command line; -1 if it has none. */
  getText(name: string): number {
    const hash = hashSpan(name, 0, name.length);
    const { slots } = this;
    const mask = this.capacity - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = 4 * i;
      if (slots[slot] === 0) return -1;
      if (slots[slot] === hash && slots[slot + 2] === name.length && this.source.startsWith(name, slots[slot + 1])) return slots[slot + 3];
    }
  }

  /**
   * Gives the name written at `start` this node, if it has none yet, and gives -1; else
   * gives the node it has, and changes nothing.
   */
  add(start: number, length: number, node: number): number {
    if (2 * (this.count + 1) > this.capacity) this.grow();
    const hash = hashSpan(this.source, start, length);
    const { slots } = this;
    const mask = this.capacity - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = 4 * i;
      if (slots[slot] === 0) {
        slots[slot] = hash;
        slots[slot + 1] = start;
        slots[slot + 2] = length;
        slots[slot + 3] = node;
        this.count++;
        return -1;
      }
      if (slots[slot] === hash && slots[slot + 2] === length && this.same(slots[slot + 1], start, length)) return slots[slot + 3];
    }
  }

  /** Every name and its node, in no particular order. */
  *entries(): Generator<[string, number]> {
    for (let slot = 0; slot < this.slots.length; slot += 4) {
      if (this.slots[slot] !== 0) {
        const start = this.slots[slot + 1];
        yield [this.source.slice(start, start + this.slots[slot + 2]), this.slots[slot + 3]];
      }
    }
  }

  private same(a: number, b: number, length: number): boolean {
    const { source } = this;
    for (let i = 0; i < length; i++) if (source.charCodeAt(a + i) !== source.charCodeAt(b + i)) return false;
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = new Int32Array(4 * this.capacity);
    const mask = this.capacity - 1;
    for (let slot = 0; slot < old.length; slot += 4) {
      if (old[slot] === 0) continue;
      let i = old[slot] & mask;
      while (this.slots[4 * i] !== 0) i = (i + 1) & mask;
      // Entry by entry: a subarray a slot would make millions of objects.
      for (let k = 0; k < 4; k++) this.slots[4 * i + k] = old[slot + k];
    }
  }
}

// FNV-1a over UTF-16 code units; never 0, which marks an empty slot.
function hashSpan(text: string, start: number, length: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < start + length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash | 1;
}
