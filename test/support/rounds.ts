/**
 * The worker side of `inLockStep` (worker-process.ts): says "ready", then runs `step` once for each "go" line
 * on stdin and answers "done" after each, and on "end" prints `result()` as one JSON line and exits.
 */
import { createInterface } from 'node:readline';

export async function runRounds(step: (round: number) => void | Promise<void>, result: () => unknown): Promise<void> {
  process.stdout.write('ready\n');
  let round = 0;
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'go') {
      await step(round++);
      process.stdout.write('done\n');
    } else if (line === 'end') {
      process.stdout.write(`${JSON.stringify(result())}\n`);
      process.exit(0);
    }
  }
}
