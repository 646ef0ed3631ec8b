/** The regency's UMK (rupiah per month), the office's setting the business figures are compared with. */
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { businessSettings } from '../../../db/schema';
import { BUSINESS_DUTIES } from '../../domain/business';
import { formatRupiah } from '../../domain/format';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';

/** The UMK, 0 when the office has not set it. */
export function getUmk(db: Db): number {
  return db.select().from(businessSettings).where(eq(businessSettings.id, 1)).get()?.umk ?? 0;
}

export function setUmk(db: Db, actor: Actor, umk: number): { umk: number } {
  requireDuty(actor, BUSINESS_DUTIES.settings, 'mengubah UMK');
  return inTransaction(db, () => {
    const before = getUmk(db);
    db.insert(businessSettings)
      .values({ id: 1, umk })
      .onConflictDoUpdate({ target: businessSettings.id, set: { umk } })
      .run();
    writeAudit(db, actor, {
      action: 'update',
      entity: 'business_settings',
      entityId: 1,
      summary: `UMK diubah menjadi ${formatRupiah(umk)} per bulan`,
      before: { umk: before },
      after: { umk },
    });
    return { umk };
  });
}
