/** A seeded PRNG (mulberry32): the same seed always gives the same dataset. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items (fewer when there are not enough). */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<T>();
    // Small lists may repeat items; large ones are distinct where this is used.
    const wanted = Math.min(count, items.length <= 16 ? new Set(items).size : items.length);
    while (chosen.size < wanted) chosen.add(this.pick(items));
    return [...chosen];
  }

  /** An index in [0, n), skewed towards 0: a few governments speak (and are blamed) most. */
  skewed(n: number): number {
    return Math.min(n - 1, Math.floor(n * this.next() ** 1.6));
  }

  date(fromYear: number, toYear: number): string {
    const year = this.int(fromYear, toYear);
    const month = String(this.int(1, 12)).padStart(2, "0");
    const day = String(this.int(1, 28)).padStart(2, "0");
    return `${year}-${month}-${day}`;
  }
}

const SYLLABLES = [
  "va",
  "ro",
  "kin",
  "tel",
  "ma",
  "ru",
  "zen",
  "dor",
  "lis",
  "qua",
  "bel",
  "nor",
  "sca",
  "vel",
  "tor",
  "mi",
  "gan",
  "sha",
  "pex",
  "lu",
];

/** A pronounceable, unique code name for `index` ("Velrokin"): four syllables, base 20. */
export function codeName(index: number): string {
  let rest = index;
  let word = "";
  for (let i = 0; i < 4; i += 1) {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  if (rest > 0) word += SYLLABLES[rest % SYLLABLES.length];
  return word[0].toUpperCase() + word.slice(1);
}
