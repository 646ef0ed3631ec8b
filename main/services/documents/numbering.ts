/**
 * Letter numbers: one running sequence per (scope, year), scope 'umum' shared by every kind
 * unless the office separates them (then the kind). A number once taken is never given again: the sequence only
 * goes up, a voided document keeps its row, and a rolled-back issue rolls its bump back with it.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { bumpSequence, lastInSequence, raiseSequence, sequenceYears } from '../../../db/queries/documents';
import { documentSettings, documentTemplates } from '../../../db/schema';
import { type DocumentKind, formatLetterNumber } from '../../domain/documents';

/**
 * Runs fn in a transaction that takes SQLite's write lock first (BEGIN IMMEDIATE). A deferred transaction
 * that reads before it writes cannot be upgraded once another connection has written (SQLITE_BUSY_SNAPSHOT),
 * so issuing, which reads the family before it takes a number, must start as a writer and wait its turn
 * (busy_timeout) instead. Nested inside another transaction it becomes a savepoint.
 */
export function inWriteTransaction<T>(db: Db, fn: () => T): T {
  const run = db.$client.transaction(fn);
  return db.$client.inTransaction ? run() : run.immediate();
}

export interface AllocatedNumbers {
  scope: string;
  year: number;
  /** The sequence numbers taken, consecutive, ascending. */
  sequences: number[];
  /** The formatted letter numbers, in the same order. */
  numbers: string[];
}

/** The sequence a kind draws from: shared ('umum') unless the office runs one per kind. */
export function sequenceScope(separate: boolean, kind: DocumentKind): string {
  return separate ? kind : 'umum';
}

/**
 * Takes the next `count` numbers of the kind for the year of issuedDate. Must run inside inWriteTransaction
 * together with the inserts of the documents that carry the numbers (all or nothing).
 */
export function allocateNumbers(db: Db, kind: DocumentKind, issuedDate: string, count: number): AllocatedNumbers {
  if (!db.$client.inTransaction) throw new Error('allocateNumbers must run inside inWriteTransaction');
  const settings = db.select().from(documentSettings).where(eq(documentSettings.id, 1)).get();
  const template = db.select().from(documentTemplates).where(eq(documentTemplates.kind, kind)).get();
  if (!settings || !template) throw new Error('document settings or template missing (migration 0010)');
  const scope = sequenceScope(settings.separateSequences, kind);
  const year = Number(issuedDate.slice(0, 4));
  const last = bumpSequence(db, scope, year, count);
  const sequences = Array.from({ length: count }, (_, i) => last - count + 1 + i);
  return {
    scope,
    year,
    sequences,
    numbers: sequences.map((n) => formatLetterNumber(template.numberPattern, n, settings.unitCode, issuedDate)),
  };
}

/**
 * When the office switches between one shared sequence and one per kind, the new scopes start where the old
 * ones stand for every year already used, so a pattern shared before cannot print a number a second time.
 */
export function alignSequences(db: Db, separate: boolean, kinds: readonly DocumentKind[]): void {
  for (const year of sequenceYears(db)) {
    const current = (scope: string) => lastInSequence(db, scope, year);
    if (separate) {
      const shared = current('umum');
      if (shared > 0) for (const kind of kinds) raiseSequence(db, kind, year, shared);
    } else {
      const highest = Math.max(0, ...kinds.map(current));
      if (highest > 0) raiseSequence(db, 'umum', year, highest);
    }
  }
}
