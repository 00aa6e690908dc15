/**
 * Deterministic randomness (DESIGN §3: the domain has no randomness of its own; a seeded source is passed in).
 * The same seed always gives the same sequence, on every platform, so a simulation with a seed is reproducible.
 *
 * - `hashString`: 32-bit FNV-1a over UTF-16 code units, finished with the murmur3 avalanche so that texts
 *   differing in one character (`seed:lead1`, `seed:lead2`) give unrelated seeds.
 * - `createSeededRandom`: mulberry32, a small, fast generator with a 2^32 period; plenty for simulations,
 *   not for anything secret.
 */

/** A deterministic source of numbers. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive; `min` and `max` must be safe integers with `min <= max`. */
  int(min: number, max: number): number;
}

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const TWO_POW_32 = 4_294_967_296;

/** An unsigned 32-bit hash of `text` (FNV-1a + murmur3 finaliser). */
export function hashString(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * A generator seeded by `seed`: an integer in the unsigned or signed 32-bit range is used as is (mod 2^32);
 * any other number (fractions, larger integers) and any string are hashed with `hashString` first.
 */
export function createSeededRandom(seed: number | string): SeededRandom {
  let state = toSeed32(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  };
  return {
    next,
    int(min: number, max: number): number {
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
        throw new RangeError(`int(min, max) needs safe integers with min <= max; got ${min}, ${max}`);
      }
      return min + Math.floor(next() * (max - min + 1));
    },
  };
}

function toSeed32(seed: number | string): number {
  if (typeof seed === 'number' && Number.isInteger(seed) && seed >= -0x80000000 && seed <= 0xffffffff) {
    return seed >>> 0;
  }
  return hashString(String(seed));
}
