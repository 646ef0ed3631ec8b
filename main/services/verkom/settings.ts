/** The attendance threshold (a setting of the office; sources differ between 85% and 45%). */
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { verkomSettings } from '../../../db/schema';
import { VERKOM_DUTIES } from '../../domain/duties';
import { DEFAULT_THRESHOLD_BP } from '../../domain/verkom';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';

export function thresholdBp(db: Db): number {
  return db.select().from(verkomSettings).where(eq(verkomSettings.id, 1)).get()?.thresholdBp ?? DEFAULT_THRESHOLD_BP;
}

export function getVerkomSettings(db: Db, actor: Actor): { thresholdPercent: number } {
  requireDuty(actor, VERKOM_DUTIES.view, 'melihat verifikasi komitmen');
  return { thresholdPercent: thresholdBp(db) / 100 };
}

export function updateVerkomSettings(db: Db, actor: Actor, input: { thresholdPercent: number }) {
  requireDuty(actor, VERKOM_DUTIES.settings, 'mengubah ambang kehadiran');
  const bp = Math.round(input.thresholdPercent * 100);
  return inTransaction(db, () => {
    const before = thresholdBp(db);
    db.insert(verkomSettings)
      .values({ id: 1, thresholdBp: bp })
      .onConflictDoUpdate({ target: verkomSettings.id, set: { thresholdBp: bp } })
      .run();
    writeAudit(db, actor, {
      action: 'update',
      entity: 'settings',
      entityId: null,
      summary: `Ambang kehadiran verifikasi komitmen diubah dari ${before / 100}% menjadi ${bp / 100}%`,
      before: { thresholdBp: before },
      after: { thresholdBp: bp },
    });
    return { thresholdPercent: bp / 100 };
  });
}
