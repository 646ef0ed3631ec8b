/**
 * Proposals (usulan): the operator bundles verified candidates into a numbered proposal for
 * a year; draft (candidates may be added and removed) -> submitted (candidates become 'proposed') ->
 * decided (decisions.ts).
 */
import { and, desc, eq, inArray, isNull, like } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { isPresent, latestScore, proposalItemCount, rowCount } from '../../../db/queries/fragments';
import { userNameSql } from '../../../db/queries/users';
import {
  assessments,
  type Decision,
  decisions,
  graduationCandidates,
  graduationStatements,
  kpm,
  type Proposal,
  proposalItems,
  proposals,
} from '../../../db/schema';
import {
  GRADUATION_DUTIES,
  type ProposalCreateInput,
  type ProposalItemsInput,
  type ProposalListInput,
  proposalNumber,
} from '../../domain/decision';
import { AppError } from '../../domain/errors';
import type { CandidateKind, CandidateStage, ItemDecision } from '../../domain/graduation';
import { type Page, type PagingInput, pageWindow } from '../../domain/paging';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { userNames } from '../user-names';
import { requiredText } from './checked-input';
import { type Builder, ownWorkRefusal, proposalBuilders } from './own-work';

export function loadProposal(db: Db, id: number): Proposal {
  const row = db.select().from(proposals).where(eq(proposals.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Usulan tidak ditemukan.');
  return row;
}

export function createProposal(db: Db, actor: Actor, input: ProposalCreateInput): Proposal {
  requireDuty(actor, GRADUATION_DUTIES.propose, 'membuat usulan graduasi');
  const title = requiredText('Judul usulan', 200, input.title, 'title');
  return inTransaction(db, () => {
    const last = db
      .select({ number: proposals.number })
      .from(proposals)
      .where(like(proposals.number, `USL/${input.year}/%`))
      .orderBy(desc(proposals.number))
      .get();
    const sequence = last ? Number(last.number.split('/')[2]) + 1 : 1;
    const row = db
      .insert(proposals)
      .values({
        number: proposalNumber(input.year, sequence),
        year: input.year,
        title,
        createdBy: actor.id,
        createdByName: actor.username,
        createdAt: new Date().toISOString(),
      })
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'create',
      entity: 'proposal',
      entityId: row.id,
      summary: `Usulan ${row.number} dibuat`,
      after: row,
    });
    return row;
  });
}

function requireDraft(proposal: Proposal): void {
  if (proposal.status !== 'draft') {
    throw new AppError('CONFLICT', `Usulan ${proposal.number} sudah diajukan; isinya tidak dapat diubah lagi.`);
  }
}

/** Adds verified candidates not yet in a proposal. */
export function addToProposal(db: Db, actor: Actor, input: ProposalItemsInput): { added: number } {
  requireDuty(actor, GRADUATION_DUTIES.propose, 'menyusun usulan graduasi');
  return inTransaction(db, () => {
    const proposal = loadProposal(db, input.proposalId);
    requireDraft(proposal);
    const ids = [...new Set(input.candidateIds)];
    const rows = db
      .select({
        id: graduationCandidates.id,
        stage: graduationCandidates.stage,
        nama: kpm.nama,
        inProposal: proposalItems.proposalId,
      })
      .from(graduationCandidates)
      .innerJoin(kpm, eq(kpm.id, graduationCandidates.kpmId))
      .leftJoin(proposalItems, eq(proposalItems.candidateId, graduationCandidates.id))
      .where(inArray(graduationCandidates.id, ids))
      .all();
    if (rows.length !== ids.length) throw new AppError('NOT_FOUND', 'Ada calon graduasi yang tidak ditemukan.');
    for (const row of rows) {
      if (row.stage !== 'verified') {
        throw new AppError(
          'CONFLICT',
          `${row.nama} belum terverifikasi layak; hanya calon terverifikasi yang dapat diusulkan.`,
        );
      }
      if (row.inProposal !== null) throw new AppError('CONFLICT', `${row.nama} sudah ada di sebuah usulan.`);
    }
    for (const id of ids) db.insert(proposalItems).values({ proposalId: proposal.id, candidateId: id }).run();
    writeAudit(db, actor, {
      action: 'add_items',
      entity: 'proposal',
      entityId: proposal.id,
      summary: `${ids.length} calon ditambahkan ke usulan ${proposal.number}`,
      after: { candidateIds: ids },
    });
    return { added: ids.length };
  });
}

export function removeFromProposal(db: Db, actor: Actor, input: ProposalItemsInput): { removed: number } {
  requireDuty(actor, GRADUATION_DUTIES.propose, 'menyusun usulan graduasi');
  return inTransaction(db, () => {
    const proposal = loadProposal(db, input.proposalId);
    requireDraft(proposal);
    const removed = db
      .delete(proposalItems)
      .where(and(eq(proposalItems.proposalId, proposal.id), inArray(proposalItems.candidateId, input.candidateIds)))
      .run().changes;
    writeAudit(db, actor, {
      action: 'remove_items',
      entity: 'proposal',
      entityId: proposal.id,
      summary: `${removed} calon dikeluarkan dari usulan ${proposal.number}`,
      before: { candidateIds: input.candidateIds },
    });
    return { removed };
  });
}

export function submitProposal(db: Db, actor: Actor, proposalId: number): Proposal {
  requireDuty(actor, GRADUATION_DUTIES.propose, 'mengajukan usulan graduasi');
  return inTransaction(db, () => {
    const proposal = loadProposal(db, proposalId);
    requireDraft(proposal);
    const ids = db
      .select({ id: proposalItems.candidateId })
      .from(proposalItems)
      .where(eq(proposalItems.proposalId, proposal.id))
      .all()
      .map((r) => r.id);
    if (ids.length === 0)
      throw new AppError('CONFLICT', `Usulan ${proposal.number} masih kosong; tambahkan calon terverifikasi dulu.`);
    const now = new Date().toISOString();
    db.update(graduationCandidates)
      .set({ stage: 'proposed', updatedAt: now })
      .where(inArray(graduationCandidates.id, ids))
      .run();
    const row = db
      .update(proposals)
      .set({ status: 'submitted', submittedAt: now })
      .where(eq(proposals.id, proposal.id))
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'submit',
      entity: 'proposal',
      entityId: proposal.id,
      summary: `Usulan ${proposal.number} diajukan (${ids.length} KPM)`,
      before: proposal,
      after: row,
    });
    return row;
  });
}

export interface ProposalRow extends Proposal {
  itemCount: number;
}

export function listProposals(db: Db, input: ProposalListInput): Page<ProposalRow> {
  const where = input.status ? eq(proposals.status, input.status) : undefined;
  const { offset, limit } = pageWindow(input);
  const items = db
    .select({
      ...proposalColumns,
      itemCount: proposalItemCount(proposals.id),
    })
    .from(proposals)
    .where(where)
    .orderBy(desc(proposals.id))
    .limit(limit)
    .offset(offset)
    .all();
  const total = db.select({ n: rowCount() }).from(proposals).where(where).get()?.n ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize };
}

const proposalColumns = {
  id: proposals.id,
  number: proposals.number,
  year: proposals.year,
  title: proposals.title,
  status: proposals.status,
  createdBy: proposals.createdBy,
  createdByName: userNameSql(proposals.createdBy, proposals.createdByName),
  createdAt: proposals.createdAt,
  submittedAt: proposals.submittedAt,
};

export interface ProposalItemRow {
  candidateId: number;
  kpmId: number;
  nama: string;
  nik: string;
  kind: CandidateKind;
  stage: CandidateStage;
  reasons: string[];
  decision: ItemDecision | null;
  rejectReason: string | null;
  lastScore: number | null;
  hasStatement: boolean;
  /** Names of everyone who assessed this candidacy (they may not decide it). */
  verifiers: string[];
}

export interface ProposalDetail {
  proposal: Proposal;
  items: ProposalItemRow[];
  decisions: Decision[];
  /** Everyone who built it (created, added or removed families, submitted), by name, and what they did. */
  builders: (Builder & { name: string })[];
  /** Why the asking user may not decide it (they built it or verified a family in it), or null. */
  decideRefusal: string | null;
}

/** The proposal as the user sees it; `viewerId` is the asking user, whose right to decide it is checked. */
export function getProposal(db: Db, id: number, viewerId: number | null = null): ProposalDetail {
  const proposal = loadProposal(db, id);
  const rows = db
    .select({
      candidateId: graduationCandidates.id,
      kpmId: kpm.id,
      nama: kpm.nama,
      nik: kpm.nik,
      kind: graduationCandidates.kind,
      stage: graduationCandidates.stage,
      reasons: graduationCandidates.reasons,
      decision: proposalItems.decision,
      rejectReason: proposalItems.rejectReason,
      hasStatement: isPresent(graduationStatements.candidateId),
      lastScore: latestScore(graduationCandidates.id),
    })
    .from(proposalItems)
    .innerJoin(graduationCandidates, eq(graduationCandidates.id, proposalItems.candidateId))
    .innerJoin(kpm, eq(kpm.id, graduationCandidates.kpmId))
    .leftJoin(graduationStatements, eq(graduationStatements.candidateId, graduationCandidates.id))
    .where(eq(proposalItems.proposalId, id))
    .orderBy(kpm.nama)
    .all();
  const verifiers = new Map<number, Set<string>>();
  if (rows.length > 0) {
    const list = db
      .select({ candidateId: assessments.candidateId, id: assessments.verifierId, name: assessments.verifierName })
      .from(assessments)
      .where(
        inArray(
          assessments.candidateId,
          rows.map((r) => r.candidateId),
        ),
      )
      .all();
    const nameOf = userNames(
      db,
      list.map((a) => a.id),
    );
    for (const a of list) {
      verifiers.set(a.candidateId, (verifiers.get(a.candidateId) ?? new Set()).add(nameOf(a.id, a.name)));
    }
  }
  const items = rows.map((r) => ({
    ...r,
    hasStatement: Boolean(r.hasStatement),
    verifiers: [...(verifiers.get(r.candidateId) ?? [])],
  }));
  const history = db.select().from(decisions).where(eq(decisions.proposalId, id)).orderBy(desc(decisions.id)).all();
  const builders = proposalBuilders(db, id);
  const nameOf = userNames(db, [
    proposal.createdBy,
    ...builders.map((b) => b.userId),
    ...history.flatMap((d) => [d.decidedBy, d.reversedBy]),
  ]);
  return {
    proposal: { ...proposal, createdByName: nameOf(proposal.createdBy, proposal.createdByName) },
    items,
    decisions: history.map((d) => ({
      ...d,
      decidedByName: nameOf(d.decidedBy, d.decidedByName),
      reversedByName: d.reversedByName === null ? null : nameOf(d.reversedBy, d.reversedByName),
    })),
    // named like every other person on the page
    builders: builders.map((b) => ({ ...b, name: nameOf(b.userId, b.username) })),
    decideRefusal: viewerId === null ? null : ownWorkRefusal(db, viewerId, proposal, items),
  };
}

export interface AvailableCandidate {
  candidateId: number;
  kpmId: number;
  nama: string;
  nik: string;
  kind: CandidateKind;
  lastScore: number | null;
}

/** Verified candidates that are in no proposal yet: what a draft may take. */
export function listProposable(db: Db, input: PagingInput): Page<AvailableCandidate> {
  const where = and(eq(graduationCandidates.stage, 'verified'), isNull(proposalItems.candidateId));
  const { offset, limit } = pageWindow(input);
  const base = () =>
    db
      .select({
        candidateId: graduationCandidates.id,
        kpmId: kpm.id,
        nama: kpm.nama,
        nik: kpm.nik,
        kind: graduationCandidates.kind,
        lastScore: latestScore(graduationCandidates.id),
      })
      .from(graduationCandidates)
      .innerJoin(kpm, eq(kpm.id, graduationCandidates.kpmId))
      .leftJoin(proposalItems, eq(proposalItems.candidateId, graduationCandidates.id))
      .where(where);
  const items = base().orderBy(kpm.nama).limit(limit).offset(offset).all();
  const total =
    db
      .select({ n: rowCount() })
      .from(graduationCandidates)
      .leftJoin(proposalItems, eq(proposalItems.candidateId, graduationCandidates.id))
      .where(where)
      .get()?.n ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize };
}
