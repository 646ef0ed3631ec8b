/**
 * The catalogue of goods. An award keeps the price its lines were given at (award_lines), so
 * a price change here touches no award. An item is never deleted, only switched off: awards refer to it.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { awardItemsNamed, byNameNoCase } from '../../../db/queries/fragments';
import { type AwardItem, awardItems } from '../../../db/schema';
import type { CatalogueItemInput } from '../../domain/awards';
import { AWARD_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatRupiah } from '../../domain/format';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { inWriteTransaction } from '../documents/numbering';

export function listItems(db: Db): AwardItem[] {
  return db.select().from(awardItems).orderBy(byNameNoCase(awardItems.name), asc(awardItems.id)).all();
}

function assertNameFree(db: Db, name: string, unit: string, ownId: number | undefined) {
  const same = awardItemsNamed(db, name, unit).find((r) => r.id !== ownId);
  if (same) {
    const message = `Barang "${name}" (${unit}) sudah ada di katalog.`;
    throw new AppError('DUPLICATE', message, { fields: { name: message } });
  }
}

export function saveItem(db: Db, actor: Actor, input: CatalogueItemInput): AwardItem {
  requireDuty(actor, AWARD_DUTIES.plan, 'mengatur katalog barang');
  const now = new Date().toISOString();
  const values = {
    name: input.name,
    unit: input.unit,
    unitPrice: input.unitPrice,
    supplier: input.supplier,
    active: input.active,
    updatedAt: now,
  };
  return inWriteTransaction(db, () => {
    assertNameFree(db, input.name, input.unit, input.id);
    if (input.id === undefined) {
      const created = db
        .insert(awardItems)
        .values({ ...values, createdAt: now })
        .returning()
        .get();
      writeAudit(db, actor, {
        action: 'create',
        entity: 'award_item',
        entityId: created.id,
        summary: `Barang "${created.name}" ditambahkan ke katalog, ${formatRupiah(created.unitPrice)}/${created.unit}`,
        after: created,
      });
      return created;
    }
    const before = db.select().from(awardItems).where(eq(awardItems.id, input.id)).get();
    if (!before) throw new AppError('NOT_FOUND', 'Barang tidak ditemukan di katalog.');
    const updated = db.update(awardItems).set(values).where(eq(awardItems.id, before.id)).returning().get();
    const changes = [
      before.unitPrice !== updated.unitPrice
        ? `harga ${formatRupiah(before.unitPrice)} menjadi ${formatRupiah(updated.unitPrice)}`
        : null,
      before.active !== updated.active ? (updated.active ? 'diaktifkan' : 'dinonaktifkan') : null,
    ].filter(Boolean);
    writeAudit(db, actor, {
      action: 'update',
      entity: 'award_item',
      entityId: before.id,
      summary: `Barang "${updated.name}" diubah${changes.length ? `: ${changes.join(', ')}` : ''}`,
      before,
      after: updated,
    });
    return updated;
  });
}
