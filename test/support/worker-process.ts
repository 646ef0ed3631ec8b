/**
 * Two processes at the same moment (numbering, budget guard): a test/support worker script is started with
 * its arguments, prints "ready" once it has opened the database, waits for "go" on stdin so both start
 * together, and prints its result as one JSON line.
 */

import { join } from 'node:path';
import { spawnTs } from './spawn-ts';

export function startWorker<T>(script: string, args: string[], name: string) {
  const child = spawnTs(join('test/support', script), args);
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const ready = new Promise<void>((ok) =>
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.startsWith('ready\n')) ok();
    }),
  );
  const result = new Promise<T>((ok, fail) =>
    child.on('exit', (code) =>
      code === 0 ? ok(JSON.parse(out.split('\n')[1]) as T) : fail(new Error(`worker ${name}: ${err}`)),
    ),
  );
  return { ready, go: () => child.stdin.write('go\n'), result };
}
