/** The documents on a family's page: the kinds it may get now, and what it was issued. */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { documents, kpm } from '../../../db/schema';
import { FAMILY_KINDS } from '../../domain/documents';
import { AppError } from '../../domain/errors';
import { familyEligibility } from './eligibility';
import { registerColumns, toRegisterRow } from './register-row';
import type { FamilyDocuments } from './types';

export function documentsForFamily(db: Db, kpmId: number): FamilyDocuments {
  if (!db.select({ id: kpm.id }).from(kpm).where(eq(kpm.id, kpmId)).get()) {
    throw new AppError('NOT_FOUND', 'KPM tidak ditemukan.');
  }
  const options = FAMILY_KINDS.map((kind) => {
    const result = familyEligibility(db, kind, kpmId);
    return { kind, ready: result.ok, reason: result.ok ? null : result.reason };
  });
  const issued = db
    .select(registerColumns)
    .from(documents)
    .where(eq(documents.kpmId, kpmId))
    .orderBy(desc(documents.id))
    .all()
    .map(toRegisterRow);
  return { options, issued };
}
