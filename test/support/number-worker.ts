/**
 * One of the two processes of the concurrent numbering test (test/node/documents-numbering.test.ts): opens the
 * database file itself, then issues one document per round (`runRounds`: both processes issue at the same
 * moment, each in its own write transaction) and prints the sequence numbers it got as JSON.
 */
import { openDatabase } from '../../db/open';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { insertDocuments } from '../../main/services/documents/issue';
import { inWriteTransaction } from '../../main/services/documents/numbering';
import { plainDraft } from './documents-db';
import { runRounds } from './rounds';

const [file, name] = process.argv.slice(2);
const db = openDatabase(file);
const sequences: number[] = [];
runRounds(
  (round) => {
    const [row] = inWriteTransaction(db, () =>
      insertDocuments(db, SYSTEM_ACTOR, [plainDraft('2026-11-30', `${name} ${round}`)]),
    );
    sequences.push(row.sequence);
  },
  () => {
    db.$client.close();
    return sequences;
  },
);
