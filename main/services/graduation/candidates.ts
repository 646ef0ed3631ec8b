/**
 * Candidates for graduation (calon graduasi): adding them (one by one, from a list, from the
 * alamiah scan), the list with its filters, and withdrawing one. A family has at most one open candidacy
 * (the partial unique index candidate_open_uq); it is checked first so the user reads why, not a constraint.
 */

import { and, eq, inArray } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import {
  type CandidateListRow,
  candidatePage,
  type FamilyFilters,
  familyFilterSql,
} from '../../../db/queries/candidates';
import { type GraduationCandidate, graduationCandidates, kpm, proposalItems, proposals } from '../../../db/schema';
import { CANDIDATE_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatNames } from '../../domain/format';
import {
  CANDIDATE_KIND_LABEL,
  CANDIDATE_STAGE_LABEL,
  type CandidateKind,
  type CandidateStage,
  MANDIRI_REASON_LABEL,
  type MandiriReason,
  OPEN_STAGES,
} from '../../domain/graduation';
import { type Page, type PagingInput, pageWindow } from '../../domain/paging';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import { requireOwnFamilyById, scopedPendampingFilter } from '../own-families';

/** Who may propose candidates: the operator on behalf of the pendamping, and the administrator. */

export interface NewCandidate {
  kpmId: number;
  kind: CandidateKind;
  reasons: string[];
  notes: string;
}

/** Why a family cannot become a candidate now, or null when it can. */
export function candidateRefusal(
  family: { nama: string; status: string } | undefined,
  openStage: CandidateStage | null,
): string | null {
  if (!family) return 'KPM tidak ditemukan.';
  if (family.status !== 'aktif') return `KPM ${family.nama} tidak aktif; hanya keluarga aktif yang dapat diusulkan.`;
  if (openStage)
    return `KPM ${family.nama} sudah menjadi calon graduasi (tahap ${CANDIDATE_STAGE_LABEL[openStage].toLowerCase()}).`;
  return null;
}

function openStageOf(db: Db, kpmId: number): CandidateStage | null {
  const row = db
    .select({ stage: graduationCandidates.stage })
    .from(graduationCandidates)
    .where(and(eq(graduationCandidates.kpmId, kpmId), inArray(graduationCandidates.stage, [...OPEN_STAGES])))
    .get();
  return row?.stage ?? null;
}

/**
 * Inserts candidacies inside the caller's transaction, each audited; any refusal throws and so undoes the
 * whole set (all or nothing). The pendamping is copied from the family: targets count per pendamping.
 */
export function insertCandidates(db: Db, actor: Actor, items: NewCandidate[], source: string): GraduationCandidate[] {
  const now = new Date().toISOString();
  const seen = new Set<number>();
  return items.map((item) => {
    const family = db
      .select({ nama: kpm.nama, status: kpm.status, idKpm: kpm.idKpm, pendampingId: kpm.pendampingId })
      .from(kpm)
      .where(eq(kpm.id, item.kpmId))
      .get();
    const refusal = seen.has(item.kpmId)
      ? `KPM ${family?.nama ?? item.kpmId} dipilih dua kali.`
      : candidateRefusal(family, openStageOf(db, item.kpmId));
    if (refusal || !family) throw new AppError('CONFLICT', refusal ?? 'KPM tidak ditemukan.');
    seen.add(item.kpmId);
    const created = db
      .insert(graduationCandidates)
      .values({
        ...item,
        stage: 'candidate',
        pendampingId: family.pendampingId,
        createdBy: actor.id,
        createdByName: actor.username,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'candidate_add',
      entity: 'kpm',
      entityId: item.kpmId,
      summary: `KPM ${family.nama} diusulkan sebagai calon ${CANDIDATE_KIND_LABEL[item.kind].toLowerCase()} (${source})`,
      after: created,
    });
    return created;
  });
}

export function addMandiriCandidate(
  db: Db,
  actor: Actor,
  input: { kpmId: number; reasons: MandiriReason[]; notes: string },
): GraduationCandidate {
  requireRole(actor, CANDIDATE_DUTIES.addOne);
  return inTransaction(db, () => {
    requireOwnFamilyById(db, actor, input.kpmId);
    const [created] = insertCandidates(db, actor, [{ ...input, kind: 'mandiri' }], 'dari halaman keluarga');
    return created;
  });
}

/**
 * Withdraws one or several candidates with one reason, all or nothing, each audited. A candidacy already
 * decided or withdrawn, or one in a proposal (its decision belongs to the proposal: it is removed from a draft
 * or rejected in the penetapan), is refused by name and nothing is withdrawn.
 */
export function withdrawCandidates(
  db: Db,
  actor: Actor,
  input: { ids: number[]; reason: string },
): { withdrawn: number } {
  requireRole(actor, CANDIDATE_DUTIES.edit);
  const ids = [...new Set(input.ids)];
  return inTransaction(db, () => {
    const rows = db
      .select({ candidate: graduationCandidates, nama: kpm.nama, proposal: proposals.number })
      .from(graduationCandidates)
      .innerJoin(kpm, eq(kpm.id, graduationCandidates.kpmId))
      .leftJoin(proposalItems, eq(proposalItems.candidateId, graduationCandidates.id))
      .leftJoin(proposals, eq(proposals.id, proposalItems.proposalId))
      .where(inArray(graduationCandidates.id, ids))
      .all();
    if (rows.length !== ids.length) {
      throw new AppError('NOT_FOUND', 'Ada calon graduasi yang tidak ditemukan; tidak ada calon yang dibatalkan.');
    }
    const closed = rows.filter((r) => !(OPEN_STAGES as readonly string[]).includes(r.candidate.stage));
    if (closed.length > 0) {
      const named = formatNames(
        closed.map((r) => `${r.nama} (${CANDIDATE_STAGE_LABEL[r.candidate.stage].toLowerCase()})`),
      );
      throw new AppError(
        'CONFLICT',
        `Calon ${named} sudah ditutup; hanya calon yang belum diputuskan dapat dibatalkan. Tidak ada calon yang dibatalkan.`,
      );
    }
    const proposed = rows.filter((r) => r.proposal !== null);
    if (proposed.length > 0) {
      const named = formatNames(proposed.map((r) => `${r.nama} (usulan ${r.proposal})`));
      throw new AppError(
        'CONFLICT',
        `Calon ${named} ada dalam usulan; keluarkan dari usulan yang masih draf, atau tolak dalam penetapan. Tidak ada calon yang dibatalkan.`,
      );
    }
    const now = new Date().toISOString();
    for (const { candidate: before } of rows) {
      const updated = db
        .update(graduationCandidates)
        .set({ stage: 'cancelled', closedReason: input.reason, updatedAt: now })
        .where(eq(graduationCandidates.id, before.id))
        .returning()
        .get();
      writeAudit(db, actor, {
        action: 'candidate_withdraw',
        entity: 'kpm',
        entityId: before.kpmId,
        summary: `Calon graduasi dibatalkan: ${input.reason}`,
        before,
        after: updated,
      });
    }
    return { withdrawn: rows.length };
  });
}

export type { FamilyFilters };
export { familyFilterSql };

/** A candidacy as the list shows it: the stored row with its reasons read from their JSON text. */
export type CandidateRow = Omit<CandidateListRow, 'reasons'> & { reasons: string[] };

export interface CandidateListInput extends FamilyFilters, PagingInput {
  kind: CandidateKind | null;
  stage: CandidateStage | null;
}

export function listCandidates(db: Db, actor: Actor, input: CandidateListInput): Page<CandidateRow> {
  const families = { ...input, pendampingId: scopedPendampingFilter(actor, input.pendampingId) };
  const { total, rows } = candidatePage(
    db,
    { families, year: new Date().getFullYear(), kind: input.kind, stage: input.stage },
    pageWindow(input),
  );
  const items = rows.map((r) => ({ ...r, reasons: JSON.parse(r.reasons) as string[] }));
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** Reasons as the user reads them: mandiri codes by their label, alamiah summaries as they are. */
export function reasonLabel(reason: string): string {
  return MANDIRI_REASON_LABEL[reason as MandiriReason] ?? reason;
}
