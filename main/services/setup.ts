import type { Db } from '../../db/open';
import { inTransaction } from '../../db/open';
import { benefitAmounts, type Office, office } from '../../db/schema';
import { AppError } from '../domain/errors';
import { DEFAULT_YEARLY_BENEFIT, KOMPONEN } from '../domain/komponen';
import type { SetupInput } from '../domain/schemas';
import { SYSTEM_ACTOR } from './actor';
import { writeAudit } from './audit';
import { hashPassword, insertUserRow, type PublicUser } from './auth';
import { ensureOwnKey } from './documents/keys';
import { insertRegions, listAllRegencies, regionRowsFor } from './regions';

export function isSetupDone(db: Db): boolean {
  return db.select({ id: office.id }).from(office).get() !== undefined;
}

export function getOffice(db: Db): Office | null {
  return db.select().from(office).get() ?? null;
}

/**
 * First-run setup: the office profile, its regions, the default benefit table and the first
 * administrator, all in one transaction so a failed setup leaves an empty database behind.
 */
export async function completeSetup(db: Db, input: SetupInput): Promise<{ office: Office; admin: PublicUser }> {
  if (isSetupDone(db)) throw new AppError('SETUP_DONE', 'Aplikasi sudah disiapkan sebelumnya.');
  const regency = (await listAllRegencies()).find((r) => r.code === input.office.regencyCode);
  if (!regency) {
    throw new AppError('INVALID_INPUT', 'Kabupaten/kota tidak dikenal.', {
      fields: { 'office.regencyCode': 'Pilih kabupaten/kota dari daftar.' },
    });
  }
  const regionRows = await regionRowsFor(regency.code);
  // Hashed before the transaction: better-sqlite3 transactions cannot await.
  const adminHash = await hashPassword(input.admin.password);
  return inTransaction(db, () => {
    if (isSetupDone(db)) throw new AppError('SETUP_DONE', 'Aplikasi sudah disiapkan sebelumnya.');
    insertRegions(db, regionRows);
    db.insert(benefitAmounts)
      .values(KOMPONEN.map((komponen) => ({ komponen, yearly: DEFAULT_YEARLY_BENEFIT[komponen] })))
      .run();
    const saved = db
      .insert(office)
      .values({ id: 1, ...input.office, regencyName: regency.name, setupAt: new Date().toISOString() })
      .returning()
      .get();
    writeAudit(db, SYSTEM_ACTOR, {
      action: 'setup',
      entity: 'office',
      entityId: 1,
      summary: `Aplikasi disiapkan untuk ${saved.agencyName}`,
      after: { ...saved, logo: saved.logo ? '(gambar)' : null },
    });
    const admin = insertUserRow(db, SYSTEM_ACTOR, { ...input.admin, role: 'admin' }, adminHash);
    // The key that signs the documents' verification codes; made here so it exists from day one.
    ensureOwnKey(db);
    return { office: saved, admin };
  });
}
