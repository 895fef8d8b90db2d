/**
 * The random numbers of zeros, ones, rand and randn's siblings: xoshiro128** (Blackman and
 * Vigna), seeded through splitmix32 from a 32-bit seed. Every step is 32-bit integer
 * arithmetic (Math.imul, shifts), so a seed gives the same numbers on every machine and
 * version of Node and in every browser; Math.random is never used.
 */
export class Random {
  private readonly state = new Uint32Array(4);
  /** The second of the pair of normal numbers Box–Muller makes, kept for the next call. */
  private spare: number | undefined;

  constructor(readonly seed: number) {
    // splitmix32 spreads the seed over the four words of the state.
    let s = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.state[i] = (z ^ (z >>> 16)) >>> 0;
    }
  }

  /** A seed for a run that was given none, from the system's randomness: told to the user, so that the run can be repeated. */
  static seed(): number {
    return globalThis.crypto.getRandomValues(new Uint32Array(1))[0];
  }

  /** The next 32 random bits. */
  next(): number {
    const s = this.state;
    const result = Math.imul(rotate(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotate(s[3], 11);
    return result;
  }

  /** Uniform in [0, 1), with all 53 bits of a double: 27 bits from one step and 26 from the next. */
  uniform(): number {
    return ((this.next() >>> 5) * 2 ** 26 + (this.next() >>> 6)) / 2 ** 53;
  }

  /** Standard normal (mean 0, deviation 1), by Box–Muller: two a pair, the second kept. */
  normal(): number {
    if (this.spare !== undefined) {
      const spare = this.spare;
      this.spare = undefined;
      return spare;
    }
    // 1 − uniform is in (0, 1]: its logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }
}

function rotate(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
