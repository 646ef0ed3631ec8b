/**
 * The list documents: the daftar usulan (every family of a proposal) and the lampiran
 * keputusan (the families of its decision, each Disetujui or Ditolak with the reason), as snapshots.
 */
import type { Db } from '../../../db/open';
import {
  decisionOf,
  type ProposalHeading,
  type ProposalItemRow,
  proposalHeading,
  proposalItemRows,
} from '../../../db/queries/documents';
import { AppError } from '../../domain/errors';
import { formatNumber, formatTanggal } from '../../domain/format';
import { CANDIDATE_KIND_LABEL } from '../../domain/graduation';
import type { ListRow } from '../../domain/printed-document';
import type { LetterContext } from './context';
import { contextParts, type DocumentDraft, fillTexts } from './snapshot';

export type ListKind = 'daftar_usulan' | 'lampiran_keputusan';

/** 'Jl. Melati 3 RT 002/RW 005' */
function addressOf(item: ProposalItemRow): string {
  const rtRw = [item.rt && `RT ${item.rt}`, item.rw && `RW ${item.rw}`].filter(Boolean).join('/');
  return [item.alamat, rtRw].filter(Boolean).join(' ');
}

function rowOf(item: ProposalItemRow, withDecision: boolean): ListRow {
  const keputusan = !withDecision
    ? ''
    : item.decision === 'approved'
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

function proposalOf(db: Db, proposalId: number): ProposalHeading {
  const row = proposalHeading(db, proposalId);
  if (!row) throw new AppError('NOT_FOUND', 'Usulan tidak ditemukan.');
  return row;
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
  const items = proposalItemRows(db, proposalId);
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
