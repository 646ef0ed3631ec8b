/** The command line (main/cli.ts) run as a user runs it, in its own process: what it printed and its exit code. */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(__dirname, '../..');
const run = promisify(execFile);

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export function runCli(...args: string[]): Promise<CliResult> {
  // node --import tsx runs the CLI in the spawned process itself (see spawn-ts.ts).
  return run(process.execPath, ['--import', 'tsx', resolve(root, 'main/cli.ts'), ...args], { cwd: root }).then(
    ({ stdout, stderr }) => ({ stdout, stderr, code: 0 }),
    (error: CliResult) => ({ stdout: error.stdout, stderr: error.stderr, code: error.code }),
  );
}
