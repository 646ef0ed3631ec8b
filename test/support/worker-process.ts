/**
 * Two processes at the same moment (numbering, budget guard): a test/support worker script is started with
 * its arguments, prints "ready" once it has opened the database, waits for "go" on stdin so both start
 * together, and prints its result as one JSON line.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

export function startWorker<T>(script: string, args: string[], name: string) {
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'test/support', script), ...args], {
    cwd: root,
  });
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
