/**
 * A graduated family's business records: the business with its dated entries, trainings, online selling and
 * PENA. Each write checks the family (graduated, the actor's own for a pendamping) and is audited in its
 * transaction.
 */
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import {
  type Business,
  type BusinessEntry,
  businessEntries,
  businesses,
  onlineShops,
  penaParticipations,
  trainings,
} from '../../../db/schema';
import {
  BUSINESS_TYPE_LABEL,
  type BusinessEntryInput,
  type BusinessSave,
  type OnlineShopInput,
  type PenaInput,
  type TrainingInput,
} from '../../domain/business';
import { AppError } from '../../domain/errors';
import { formatRupiah, formatTanggal } from '../../domain/format';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { recordableFamily } from './access';

export interface BusinessSaved {
  business: Business;
  entry: BusinessEntry | null;
}

function checkDates(input: BusinessSave, today: string): void {
  const fields: Record<string, string> = {};
  if (input.startDate > today) fields.startDate = 'Tanggal mulai usaha tidak boleh setelah hari ini.';
  if (input.entry && input.entry.entryDate > today)
    fields['entry.entryDate'] = 'Tanggal catatan tidak boleh setelah hari ini.';
  if (input.entry && input.entry.entryDate < input.startDate) {
    fields['entry.entryDate'] = 'Tanggal catatan sebelum tanggal mulai usaha.';
  }
  const first = Object.values(fields)[0];
  if (first) throw new AppError('INVALID_INPUT', first, { fields });
}

/**
 * Creates or updates the family's business and adds the entry if given, without opening a transaction: the
 * follow-up visit calls it inside its own so the visit and the business are saved together or not at all.
 */
export function applyBusiness(
  db: Db,
  actor: Actor,
  input: BusinessSave,
  today: string,
  visitId: number | null = null,
): BusinessSaved {
  const family = recordableFamily(db, actor, input.kpmId);
  checkDates(input, today);
  const now = new Date().toISOString();
  const before = db.select().from(businesses).where(eq(businesses.kpmId, input.kpmId)).get();
  const fields = { type: input.type, description: input.description, startDate: input.startDate };
  const business = before
    ? db.update(businesses).set(fields).where(eq(businesses.id, before.id)).returning().get()
    : db
        .insert(businesses)
        .values({ kpmId: input.kpmId, ...fields, createdAt: now })
        .returning()
        .get();
  const entry = input.entry ? insertEntry(db, actor, business.id, input.entry, visitId, now) : null;
  writeAudit(db, actor, {
    action: before ? 'update' : 'create',
    entity: 'business',
    entityId: business.id,
    summary: `Usaha ${BUSINESS_TYPE_LABEL[input.type].toLowerCase()} ${family.nama} ${before ? 'diperbarui' : 'dicatat'}${
      entry
        ? `; ${formatTanggal(entry.entryDate)} omzet ${formatRupiah(entry.turnover)}, pendapatan ${formatRupiah(entry.income)}`
        : ''
    }${visitId ? ' (kunjungan pemantauan)' : ''}`,
    before: before ?? null,
    after: { business, entry },
  });
  return { business, entry };
}

function insertEntry(
  db: Db,
  actor: Actor,
  businessId: number,
  entry: BusinessEntryInput,
  visitId: number | null,
  now: string,
) {
  return db
    .insert(businessEntries)
    .values({ businessId, ...entry, visitId, recordedBy: actor.id, recordedAt: now })
    .returning()
    .get();
}

export function saveBusiness(db: Db, actor: Actor, input: BusinessSave, today: string): BusinessSaved {
  return inTransaction(db, () => applyBusiness(db, actor, input, today));
}

function refuseFuture(date: string, today: string, field: string, label: string): void {
  if (date > today) {
    const message = `${label} tidak boleh setelah hari ini.`;
    throw new AppError('INVALID_INPUT', message, { fields: { [field]: message } });
  }
}

export function addTraining(db: Db, actor: Actor, input: TrainingInput, today: string) {
  return inTransaction(db, () => {
    const family = recordableFamily(db, actor, input.kpmId);
    refuseFuture(input.startDate, today, 'startDate', 'Tanggal mulai pelatihan');
    if (input.completed) refuseFuture(input.endDate, today, 'endDate', 'Tanggal selesai pelatihan yang sudah selesai');
    const row = db
      .insert(trainings)
      .values({
        ...input,
        certificateNumber: input.certificate ? input.certificateNumber : '',
        recordedAt: new Date().toISOString(),
      })
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'create',
      entity: 'business_training',
      entityId: row.id,
      summary: `Rujukan pelatihan ${input.course} di ${input.institution} untuk ${family.nama} dicatat`,
      after: row,
    });
    return row;
  });
}

export function addOnlineShop(db: Db, actor: Actor, input: OnlineShopInput, today: string) {
  return inTransaction(db, () => {
    const family = recordableFamily(db, actor, input.kpmId);
    refuseFuture(input.since, today, 'since', 'Tanggal mulai berjualan online');
    const row = db
      .insert(onlineShops)
      .values({ ...input, recordedAt: new Date().toISOString() })
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'create',
      entity: 'business_online_shop',
      entityId: row.id,
      summary: `Jualan online ${family.nama} di ${input.platform} (${input.accountName}) dicatat`,
      after: row,
    });
    return row;
  });
}

export function addPena(db: Db, actor: Actor, input: PenaInput, today: string) {
  return inTransaction(db, () => {
    const family = recordableFamily(db, actor, input.kpmId);
    refuseFuture(input.date, today, 'date', 'Tanggal PENA');
    const row = db
      .insert(penaParticipations)
      .values({ ...input, recordedAt: new Date().toISOString() })
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'create',
      entity: 'business_pena',
      entityId: row.id,
      summary: `PENA ${input.scheme} ${formatRupiah(input.amount)} untuk ${family.nama} dicatat`,
      after: row,
    });
    return row;
  });
}
