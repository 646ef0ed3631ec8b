/**
 * The complaints log (pengaduan): recorded per family by the office or the family's pendamping; a pendamping sees and
 * records only its own families' cases (a family of another pendamping is NOT_FOUND to it, as if absent).
 */
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { type ComplaintRow, complaintById, complaintPage, familyPendamping } from '../../../db/queries/evaluation';
import { complaints } from '../../../db/schema';
import { AppError } from '../../domain/errors';
import { COMPLAINT_DUTIES, type ComplaintListInput, type ComplaintSaveInput, monthDays } from '../../domain/evaluation';
import { type Page, pageWindow } from '../../domain/paging';
import { type Actor, ownPendampingId, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { getEvaluationSettings } from './settings';

export type { ComplaintRow } from '../../../db/queries/evaluation';

export function listComplaints(db: Db, actor: Actor, input: ComplaintListInput): Page<ComplaintRow> {
  requireDuty(actor, COMPLAINT_DUTIES.view, 'melihat pengaduan');
  const own = ownPendampingId(actor);
  const range = input.month ? monthDays(input.month) : undefined;
  const { offset, limit } = pageWindow(input);
  const { items, total } = complaintPage(
    db,
    { kpmId: input.kpmId, pendampingId: own, first: range?.first, last: range?.last, state: input.state },
    offset,
    limit,
  );
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** The family, refused as absent when the actor is a pendamping of other families. */
function requireOwnFamily(db: Db, actor: Actor, kpmId: number): void {
  const family = familyPendamping(db, kpmId);
  const own = ownPendampingId(actor);
  if (!family || (own !== null && family.pendampingId !== own)) {
    throw new AppError('NOT_FOUND', `KPM nomor ${kpmId} tidak ditemukan di antara KPM dampingan Anda.`, {
      fields: { kpmId: 'Pilih KPM dari daftar.' },
    });
  }
}

export function saveComplaint(db: Db, actor: Actor, input: ComplaintSaveInput, today: string): ComplaintRow {
  requireDuty(actor, COMPLAINT_DUTIES.record, 'mencatat pengaduan');
  const { complaintCategories } = getEvaluationSettings(db);
  if (!complaintCategories.includes(input.category)) {
    throw new AppError('INVALID_INPUT', `Kategori "${input.category}" tidak ada dalam daftar kategori kantor.`, {
      fields: { category: 'Pilih kategori dari daftar.' },
    });
  }
  if (input.date > today) {
    throw new AppError('INVALID_INPUT', 'Tanggal pengaduan tidak boleh sesudah hari ini.', {
      fields: { date: 'Tanggal pengaduan tidak boleh sesudah hari ini.' },
    });
  }
  if (input.resolvedDate !== null && input.resolvedDate > today) {
    throw new AppError('INVALID_INPUT', 'Tanggal selesai tidak boleh sesudah hari ini.', {
      fields: { resolvedDate: 'Tanggal selesai tidak boleh sesudah hari ini.' },
    });
  }
  requireOwnFamily(db, actor, input.kpmId);
  const before = input.id === undefined ? undefined : complaintById(db, input.id);
  if (input.id !== undefined) {
    if (!before) throw new AppError('NOT_FOUND', `Pengaduan nomor ${input.id} tidak ditemukan.`);
    requireOwnFamily(db, actor, before.kpmId);
  }
  return inTransaction(db, () => {
    const at = new Date().toISOString();
    const { id: _id, ...values } = input;
    let id = input.id;
    if (id === undefined) {
      id = db
        .insert(complaints)
        .values({ ...values, createdBy: actor.id, createdByName: actor.username, createdAt: at, updatedAt: at })
        .returning({ id: complaints.id })
        .get().id;
    } else {
      db.update(complaints)
        .set({ ...values, updatedAt: at })
        .where(eq(complaints.id, id))
        .run();
    }
    const after = complaintById(db, id) as ComplaintRow;
    writeAudit(db, actor, {
      action: before ? 'update' : 'create',
      entity: 'complaint',
      entityId: id,
      summary: `Pengaduan ${after.kpmName} (${input.date}) ${before ? 'diubah' : 'dicatat'}${input.resolvedDate ? ', selesai' : ''}`,
      before,
      after,
    });
    return after;
  });
}
