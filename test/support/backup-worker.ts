/**
 * The process killed in the middle of a backup or a restore (test/node/backup-kill.test.ts). It says "ready",
 * waits for "go", then runs the job; with a stop point it says "paused" there and waits to be killed, so the
 * kill lands exactly at that point; without one the test kills it after a delay.
 *   backup <database file> <folder> [progress call to stop at]
 *   restore <backup file> <database file> <folder> [step to stop at]
 */
import { openDatabase } from '../../db/open';
import { createBackup, type RestoreStep, restoreBackup } from '../../main/services/backup';

const [mode, ...args] = process.argv.slice(2);

function pauseHere(): void {
  process.stdout.write('paused\n');
  // blocks the whole process, as a slow disk would, until the test kills it
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

async function run(): Promise<unknown> {
  if (mode === 'backup') {
    const [file, folder, stopAt] = args;
    const db = openDatabase(file);
    let calls = 0;
    const info = await createBackup(db, folder, 'berkala', {
      onProgress: () => {
        calls++;
        if (stopAt && calls === Number(stopAt)) pauseHere();
      },
    });
    db.$client.close();
    return info.name;
  }
  const [backupFile, databaseFile, folder, stopAt] = args;
  return restoreBackup({
    backupFile,
    databaseFile,
    folder,
    onStep: (step: RestoreStep) => {
      if (step === stopAt) pauseHere();
    },
  });
}

process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  const result = await run();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
});
