import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, inTransaction } from '../../db/open';
import { activeFamiliesHoldingAny } from '../../db/queries/kpm';
import { benefitAmounts, office } from '../../db/schema';
import { SETTINGS_DUTIES } from '../domain/duties';
import { AppError } from '../domain/errors';
import { formatNumber } from '../domain/format';
import { KOMPONEN, type Komponen, komponenMask } from '../domain/komponen';
import type { officeSchema } from '../domain/schemas';
import { type Actor, requireRole } from './actor';
import { writeAudit } from './audit';
import { getBenefitAmounts } from './kpm';
import { getOffice } from './setup';

export interface BenefitChangeImpact {
  /** The komponen whose yearly amount differs from the saved one. */
  changed: Komponen[];
  /** Active families holding at least one of them: their benefit changes. */
  families: number;
}

/** What saving these amounts would change; asked before saving so the administrator can confirm. */
export function benefitChangeImpact(db: Db, amounts: Record<Komponen, number>): BenefitChangeImpact {
  const saved = getBenefitAmounts(db);
  const changed = KOMPONEN.filter((k) => amounts[k] !== saved[k]);
  if (changed.length === 0) return { changed, families: 0 };
  return { changed, families: activeFamiliesHoldingAny(db, komponenMask(changed)) };
}

export function updateBenefitAmounts(db: Db, actor: Actor, amounts: Record<Komponen, number>) {
  requireRole(actor, SETTINGS_DUTIES.edit);
  return inTransaction(db, () => {
    const before = getBenefitAmounts(db);
    const impact = benefitChangeImpact(db, amounts);
    for (const [komponen, yearly] of Object.entries(amounts) as [Komponen, number][]) {
      db.insert(benefitAmounts)
        .values({ komponen, yearly })
        .onConflictDoUpdate({ target: benefitAmounts.komponen, set: { yearly } })
        .run();
    }
    const after = getBenefitAmounts(db);
    writeAudit(db, actor, {
      action: 'update',
      entity: 'settings',
      entityId: null,
      summary: `Besaran bantuan per komponen diubah (${impact.changed.length} komponen, ${formatNumber(impact.families)} KPM aktif terdampak)`,
      before,
      after,
    });
    return after;
  });
}

/** The office profile; the kabupaten/kota is fixed at setup because the regions were loaded for it. */
export function updateOffice(db: Db, actor: Actor, input: Omit<z.infer<typeof officeSchema>, 'regencyCode'>) {
  requireRole(actor, SETTINGS_DUTIES.edit);
  return inTransaction(db, () => {
    const before = getOffice(db);
    if (!before) throw new AppError('SETUP_REQUIRED', 'Aplikasi belum disiapkan.');
    const after = db.update(office).set(input).where(eq(office.id, 1)).returning().get();
    const withoutLogo = <T extends { logo: string | null }>(o: T) => ({ ...o, logo: o.logo ? '(gambar)' : null });
    writeAudit(db, actor, {
      action: 'update',
      entity: 'office',
      entityId: 1,
      summary: 'Profil kantor diubah',
      before: withoutLogo(before),
      after: withoutLogo(after),
    });
    return after;
  });
}
