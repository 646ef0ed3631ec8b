/** Graduation rows for tests, inserted directly where another engineer's feature would create them. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { exitTypes, graduationCandidates } from '../../db/schema';
import type { CandidateKind, CandidateStage } from '../../main/domain/graduation';

export function exitTypeIdNamed(db: Db, name: string): number {
  const row = db.select().from(exitTypes).where(eq(exitTypes.name, name)).get();
  if (!row) throw new Error(`no exit type ${name}`);
  return row.id;
}

/** A candidacy at any stage (e.g. 'terverifikasi', 'disetujui'), as the decisions work would leave it. */
export function insertCandidacy(db: Db, kpmId: number, stage: CandidateStage, kind: CandidateKind = 'mandiri'): number {
  const now = new Date().toISOString();
  return db
    .insert(graduationCandidates)
    .values({ kpmId, kind, reasons: ['usaha'], stage, createdByName: 'uji', createdAt: now, updatedAt: now })
    .returning()
    .get().id;
}
