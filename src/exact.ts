/**
 * Exact rational numbers, for the arithmetic of scalar programs: decimals in, + − × ÷, integer
 * powers and the kinks out are exact, as `bc` is, and a value or gradient that cancels to 0 is
 * 0, not 2.8e-17.
 *
 * Most numbers a program meets are decimals with few digits (prices, quantities, 1.1), and so
 * are their sums and products: such a number is kept as a whole number of `units` and its
 * `places` after the point (3.3 is 33 units, 1 place), both ordinary numbers, whose arithmetic
 * is a multiplication or two. Only where that cannot hold the value (1/3, or more digits than a
 * double holds whole) is it a fraction of two BigInts. A fraction that grows past MAX_BITS is
 * given up on: the operation that made it is inexact, and rounds once, as exp or log does.
 */
export class Exact {
  private constructor(
    /** The decimal's whole number of units, |units| ≤ MAX_UNITS; NaN for a fraction. */
    readonly units: number,
    /** How many places after the point the units have, from 0 to MAX_PLACES. */
    readonly places: number,
    /** A fraction in lowest terms, its denominator positive: only where the decimal cannot be. */
    readonly fraction?: { num: bigint; den: bigint },
  ) {}

  static readonly ZERO = new Exact(0, 0);
  static readonly ONE = new Exact(1, 0);

  /**
   * The decimal with `places` places of which `double` is the nearest double, as the graph
   * keeps it: its units are double × 10^places, rounded, which gives them back exactly while
   * they are below MAX_UNITS (2^50), as Exact keeps them.
   */
  static atPlaces(double: number, places: number): Exact {
    if (double === 0) return Exact.ZERO;
    return new Exact(unitsOf(double, places), places);
  }

  /** num / den in lowest terms, as a decimal where it is one; undefined for den = 0 or a fraction past MAX_BITS. */
  static fraction(num: bigint, den: bigint): Exact | undefined {
    if (den === 0n) return undefined;
    if (den < 0n) [num, den] = [-num, -den];
    const divisor = gcd(num < 0n ? -num : num, den);
    if (divisor > 1n) [num, den] = [num / divisor, den / divisor];
    // A denominator of 2s and 5s only is a power of ten's divisor: num/den is a decimal.
    let twos = 0;
    let fives = 0;
    let rest = den;
    while (rest % 2n === 0n) [rest, twos] = [rest / 2n, twos + 1];
    while (rest % 5n === 0n) [rest, fives] = [rest / 5n, fives + 1];
    if (rest === 1n && Math.max(twos, fives) <= MAX_PLACES) {
      const places = Math.max(twos, fives);
      const units = num * (10n ** BigInt(places) / den);
      if (units >= -BIG_MAX_UNITS && units <= BIG_MAX_UNITS) return new Exact(Number(units), places);
    }
    if (bits(num) + bits(den) > MAX_BITS) return undefined;
    return new Exact(NaN, 0, { num, den });
  }

  /**
   * The decimal a double stands for when it is given as a value: its shortest text, as
   * String(x) writes it (0.1 is 1/10, not the double's binary fraction). Undefined for a
   * number that is not finite.
   */
  static of(x: number): Exact | undefined {
    if (!Number.isFinite(x)) return undefined;
    // Most values have few places: the first that gives x back names the shortest decimal.
    for (let places = 0; places <= 9; places++) {
      const units = unitsOf(x, places);
      if (Math.abs(units) <= MAX_UNITS && doubleOf(units, places) === x) return new Exact(units === 0 ? 0 : units, places);
    }
    const [mantissa, exponent = '0'] = String(x).split('e');
    const point = mantissa.indexOf('.');
    const places = (point < 0 ? 0 : mantissa.length - point - 1) - Number(exponent);
    const digits = BigInt(mantissa.replace('.', ''));
    return places >= 0 ? Exact.fraction(digits, 10n ** BigInt(places)) : Exact.fraction(digits * 10n ** BigInt(-places), 1n);
  }

  /** The double nearest to this number, rounded once. */
  toNumber(): number {
    if (this.fraction === undefined) return doubleOf(this.units, this.places);
    return nearestDouble(this.fraction.num, this.fraction.den);
  }

  get isZero(): boolean {
    return this.units === 0;
  }

  get sign(): number {
    return this.fraction === undefined ? Math.sign(this.units) : this.fraction.num > 0n ? 1 : this.fraction.num < 0n ? -1 : 0;
  }

  get isInteger(): boolean {
    return this.fraction === undefined ? this.units % POWERS[this.places] === 0 : this.fraction.den === 1n;
  }

  plus(other: Exact): Exact | undefined {
    // A gradient starts at 0, and most receive one share: nothing to add.
    if (this.isZero) return other;
    if (other.isZero) return this;
    if (this.fraction === undefined && other.fraction === undefined) {
      const sum = sumUnits(this.units, this.places, other.units, other.places);
      if (!Number.isNaN(sum)) return new Exact(sum, Math.max(this.places, other.places));
    }
    const [a, b] = [this.ratio(), other.ratio()];
    return Exact.fraction(a.num * b.den + b.num * a.den, a.den * b.den);
  }

  minus(other: Exact): Exact | undefined {
    return this.plus(other.negated());
  }

  times(other: Exact): Exact | undefined {
    // The slopes of + and − are 1: the share is the gradient arriving, as it is.
    if (other === Exact.ONE) return this;
    if (this === Exact.ONE) return other;
    if (this.fraction === undefined && other.fraction === undefined) {
      const product = productUnits(this.units, this.places, other.units, other.places);
      if (!Number.isNaN(product)) return new Exact(product, this.places + other.places);
    }
    const [a, b] = [this.ratio(), other.ratio()];
    return Exact.fraction(a.num * b.num, a.den * b.den);
  }

  /** this ÷ other; undefined for a division by 0. */
  over(other: Exact): Exact | undefined {
    const [a, b] = [this.ratio(), other.ratio()];
    return Exact.fraction(a.num * b.den, a.den * b.num);
  }

  negated(): Exact {
    return this.fraction === undefined ? new Exact(this.units === 0 ? 0 : -this.units, this.places) : new Exact(NaN, 0, { num: -this.fraction.num, den: this.fraction.den });
  }

  /** this ^ n for a whole n; undefined where it is no number (0 ^ -1) or past MAX_BITS. */
  pow(n: number): Exact | undefined {
    if (n < 0) return Exact.ONE.over(this)?.pow(-n);
    const { num, den } = this.ratio();
    if (n > 0 && (bits(num) + bits(den)) * n > 2 * MAX_BITS) return undefined;
    return Exact.fraction(num ** BigInt(n), den ** BigInt(n));
  }

  /** The square root, where it is rational (√2.25 is 1.5); undefined where it is not. */
  sqrt(): Exact | undefined {
    const { num, den } = this.ratio();
    if (num < 0n) return undefined;
    const [root, denRoot] = [squareRoot(num), squareRoot(den)];
    return root === undefined || denRoot === undefined ? undefined : Exact.fraction(root, denRoot);
  }

  /** Less than 0, 0, or more than 0 as this is less than, equal to, or more than other. */
  compare(other: Exact): number {
    if (this.fraction === undefined && other.fraction === undefined) {
      const difference = sumUnits(this.units, this.places, -other.units, other.places);
      if (!Number.isNaN(difference)) return Math.sign(difference);
    }
    const [a, b] = [this.ratio(), other.ratio()];
    const difference = a.num * b.den - b.num * a.den;
    return difference > 0n ? 1 : difference < 0n ? -1 : 0;
  }

  /** The decimal or fraction as text, for tests and messages: 3.3, -1/3. */
  toString(): string {
    if (this.fraction !== undefined) return this.fraction.den === 1n ? `${this.fraction.num}` : `${this.fraction.num}/${this.fraction.den}`;
    const digits = String(Math.abs(this.units)).padStart(this.places + 1, '0');
    const point = digits.length - this.places;
    const text = this.places === 0 ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`;
    return this.units < 0 ? `-${text}` : text;
  }

  /** The number as a fraction of BigInts. */
  private ratio(): { num: bigint; den: bigint } {
    return this.fraction ?? { num: BigInt(this.units), den: 10n ** BigInt(this.places) };
  }
}

/**
 * The most units of a decimal: 2^50. A double holds every whole number to 2^53, so the sum or
 * product of two such numbers is exact whenever it is within 2^53, which the checks against
 * MAX_UNITS after each operation make sure of (a product of two numbers of 2^50 is far above
 * 2^53 and is then done in BigInts).
 */
const MAX_UNITS = 2 ** 50;
const BIG_MAX_UNITS = BigInt(MAX_UNITS);
/** The most places of a decimal: 10^22 is the largest power of ten a double holds exactly. */
const MAX_PLACES = 22;
/** How large a fraction may grow, in bits of numerator and denominator: some 600 digits. */
const MAX_BITS = 2048;
const POWERS = Array.from({ length: MAX_PLACES + 1 }, (_, n) => 10 ** n);

/*
 * The arithmetic of decimals, each a whole number of units and its places, on plain numbers:
 * Exact's, and the graph's on its columns, where a receipt's million sums and products then
 * make no object each.
 */

/** A decimal's units from the double that stands for it (the nearest to units / 10^places). */
export function unitsOf(double: number, places: number): number {
  return Math.round(double * POWERS[places]);
}

/** The double nearest to a decimal: units / 10^places, rounded once. */
export function doubleOf(units: number, places: number): number {
  return units / POWERS[places];
}

/** The units of a × b, at pa + pb places; NaN past MAX_UNITS or MAX_PLACES, where BigInts take over. */
export function productUnits(a: number, pa: number, b: number, pb: number): number {
  const product = a * b;
  return Math.abs(product) <= MAX_UNITS && pa + pb <= MAX_PLACES ? (product === 0 ? 0 : product) : NaN;
}

/** The units of a + b, at the larger of their places; NaN past MAX_UNITS. */
export function sumUnits(a: number, pa: number, b: number, pb: number): number {
  const places = Math.max(pa, pb);
  const x = a * POWERS[places - pa];
  const y = b * POWERS[places - pb];
  const sum = x + y;
  return Math.abs(x) <= MAX_UNITS && Math.abs(y) <= MAX_UNITS && Math.abs(sum) <= MAX_UNITS ? (sum === 0 ? 0 : sum) : NaN;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function bits(n: bigint): number {
  return (n < 0n ? -n : n).toString(2).length;
}

/** The whole square root of n, if n is a square. */
function squareRoot(n: bigint): bigint | undefined {
  if (n < 2n) return n;
  // Newton's method on whole numbers, from above.
  let root = 1n << BigInt(Math.ceil(bits(n) / 2));
  for (let next = (root + n / root) / 2n; next < root; next = (root + n / root) / 2n) root = next;
  return root * root === n ? root : undefined;
}

/**
 * num / den rounded once to the nearest double (ties to even), as IEEE division of exact
 * operands would: a quotient of 55 bits and whether anything was left over decide it.
 */
function nearestDouble(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const negative = num < 0n;
  if (negative) num = -num;
  // Scale so that the quotient has 55 or 56 bits: 53 kept, and two to round by.
  let shift = 55 - (bits(num) - bits(den));
  let [scaledNum, scaledDen] = shift >= 0 ? [num << BigInt(shift), den] : [num, den << BigInt(-shift)];
  let quotient = scaledNum / scaledDen;
  if (bits(quotient) < 56) {
    shift++;
    [scaledNum, scaledDen] = shift >= 0 ? [num << BigInt(shift), den] : [num, den << BigInt(-shift)];
    quotient = scaledNum / scaledDen;
  }
  const sticky = scaledNum % scaledDen !== 0n;
  // Below the normal range a double has fewer bits: keep as many as the exponent leaves room for.
  const exponent = bits(quotient) - 1 - shift;
  const keep = exponent < -1022 ? Math.max(0, 53 - (-1022 - exponent)) : 53;
  const drop = BigInt(bits(quotient) - keep);
  let kept = quotient >> drop;
  const rest = quotient - (kept << drop);
  const half = drop > 0n ? 1n << (drop - 1n) : 0n;
  // Past half, up; at half exactly (nothing left over), to the even one.
  if (drop > 0n && (rest > half || (rest === half && (sticky || (kept & 1n) === 1n)))) kept++;
  // kept now fits the double exactly: scaled in two steps, as 2 ** −1100 alone would be 0.
  const power = Number(drop) - shift;
  const first = Math.max(power, -1000);
  const value = Number(kept) * 2 ** first * 2 ** (power - first);
  return negative ? -value : value;
}
