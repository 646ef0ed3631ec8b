/**
 * Runs a TypeScript script in a child Node process. Through `node --import tsx` the script runs in the very
 * process that is spawned: the `tsx` command line starts the script in a grandchild, so a SIGKILL sent to it
 * left the script running on (found when the kill tests raced a still-running restore).
 */
import { type SpawnOptionsWithoutStdio, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

export function spawnTs(script: string, args: string[], options: SpawnOptionsWithoutStdio = {}) {
  return spawn(process.execPath, ['--import', 'tsx', resolve(root, script), ...args], { cwd: root, ...options });
}
