/**
 * One of the two processes of the concurrent numbering test (test/node/documents-numbering.test.ts): opens the
 * database file itself, says "ready", waits for "go" on stdin so both start at the same moment, then issues
 * COUNT documents one write transaction each and prints the sequence numbers it got as JSON.
 */
import { openDatabase } from '../../db/open';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { insertDocuments } from '../../main/services/documents/issue';
import { inWriteTransaction } from '../../main/services/documents/numbering';
import { plainDraft } from './documents-db';

const [file, countText, name] = process.argv.slice(2);
const db = openDatabase(file);
process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  const sequences: number[] = [];
  for (let i = 0; i < Number(countText); i++) {
    // A breath between issues, as between two clicks: without it one process takes the lock back the instant
    // it commits and the other's busy handler, sleeping, only gets in when the first is done.
    await new Promise((done) => setTimeout(done, 1));
    const [row] = inWriteTransaction(db, () =>
      insertDocuments(db, SYSTEM_ACTOR, [plainDraft('2026-11-30', `${name} ${i}`)]),
    );
    sequences.push(row.sequence);
  }
  db.$client.close();
  process.stdout.write(`${JSON.stringify(sequences)}\n`);
  process.exit(0);
});
