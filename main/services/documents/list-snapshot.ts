/**
 * The list documents: the daftar usulan (every family of a proposal) and the lampiran
 * keputusan (the families of its decision, each Disetujui or Ditolak with the reason), as snapshots.
 */
import type { Db } from '../../../db/open';
import { AppError } from '../../domain/errors';
import { formatNumber, formatTanggal } from '../../domain/format';
import { CANDIDATE_KIND_LABEL, type CandidateKind } from '../../domain/graduation';
import type { ListRow } from '../../domain/printed-document';
import type { LetterContext } from './context';
import { contextParts, type DocumentDraft, fillTexts } from './snapshot';

export type ListKind = 'daftar_usulan' | 'lampiran_keputusan';

interface ItemRow {
  nama: string;
  nik: string;
  noKk: string;
  alamat: string;
  rt: string;
  rw: string;
  desa: string;
  kecamatan: string;
  kind: CandidateKind;
  pendamping: string;
  decision: 'disetujui' | 'ditolak' | null;
  rejectReason: string | null;
}

function itemsOf(db: Db, proposalId: number): ItemRow[] {
  return db.$client
    .prepare<[number], ItemRow>(
      `SELECT k.nama, k.nik, k.no_kk AS noKk, k.alamat, k.rt, k.rw, COALESCE(v.name, '') AS desa,
              COALESCE(d.name, '') AS kecamatan, c.kind, COALESCE(p.name, '') AS pendamping,
              pi.decision, pi.reject_reason AS rejectReason
       FROM proposal_items pi
       JOIN graduation_candidates c ON c.id = pi.candidate_id
       JOIN kpm k ON k.id = c.kpm_id
       LEFT JOIN regions v ON v.code = k.village_code
       LEFT JOIN regions d ON d.code = k.district_code
       LEFT JOIN pendamping p ON p.id = COALESCE(c.pendamping_id, k.pendamping_id)
       WHERE pi.proposal_id = ?
       ORDER BY d.name, v.name, k.nama COLLATE NOCASE, k.id`,
    )
    .all(proposalId);
}

/** 'Jl. Melati 3 RT 002/RW 005' */
function addressOf(item: ItemRow): string {
  const rtRw = [item.rt && `RT ${item.rt}`, item.rw && `RW ${item.rw}`].filter(Boolean).join('/');
  return [item.alamat, rtRw].filter(Boolean).join(' ');
}

function rowOf(item: ItemRow, withDecision: boolean): ListRow {
  const keputusan = !withDecision
    ? ''
    : item.decision === 'disetujui'
      ? 'Disetujui'
      : `Ditolak${item.rejectReason ? `: ${item.rejectReason}` : ''}`;
  return {
    nama: item.nama,
    nik: item.nik,
    noKk: item.noKk,
    alamat: addressOf(item),
    desa: item.desa,
    kecamatan: item.kecamatan,
    jenisGraduasi: CANDIDATE_KIND_LABEL[item.kind],
    pendamping: item.pendamping,
    keputusan,
  };
}

interface ProposalRow {
  id: number;
  number: string;
  year: number;
  title: string;
}

interface DecisionRow {
  id: number;
  skNumber: string;
  skDate: string;
}

function proposalOf(db: Db, proposalId: number): ProposalRow {
  const row = db.$client
    .prepare<[number], ProposalRow>('SELECT id, number, year, title FROM proposals WHERE id = ?')
    .get(proposalId);
  if (!row) throw new AppError('NOT_FOUND', 'Usulan tidak ditemukan.');
  return row;
}

/** The proposal's decision in force (not reversed), if any. */
export function decisionOf(db: Db, proposalId: number): DecisionRow | null {
  return (
    db.$client
      .prepare<[number], DecisionRow>(
        `SELECT id, sk_number AS skNumber, sk_date AS skDate FROM decisions
         WHERE proposal_id = ? AND reversed_at IS NULL ORDER BY id DESC LIMIT 1`,
      )
      .get(proposalId) ?? null
  );
}

/** The draft of a proposal's daftar usulan or its decision's lampiran keputusan. */
export function listDraft(db: Db, ctx: LetterContext, kind: ListKind, proposalId: number): DocumentDraft {
  const proposal = proposalOf(db, proposalId);
  const decision = decisionOf(db, proposalId);
  if (kind === 'lampiran_keputusan' && !decision) {
    throw new AppError(
      'CONFLICT',
      `Usulan ${proposal.number} belum diputuskan (atau keputusannya dibatalkan); lampiran keputusan belum dapat dibuat.`,
    );
  }
  const items = itemsOf(db, proposalId);
  if (items.length === 0) throw new AppError('CONFLICT', `Usulan ${proposal.number} belum memuat KPM.`);
  const withDecision = kind === 'lampiran_keputusan';
  const values: Record<string, string> = {
    nomor_usulan: proposal.number,
    judul_usulan: proposal.title,
    nomor_sk: decision?.skNumber ?? '',
    tanggal_sk: formatTanggal(decision?.skDate),
    jumlah: formatNumber(items.length),
    tahun: String(proposal.year),
    ...ctx.officeValues,
  };
  // The SK and the totals are in the opening and under the table (the layout counts the rows): the heading
  // only names the year.
  const heading = [`Tahun ${proposal.year}`];
  return {
    printed: {
      ...contextParts(ctx),
      ...fillTexts(ctx, values),
      list: { heading, rows: items.map((item) => rowOf(item, withDecision)) },
    },
    subject:
      withDecision && decision ? `Lampiran SK ${decision.skNumber}` : `Usulan ${proposal.number}: ${proposal.title}`,
    kpmId: null,
    proposalId,
    decisionId: decision && withDecision ? decision.id : null,
  };
}
