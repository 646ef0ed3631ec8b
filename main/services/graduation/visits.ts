/**
 * Follow-up visits after graduation. The decision creates one visit per interval of the
 * settings (due = SK date + N months, see main/domain/dates.ts addMonths); this records them and lists the ones
 * to make. A visit of a reversed decision is no longer due: the family did not graduate.
 */

import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { type DueVisitRow, dueVisitCount, dueVisits, visitToRecord } from '../../../db/queries/graduation';
import { followUpVisits } from '../../../db/schema';
import type { VisitBusiness } from '../../domain/business';
import { daysBetween, monthBounds } from '../../domain/dates';
import { VISIT_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatTanggal, todayIso } from '../../domain/format';
import { type Page, type PagingInput, pageWindow } from '../../domain/paging';
import type { VisitListKind, VisitRecord } from '../../domain/progress';
import { type Actor, ownPendampingId, requireRole } from '../actor';
import { writeAudit } from '../audit';
import { requireOwnFamily, scopedPendampingFilter } from '../own-families';

const NO_ROWS = { limit: 0, offset: 0 };

import { applyBusiness } from '../business/records';

/** Pendamping visit with the operator's data entry; the verifikator visits too. */

export interface VisitListInput extends PagingInput {
  kind: VisitListKind;
  pendampingId?: number | null;
}

export interface VisitRow extends DueVisitRow {
  /** Days past the due date (overdue list), 0 otherwise. */
  daysLate: number;
}

/**
 * 'bulan_ini': not visited, due from today to the month's end; 'terlambat': not visited, due before today. The
 * two lists do not overlap: a visit due on the 3rd is late on the 20th, not "due this month".
 */
function dueRange(kind: VisitListKind, today: string): [string, string] {
  return kind === 'bulan_ini' ? [today, monthBounds(today).last] : ['0000-01-01', addDays(today, -1)];
}

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function listVisits(db: Db, actor: Actor, input: VisitListInput, today = todayIso()): Page<VisitRow> {
  const [from, to] = dueRange(input.kind, today);
  const pendampingId = scopedPendampingFilter(actor, input.pendampingId);
  const { total, rows } = dueVisits(db, { from, to, pendampingId }, pageWindow(input));
  const items = rows.map((r) => ({ ...r, daysLate: Math.max(0, daysBetween(r.dueDate, today)) }));
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** How many visits are due this month and how many are late: the home page's reminder. */
export function visitCounts(db: Db, actor: Actor, today = todayIso()): Record<VisitListKind, number> {
  const own = ownPendampingId(actor);
  const count = (kind: VisitListKind) => {
    const [from, to] = dueRange(kind, today);
    // A pendamping's families only: the paged query's total (no rows read); the office keeps the fast count.
    return own == null ? dueVisitCount(db, from, to) : dueVisits(db, { from, to, pendampingId: own }, NO_ROWS).total;
  };
  return { bulan_ini: count('bulan_ini'), terlambat: count('terlambat') };
}

/** Records a visit once; the date lies between the SK date and today (the schema checks "not after today"). */
export function recordVisit(db: Db, actor: Actor, input: VisitRecord, today = todayIso()) {
  requireRole(actor, VISIT_DUTIES.record);
  return inTransaction(db, () => {
    const visit = visitToRecord(db, input.id);
    if (!visit) throw new AppError('NOT_FOUND', 'Jadwal kunjungan tidak ditemukan.');
    requireOwnFamily(actor, visit.pendampingId, 'Jadwal kunjungan tidak ditemukan.');
    if (visit.reversedAt) {
      throw new AppError(
        'CONFLICT',
        `Penetapan graduasi ${visit.nama} sudah dibatalkan; kunjungan ini tidak diperlukan lagi.`,
      );
    }
    if (visit.visitedDate) {
      throw new AppError(
        'CONFLICT',
        `Kunjungan bulan ke-${visit.monthsAfter} untuk ${visit.nama} sudah dicatat pada ${formatTanggal(visit.visitedDate)}.`,
      );
    }
    if (input.visitedDate < visit.skDate) {
      const message = `Tanggal kunjungan ${formatTanggal(input.visitedDate)} sebelum tanggal SK graduasi (${formatTanggal(visit.skDate)}).`;
      throw new AppError('INVALID_INPUT', message, { fields: { visitedDate: message } });
    }
    const { id, business, ...values } = input;
    const after = db
      .update(followUpVisits)
      .set({ ...values, recordedBy: actor.id, recordedAt: new Date().toISOString() })
      .where(eq(followUpVisits.id, id))
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'record',
      entity: 'follow_up_visit',
      entityId: id,
      summary: `Kunjungan pemantauan bulan ke-${visit.monthsAfter} untuk ${visit.nama} dicatat (${formatTanggal(input.visitedDate)}${input.slippedBack ? ', kembali rentan' : ''})`,
      after,
    });
    if (business) recordVisitBusiness(db, actor, visit.kpmId, input, business, today);
    return after;
  });
}

/** The visit's business section as the family's business and a dated entry, inside the visit's transaction. */
function recordVisitBusiness(
  db: Db,
  actor: Actor,
  kpmId: number,
  visit: VisitRecord,
  business: VisitBusiness,
  today: string,
) {
  const { turnover, income, ...fields } = business;
  const entry = { entryDate: visit.visitedDate, running: visit.businessRunning, turnover, income, notes: visit.notes };
  applyBusiness(db, actor, { kpmId, ...fields, entry }, today, visit.id);
}
