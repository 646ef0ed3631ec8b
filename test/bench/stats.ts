/** Small helpers for benchmarks: figures are printed as `bench: <name> <value> <unit>`, never asserted. */

export function report(name: string, value: number, unit: string, digits = 2): void {
  console.log(`bench: ${name} ${value.toFixed(digits)} ${unit}`);
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs fn once per input (after a warm-up pass) and returns the milliseconds each run took. */
export function timeEach<T>(inputs: T[], fn: (input: T) => unknown): number[] {
  for (const input of inputs.slice(0, 20)) fn(input);
  return inputs.map((input) => {
    const start = process.hrtime.bigint();
    fn(input);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
}

/**
 * Runs fn once per input (after the same warm-up) and returns the CPU milliseconds each run took: on a loaded machine
 * (eight engineers on two cores) the wall time is mostly waiting for a core.
 */
export function cpuEach<T>(inputs: T[], fn: (input: T) => unknown): number[] {
  for (const input of inputs.slice(0, 20)) fn(input);
  return inputs.map((input) => {
    const start = process.cpuUsage();
    fn(input);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  });
}

/** A small seeded PRNG so every run asks the same questions. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
