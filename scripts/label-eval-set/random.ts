/**
 * A seeded pseudo-random source, so an evaluation set is the same for the same seed on every
 * machine (Math.random cannot be seeded). mulberry32: small, fast, well mixed for 32-bit state —
 * plenty for choosing fonts, layouts and noise; nothing here needs cryptographic quality.
 */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [0, 2^32). */
  uint32(): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** A number in [min, max). */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** +1 or -1 with equal odds. */
  sign(): number;
  /** A normally distributed number (mean 0, standard deviation 1). */
  gaussian(): number;
}

export function seededRandom(seed: string): Random {
  let state = hashSeed(seed);
  const uint32 = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => uint32() / 4294967296;
  const random: Random = {
    next,
    uint32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    pick: (items) => {
      if (items.length === 0) throw new Error('Cannot pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    chance: (probability) => next() < probability,
    sign: () => (next() < 0.5 ? -1 : 1),
    gaussian: () => {
      // Box–Muller; 1 - next() keeps the logarithm away from 0.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
  return random;
}

/** FNV-1a over the seed's characters: any string (a number, a name) becomes a 32-bit state. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
