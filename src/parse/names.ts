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
  /** The name after the one get() found last. */
  private after = 0;

  constructor(private readonly source: string) {
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
    const hash = hashSpan(this.source, start, length);
    const { slots } = this;
    const mask = this.capacity - 1;
    for (let i = hash & mask; slots[2 * i + 1] !== 0; i = (i + 1) & mask) {
      const name = slots[2 * i + 1] - 1;
      if (slots[2 * i] === hash && names[3 * name + 1] === length && this.same(names[3 * name], start, length)) {
        this.after = name + 1;
        return names[3 * name + 2];
      }
    }
    return -1;
  }


  /** The node of a name given as text, from the command line; -1 if it has none. */
  getText(name: string): number {
    const hash = hashSpan(name, 0, name.length);
    const { slots, names } = this;
    const mask = this.capacity - 1;
    for (let i = hash & mask; slots[2 * i + 1] !== 0; i = (i + 1) & mask) {
      const at = 3 * (slots[2 * i + 1] - 1);
      if (slots[2 * i] === hash && names[at + 1] === name.length && this.source.startsWith(name, names[at])) return names[at + 2];
    }
    return -1;
  }

  /**
   * Gives the name written at `start` this node, if it has none yet, and gives -1; else
   * gives the node it has, and changes nothing.
   */
  add(start: number, length: number, node: number): number {
    if (2 * (this.count + 1) > this.capacity) this.grow();
    const hash = hashSpan(this.source, start, length);
    const { slots, names } = this;
    const mask = this.capacity - 1;
    let i = hash & mask;
    for (; slots[2 * i + 1] !== 0; i = (i + 1) & mask) {
      const name = 3 * (slots[2 * i + 1] - 1);
      if (slots[2 * i] === hash && names[name + 1] === length && this.same(names[name], start, length)) return names[name + 2];
    }
    if (3 * (this.count + 1) > names.length) {
      this.names = new Int32Array(2 * names.length);
      this.names.set(names);
    }
    const name = 3 * this.count;
    this.names[name] = start;
    this.names[name + 1] = length;
    this.names[name + 2] = node;
    slots[2 * i] = hash;
    slots[2 * i + 1] = ++this.count;
    return -1;
  }

  /** Every name and its node, in the order they were added. */
  *entries(): Generator<[string, number]> {
    for (let name = 0; name < 3 * this.count; name += 3) {
      const start = this.names[name];
      yield [this.source.slice(start, start + this.names[name + 1]), this.names[name + 2]];
    }
  }

  private same(a: number, b: number, length: number): boolean {
    const { source } = this;
    for (let i = 0; i < length; i++) if (source.charCodeAt(a + i) !== source.charCodeAt(b + i)) return false;
    return true;
  }

  /** Twice the slots, filled again from the names, which stay where they are. */
  private grow(): void {
    this.capacity *= 2;
    const slots = (this.slots = new Int32Array(2 * this.capacity));
    const mask = this.capacity - 1;
    for (let name = 0; name < this.count; name++) {
      const start = this.names[3 * name];
      const hash = hashSpan(this.source, start, this.names[3 * name + 1]);
      let i = hash & mask;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = hash;
      slots[2 * i + 1] = name + 1;
    }
  }
}

// FNV-1a over UTF-16 code units.
function hashSpan(text: string, start: number, length: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < start + length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash;
}
