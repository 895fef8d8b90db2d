/**
 * The names of a program and their nodes, in a hash table over spans of the source: a name
 * is where it is written, so looking one up hashes its characters in place and makes no
 * string. A program of a million items has two million names: a Map of strings spent most
 * of the parse on them. All is kept in typed arrays, which the collector never walks: the
 * names in the order they were added, three numbers each (start, length, node), and the
 * table's slots, two numbers each (the hash, and the name's index + 1; 0 when empty). At
 * this size the time goes into reaching memory, not hashing: a look-up touches one slot at
 * random, and a program that uses its names in the order it defines them reads the names
 * in order too.
 */
export class Names {
  private slots: Int32Array;
  private capacity = 1024;
  private names: Int32Array;
  private count = 0;
  /** How many of the names are in the table; the rest wait to be put in (see add). */
  private settled = 0;
  /** The hashes of the names waiting, made as settle() puts them in. */
  private readonly hashes = new Int32Array(BATCH);
  /** The name after the one get() found last. */
  private after = 0;

  /**
   * `taken(start, length, first)` is called for a name added again, with where it is written
   * the second time and where the first, and throws.
   */
  constructor(
    private readonly source: string,
    private readonly taken: (start: number, length: number, first: number) => never,
  ) {
    // Room from the start for as many names as the program has = signs (each defines one at
    // most), so that a million definitions are not all hashed again each time the table grows.
    let definitions = 0;
    for (let at = source.indexOf('='); at >= 0; at = source.indexOf('=', at + 1)) definitions++;
    while (this.capacity < 2 * definitions) this.capacity *= 2;
    this.slots = new Int32Array(2 * this.capacity);
    this.names = new Int32Array(3 * (this.capacity / 2));
  }

  get size(): number {
    return this.count;
  }

  /** The node of the name written at `start`, `length` characters long; -1 if it has none. */
  get(start: number, length: number): number {
    const { names } = this;
    // Generated programs use their names in the order they define them, most often: the name
    // after the one found last is tried first, next in memory, before the table's random slot.
    const guess = 3 * this.after;
    if (this.after < this.count && names[guess + 1] === length && this.same(names[guess], start, length)) {
      this.after++;
      return names[guess + 2];
    }
    const name = this.find(hashSpan(this.source, start, length), length, (at) => this.same(at, start, length));
    if (name < 0) return -1;
    this.after = name + 1;
    return this.names[3 * name + 2];
  }

  /** The node of a name given as text, from the command line; -1 if it has none. */
  getText(text: string): number {
    const name = this.find(hashSpan(text, 0, text.length), text.length, (at) => this.source.startsWith(text, at));
    return name < 0 ? -1 : this.names[3 * name + 2];
  }

  /**
   * Gives the name written at `start` this node. It waits to be put in the table with the
   * names added after it, a few thousand at a time, when the table is next read, or at
   * settle(): one at a time, amid the parsing, each would wait on its own random slot of
   * memory; in a tight loop they wait together. A name added again is told to `taken` then.
   */
  add(start: number, length: number, node: number): void {
    if (3 * (this.count + 1) > this.names.length) {
      const names = new Int32Array(2 * this.names.length);
      names.set(this.names);
      this.names = names;
    }
    const name = 3 * this.count++;
    this.names[name] = start;
    this.names[name + 1] = length;
    this.names[name + 2] = node;
    if (this.count - this.settled >= BATCH) this.settle();
  }

  /** Puts the names waiting into the table, telling `taken` of the first that was added already. */
  settle(): void {
    const { source, names, hashes, count } = this;
    const first = this.settled;
    while (2 * count > this.capacity) this.grow();
    // All hashes first, then all slots: the reads of random slots, which take the time, then
    // wait on no arithmetic, and the processor has many on their way at once.
    for (let name = first; name < count; name++) hashes[name - first] = hashSpan(source, names[3 * name], names[3 * name + 1]);
    const { slots } = this;
    const mask = this.capacity - 1;
    for (let name = first; name < count; name++) {
      const start = names[3 * name];
      const length = names[3 * name + 1];
      const hash = hashes[name - first];
      let i = hash & mask;
      for (; slots[2 * i + 1] !== 0; i = (i + 1) & mask) {
        const other = 3 * (slots[2 * i + 1] - 1);
        if (slots[2 * i] === hash && names[other + 1] === length && this.same(names[other], start, length)) {
          this.settled = name;
          this.taken(start, length, names[other]);
        }
      }
      slots[2 * i] = hash;
      slots[2 * i + 1] = name + 1;
    }
    this.settled = count;
  }

  /** Every name and its node, in the order they were added. */
  *entries(): Generator<[string, number]> {
    for (let name = 0; name < 3 * this.count; name += 3) {
      const start = this.names[name];
      yield [this.source.slice(start, start + this.names[name + 1]), this.names[name + 2]];
    }
  }

  /** The index of the name of this hash and length for which `same(start)` holds; -1 if none. */
  private find(hash: number, length: number, same: (start: number) => boolean): number {
    this.settle();
    const { slots, names } = this;
    const mask = this.capacity - 1;
    for (let i = hash & mask; slots[2 * i + 1] !== 0; i = (i + 1) & mask) {
      const name = slots[2 * i + 1] - 1;
      if (slots[2 * i] === hash && names[3 * name + 1] === length && same(names[3 * name])) return name;
    }
    return -1;
  }

  private same(a: number, b: number, length: number): boolean {
    const { source } = this;
    for (let i = 0; i < length; i++) if (source.charCodeAt(a + i) !== source.charCodeAt(b + i)) return false;
    return true;
  }

  /** Twice the slots, filled again from the names in the table, which stay where they are. */
  private grow(): void {
    this.capacity *= 2;
    const slots = (this.slots = new Int32Array(2 * this.capacity));
    const mask = this.capacity - 1;
    for (let name = 0; name < this.settled; name++) {
      const start = this.names[3 * name];
      const hash = hashSpan(this.source, start, this.names[3 * name + 1]);
      let i = hash & mask;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = hash;
      slots[2 * i + 1] = name + 1;
    }
  }
}

/** How many names wait at most to be put in the table together. */
const BATCH = 4096;

// FNV-1a over UTF-16 code units.
function hashSpan(text: string, start: number, length: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < start + length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash;
}
