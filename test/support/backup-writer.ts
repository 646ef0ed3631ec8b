/**
 * The writer beside a backup (test/node/backup.test.ts): another process that, from "go" until MS milliseconds
 * have passed, keeps adding a ledger row and raising the totals row in one transaction each, as staff saving
 * while a backup runs. Prints how many transactions it committed.
 */
import Database from 'better-sqlite3';

const [file, msText] = process.argv.slice(2);
const db = new Database(file);
db.pragma('busy_timeout = 5000');
const add = db.transaction((amount: number) => {
  db.prepare('INSERT INTO ledger (amount) VALUES (?)').run(amount);
  db.prepare('UPDATE totals SET n = n + 1, total = total + ? WHERE id = 1').run(amount);
});
process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  const end = Date.now() + Number(msText);
  let commits = 0;
  while (Date.now() < end) {
    add(1 + (commits % 7));
    commits++;
    // a breath between saves, as between two clicks, so the backup's steps get the read lock in between
    if (commits % 20 === 0) await new Promise((done) => setTimeout(done, 1));
  }
  db.close();
  process.stdout.write(`${JSON.stringify(commits)}\n`);
  process.exit(0);
});
